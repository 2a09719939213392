# super() in methods whose self is captured by a comprehension or lambda; built-in functions
# stored as class attributes are not bound; a declining __ne__ falls back to identity.

# --- 37
class Base:
    def describe(self): return "Base"
class Child(Base):
    def __init__(self): self.items = ["x", "y"]
    def mark(self, s): return s + "!"
    def describe(self):
        marked = [self.mark(i) for i in self.items]
        return super().describe() + ":" + str(marked)
print(Child().describe())
class Interface:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        names = [n for n in ("a",) if hasattr(cls, n)]
        print("ok", cls.__name__)
class Reader(Interface):
    pass

# --- 44
calls = []
class A:
    def __eq__(self, o):
        calls.append("A.eq"); return NotImplemented
    def __ne__(self, o):
        calls.append("A.ne"); return NotImplemented
class B:
    def __eq__(self, o):
        calls.append("B.eq"); return NotImplemented
    def __ne__(self, o):
        calls.append("B.ne"); return NotImplemented
print(A() != B(), calls); calls.clear()
print(A() != A(), calls)
class C:
    def __eq__(self, o): return True
    def __ne__(self, o): return NotImplemented
print(C() != C())

# --- 47
import math
items = []
class A:
    out = print
    size = len
    root = math.sqrt
    add = items.append
a = A()
a.out("builtin not bound")
try:
    print(a.size([1, 2]))
except TypeError as e:
    print("TypeError:", e)
print(a.root(9))
a.add(5)
print(items)
