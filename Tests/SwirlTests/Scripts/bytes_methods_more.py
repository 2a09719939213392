# bytes strip family with chars, partition/rpartition, rfind, removeprefix/suffix, isascii;
# **mapping of a user mapping; messages for bad * and ** arguments.
d = b"  hello world\r\n"
print(d.strip(), d.rstrip(), d.lstrip(), d.rstrip(b"\r\n"), b"xxaxx".strip(b"x"))
print(b"k=v=w".partition(b"="), b"k=v=w".rpartition(b"="), b"abc".partition(b"z"), b"abc".rpartition(b"z"))
print(b"abcabc".rfind(b"b"), b"abc".rfind(b"z"), b"prefix-x".removeprefix(b"prefix-"), b"x.txt".removesuffix(b".txt"))
print(b"abc".isascii(), "\xe9".encode().isascii())
def f(*a, **k): return a, k
class M:
    def keys(self): return ["a", "b"]
    def __getitem__(self, k): return k.upper()
print(f(**M()))
for bad in ["f(*5)", "print(*None)", "f(**5)"]:
    try:
        eval_ = {"f(*5)": lambda: f(*5), "print(*None)": lambda: print(*None), "f(**5)": lambda: f(**5)}[bad]
        eval_()
    except TypeError as e:
        print(e)
d = b"hello world hello"
print(d.find(b"hello", 1), d.rfind(b"hello", 0, 10), d.index(b"o", 5), d.count(b"l", 3), d.count(b""))
print(d.startswith(b"world", 6), d.endswith((b"x", b"hello")), d.startswith(b"h", 20), d.find(b"z"), d.find(111))
print(d.rindex(b"l"), d.count(b"l", -5), d.find(b"", 30), d.rfind(b""))
try:
    d.index(b"zz")
except ValueError as e:
    print(e)
try:
    d.startswith("h")
except TypeError as e:
    print(e)
