# Error messages of % and str.format conversions, float bit operators, str/list + an object
# whose __radd__ declines; property AttributeError falling back to __getattr__; __delattr__.
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: "%x" % 3.5)
t(lambda: "%#o" % 3.5)
t(lambda: "%X" % -2.5)
t(lambda: "%c" % 3.5)
t(lambda: "%c" % "ab")
t(lambda: "%c" % 65)
t(lambda: "%c" % "z")
t(lambda: "%.0%" % (1,))
t(lambda: "%5%" % ())
t(lambda: "%o" % "s")
t(lambda: "%d %i %x" % (3.7, True, True))
t(lambda: "%(a)s%%" % {"a": 1})
t(lambda: "{0!x}".format(1))
t(lambda: "{0!rr}".format(1))
t(lambda: "{0!r:>5}".format(1))
t(lambda: 1.5 << 1)
t(lambda: 2 & 1.0)
class M:
    def __radd__(self, o):
        return NotImplemented
t(lambda: "s" + M())
t(lambda: [1] + M())


class Lazy:
    @property
    def value(self):
        raise AttributeError("not yet")

    def __getattr__(self, name):
        return f"fallback for {name}"


print(Lazy().value)


class Guarded:
    def __init__(self):
        self.x = 1

    def __delattr__(self, name):
        print("deleting", name)
        super().__delattr__(name)


g = Guarded()
del g.x
print(hasattr(g, "x"))
