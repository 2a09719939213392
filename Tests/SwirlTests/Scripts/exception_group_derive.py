# split() and subgroup() build their parts with the group's own derive(), which a subclass
# may override; derive() must return an exception group.
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)
class Bad(ExceptionGroup):
    def derive(self, excs):
        return 42
m = MyEG("mine", [ValueError(1), TypeError(2), ExceptionGroup("inner", [KeyError(3), ValueError(4)])])
match, rest = m.split(ValueError)
print(type(match).__name__, match.message, match.exceptions)
print(type(rest).__name__, rest.message, rest.exceptions)
print(m.subgroup(lambda e: isinstance(e, KeyError)))
try:
    Bad("b", [ValueError(1), KeyError(2)]).split(ValueError)
except TypeError as e:
    print("TypeError:", e)
eg = ExceptionGroup("plain", [ValueError(1), KeyError(2)])
