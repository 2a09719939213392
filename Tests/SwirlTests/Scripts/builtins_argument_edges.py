# Calls that once crashed the interpreter or answered wrongly: missing arguments, huge
# sizes (MemoryError, not an abort), pow/round extremes, code-point prefix tests, and
# BaseException's own __str__/__repr__ reached through super().
for call in (lambda: {}.setdefault(), lambda: {}.setdefault(1, 2, 3), lambda: dict.fromkeys(),
             lambda: slice(), lambda: slice(1, 2, 3, 4), lambda: "ab".endswith(),
             lambda: (1).to_bytes(2**62, "big"), lambda: "a".ljust(2**62), lambda: "a".center(2**62),
             lambda: "a".zfill(2**62), lambda: pow(10**20, -1, 1.5)):
    try:
        print(repr(call()))
    except (TypeError, MemoryError, ValueError) as e:
        print(type(e).__name__, e)
print(pow(2**70, -1, 1), pow(0, -1, 1), pow(3, -1, 7), round(5, -19),
      round(12345, -2), round(2**70, -1))
print("data\r\n".endswith("\n"), "\r\nx".startswith("\r"), "data\r\n".removesuffix("\n") == "data\r",
      "\r\nx".removeprefix("\r") == "\nx", "hello".startswith("", 10), "hello".endswith("lo", None, 5),
      "hello".startswith("el", 1, None), "abc".endswith(("x", "c")))


class AppError(Exception):
    def __str__(self):
        return "AppError: " + super().__str__()

    def __repr__(self):
        return "R:" + super().__repr__()


print(AppError("disk full"), repr(AppError("x", 2)), str(AppError()))


class E2(KeyError):
    def __str__(self):
        return "<" + super().__str__() + ">"


print(E2("k"))
