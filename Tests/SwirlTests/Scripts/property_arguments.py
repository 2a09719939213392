# property(fget, fset, fdel, doc) as in the Python docs' example, positional and keyword.
class C:
    def __init__(self):
        self._x = None

    def getx(self):
        return self._x

    def setx(self, value):
        self._x = value

    def delx(self):
        print("deleting x")
        del self._x

    x = property(getx, setx, delx, "I'm the 'x' property.")
    y = property(fget=getx, doc="y doc")


c = C()
c.x = 5
print(c.x, c.y, C.x.__doc__, C.y.__doc__)
del c.x
print(hasattr(c, "_x"), C.x.fdel.__name__)
