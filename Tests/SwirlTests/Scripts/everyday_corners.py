# Everyday corners: bool &|^, split/rsplit remainders, index/count with bounds, true
# division of big ints, format field names, int() literals, object.__init__ arguments,
# 'in' on a non-container, __class__ of plain values.
import math
found = False; found |= 5 > 4; print(found, True & True, (1 > 3) ^ True, True | 0, False & 3)
print("go   north  ".split(maxsplit=1), "  a b  ".rsplit(None, 1), "  a b  ".split(None, 0), "  a b  ".rsplit(None, 0), "a   ".split(None, 1), "   ".split(None, 0))
print([1, 2, 3, 2].index(2, 2), (1, 2, 3, 2).index(2, 2), [1, 2, 3].index(3, -1), "banana".count("a", 2), "banana".count("a", 2, 4), "banana".count("", 1, 3), "banana".rindex("an"))
try:
    [1, 2].index(1, 1)
except ValueError as e:
    print(e)
print(1 / math.factorial(25), 10**25 / 1, 7 / 10**20, -2**63 / 3, (-2**63) ** 2, 10**400 / 10**399, -(10**30) / 7)
try:
    print("{-1}".format(1))
except KeyError as e:
    print("KeyError", e)
print("{0[1]}".format([5, 6]), "{a[k]}".format(a={"k": 9}))
try:
    print("{0[-1]}".format([1, 2]))
except TypeError as e:
    print("TypeError", e)

class K:
    pass
try:
    K(1)
except TypeError as e:
    print(e)
for s, b in [("_1", 10), ("010", 0), ("0x_1f", 16), ("0x_1f", 0), ("000", 0), ("1_000", 10), ("0_0", 0), (" 12 ", 10)]:
    try:
        print(int(s, b))
    except ValueError as e:
        print(e)
for expr in [lambda: 3 in 5, lambda: b"a"[5], lambda: (5).__class__.__name__, lambda: (1.5).__class__, lambda: None.__class__, lambda: True.__class__]:
    try:
        print(expr())
    except Exception as e:
        print(type(e).__name__, e)
class P:
    def __init__(self, x):
        super().__init__(x)
try:
    P(1)
except TypeError as e:
    print(e)
class Q(Exception):
    pass
print(repr(Q(1, 2)))
class R:
    def __init__(self, x):
        super().__init__()
        self.x = x
print(R(3).x)
