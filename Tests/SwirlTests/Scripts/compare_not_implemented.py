# Rich comparisons that return NotImplemented: each method is asked once, then CPython's
# fallback (identity for == and !=, TypeError for ordering).
class A:
    def __eq__(self, o):
        print("A.eq")
        return NotImplemented

    def __lt__(self, o):
        print("A.lt")
        return NotImplemented


class B:
    def __eq__(self, o):
        print("B.eq")
        return NotImplemented

    def __gt__(self, o):
        print("B.gt")
        return NotImplemented


print(A() == B())
print(A() != B())
print(A() in [B()])
a = A()
print(a == a, a in [a], a != a)
print([A()] == [B()])
print(A() == 1, 1 == A(), A() != "x")
for left, right in [(A(), B()), (A(), 1), (1, B())]:
    try:
        print(left < right)
    except TypeError as e:
        print("TypeError:", e)


class C:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        print("C.eq", self.v)
        return isinstance(o, C) and self.v == o.v


print(C(1) != C(1), C(1) != C(2), C(1) == 3)
