# dir() of instances and classes lists object's attributes and what a class statement adds.
class A:
    x = 1
    def m(self): pass
a = A(); a.y = 2
print(dir(a))
print(dir(A))
class B(A):
    """doc"""
    __slots__ = ("z",)
print(dir(B()))
print([n for n in dir(a) if not n.startswith("_")])
