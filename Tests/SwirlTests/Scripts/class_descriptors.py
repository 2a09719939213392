# Descriptors (__get__/__set__/__delete__, data before instance attributes), __set_name__,
# __init_subclass__.
class Positive:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private)

    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.private[1:]} must be positive, got {value}")
        setattr(obj, self.private, value)


class Lazy:
    def __init__(self, func):
        self.func = func
        self.name = func.__name__

    def __get__(self, obj, cls):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value
        print("computed", self.name)
        return value


class Item:
    price = Positive()
    qty = Positive()

    def __init__(self, price, qty):
        self.price = price
        self.qty = qty

    @Lazy
    def total(self):
        return self.price * self.qty


it = Item(3, 4)
print(it.price, it.qty, it.total, it.total)
print(sorted(vars(it)))
try:
    it.qty = -1
except ValueError as e:
    print("error:", e)
print(type(Item.price).__name__, type(Item.__dict__["total"]).__name__)


class Const:
    def __init__(self, v):
        self.v = v
    def __get__(self, obj, cls):
        return self.v
    def __set__(self, obj, value):
        raise AttributeError("read-only")
    def __delete__(self, obj):
        print("deleting")


class P:
    k = Const(42)


p = P()
p.__dict__["k"] = 1
print(p.k, P.k)
try:
    p.k = 5
except AttributeError as e:
    print("AttributeError:", e)
del p.k


class Registry:
    plugins = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        print("registering", cls.__name__)
        Registry.plugins.append(cls)


class A(Registry):
    pass


class B(A):
    pass


print([c.__name__ for c in Registry.plugins])


class Method:
    def __get__(self, obj, cls):
        return lambda: f"called on {type(obj).__name__}"


class M:
    m = Method()


print(M().m())
