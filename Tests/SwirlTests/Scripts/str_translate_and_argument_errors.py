# str.maketrans/translate (a Caesar cipher), final sigma, Python's whitespace and printable
# characters, fill and strip argument checks, %-format with a mapping, map/filter ending on
# StopIteration, and the CPython wording of several argument errors.
print(str.maketrans("abc","xyz"), str.maketrans({"a": "1", 98: None}), str.maketrans("ab","cd","e"))
print("hello".translate(str.maketrans("el","ip")), "abc".translate({97: "AA", 98: None, 99: 100}))
for e in ['str.maketrans("ab","c")', 'str.maketrans("ab")', 'str.maketrans({"ab":1})', '"a".translate({97: 1.5})', 'str.maketrans({1.5:1})', 'str.maketrans(1,2)', '"a".translate(5)', 'str.maketrans()', '"a".translate({97: 0x110000})']:
    try:
        print({'str.maketrans("ab","c")': lambda: str.maketrans("ab","c"), 'str.maketrans("ab")': lambda: str.maketrans("ab"), 'str.maketrans({"ab":1})': lambda: str.maketrans({"ab":1}), '"a".translate({97: 1.5})': lambda: "a".translate({97: 1.5}), 'str.maketrans({1.5:1})': lambda: str.maketrans({1.5:1}), 'str.maketrans(1,2)': lambda: str.maketrans(1,2), '"a".translate(5)': lambda: "a".translate(5), 'str.maketrans()': lambda: str.maketrans(), '"a".translate({97: 0x110000})': lambda: "a".translate({97: 0x110000})}[e]())
    except Exception as ex: print(e, type(ex).__name__, ex)
print("abc".translate([None,"x"]*60))
def caesar(text, shift):
    lower = "abcdefghijklmnopqrstuvwxyz"
    upper = lower.upper()
    table = str.maketrans(lower + upper, lower[shift:] + lower[:shift] + upper[shift:] + upper[:shift])
    return text.translate(table)
print(caesar("Hello, World!", 3), caesar(caesar("Hello, World!", 3), 23))
print("ΣΑΣ".lower(), "ΟΔΥΣΣΕΥΣ".lower(), "Σ".lower(), "ß".capitalize(), "ΣΑΣ ΣΑΣ".capitalize(), "\\".isprintable(), "\x1c".isspace(), "a\x1eb".split(), repr("\x1ca\x1f".strip()))
print(" a b ".strip(None), "xxaxx".strip("x"))
try: "a".strip(1)
except TypeError as e: print(e)
try: "ab".ljust(5, "xy")
except TypeError as e: print(e)
print("ab".center(6, "*"), "%(a)s" % {"a": 1}, "%s %(a)s" % {"a": 1})
try: "%(a)s %s" % {"a": 1}
except TypeError as e: print(e)
print(list(map(lambda x: next(iter([])), [1])), list(filter(lambda x: next(iter([])), [1])))
for bad in [lambda: True & 1.5, lambda: format(True, "s"), lambda: "{".format(1), lambda: divmod("a", 1), lambda: [].insert(1), lambda: getattr(1, 2), lambda: pow(0.0, 100, "s"), lambda: iter(5, 0), lambda: str(1, 2), lambda: format(1, 2)]:
    try: bad()
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
l = [1, 2]
for bad in [lambda: l.__setitem__(slice(0, 1), 5), lambda: l.__setitem__(slice(None, None, 2), 5)]:
    try: bad()
    except TypeError as e: print(e)
print("%c" % True == "\x01")
