# __slots__: only the declared names can be set; no __dict__; subclasses add names.
class P:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = 1
p = P()
print(p.a)
try:
    print(p.b)
except AttributeError as e:
    print("AE", e)
try:
    p.c = 3
except AttributeError as e:
    print("AE", e)
try:
    print(p.__dict__)
except AttributeError as e:
    print("AE", e)
class Q(P):
    __slots__ = ['c']
q = Q(); q.c = 5; print(q.c)
try:
    q.d = 1
except AttributeError as e:
    print("AE", e)
class R(P):
    pass
r = R(); r.z = 1; print(r.z)
class S:
    __slots__ = 'x'
s = S(); s.x = 2; print(s.x)
try:
    s.y = 1
except AttributeError as e:
    print("AE", e)
del s.x
try:
    del s.x
except AttributeError as e:
    print("AE", e)
print(hasattr(s, 'x'), getattr(s, 'x', 'dflt'))
