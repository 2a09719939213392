# Descriptor and __setattr__ details: a class's __setattr__ sees descriptor assignments, a
# __delete__-only descriptor refuses assignment, __get__'s AttributeError reaches __getattr__,
# dataclass __init__ assigns through descriptors and __setattr__, unions as dict keys, vars()
# of a slotted object.

# --- 01
def case_01():
    d = {int | str: "x"}
    print(d.get(int | str), d.get(str | int))
    s = {int | str}
    print((str | int) in s, (int | str) in s)
    print(list[int] in {list[int]: 1}, hash(list[int]) == hash(list[int]))
try:
    case_01()
except Exception as e:
    print(type(e).__name__, e)

# --- 06
def case_06():
    class OnlyDel:
        def __delete__(self, obj):
            print("del called")
    class C:
        a = OnlyDel()
    c = C()
    c.a = 1
    print(c.__dict__)
try:
    case_06()
except Exception as e:
    print(type(e).__name__, e)

# --- 16
def case_16():
    class D:
        def __get__(self, obj, cls):
            raise AttributeError("computed missing")
    class C:
        x = D()
        def __getattr__(self, n):
            return "fallback-" + n
    print(C().x)
try:
    case_16()
except Exception as e:
    print(type(e).__name__, e)

# --- 17
def case_17():
    class D:
        def __get__(self, o, t): return o.__dict__.get("_d") if o else self
        def __set__(self, o, v): print("D.set"); o.__dict__["_d"] = v
    class C:
        d = D()
        def __setattr__(self, k, v):
            print("C.setattr", k)
            super().__setattr__(k, v)
    c = C()
    c.d = 1
try:
    case_17()
except Exception as e:
    print(type(e).__name__, e)

# --- 18
def case_18():
    class P:
        __slots__ = ("x",)
    p = P(); p.x = 1
    print(vars(p))
try:
    case_18()
except Exception as e:
    print(type(e).__name__, e)

# --- 21
def case_21():
    from dataclasses import dataclass, fields
    class Clamp:
        def __set_name__(self, o, n): self.n = "_" + n
        def __get__(self, obj, t):
            if obj is None: return 5
            return getattr(obj, self.n)
        def __set__(self, obj, v): print("set", v); setattr(obj, self.n, v)
    @dataclass
    class Vol:
        level: int = Clamp()
    print(fields(Vol)[0].default)
    v = Vol(7)
    print(v.__dict__)
    v = Vol()
    print(v.__dict__)
try:
    case_21()
except Exception as e:
    print(type(e).__name__, e)

# --- 22
def case_22():
    from dataclasses import dataclass
    @dataclass
    class P:
        x: int
        def __setattr__(self, k, v):
            print("setattr", k, v)
            object.__setattr__(self, k, v)
    print(P(3).x)
try:
    case_22()
except Exception as e:
    print(type(e).__name__, e)
