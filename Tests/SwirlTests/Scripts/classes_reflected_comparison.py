# Reflected comparison priority for subclasses, and e.__traceback__ after a raise.
class Base:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print("Base.__eq__", type(self).__name__, type(o).__name__)
        return isinstance(o, Base) and self.v == o.v
    def __lt__(self, o):
        print("Base.__lt__")
        return self.v < o.v
    def __gt__(self, o):
        print("Base.__gt__")
        return self.v > o.v
    __hash__ = None
class Der(Base):
    def __eq__(self, o):
        print("Der.__eq__", type(self).__name__, type(o).__name__)
        return isinstance(o, Base) and self.v == o.v
    def __gt__(self, o):
        print("Der.__gt__")
        return self.v > o.v
print(Base(1) == Der(1))
print(Der(1) == Base(1))
print(Base(1) < Der(2))
print(Base(1) == Base(1))
try:
    1 / 0
except ZeroDivisionError as e:
    print(e.__traceback__ is not None, type(e.__traceback__).__name__)
print(ValueError("x").__traceback__)
