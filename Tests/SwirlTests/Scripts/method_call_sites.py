# One call site, receivers of several built-in types: the method-call inline cache must
# follow the receiver's type (and report missing methods as CPython does).
items = [[], (1, 2), "a,b", {"k": 1}, b"x y"]
for it in items:
    for name in ("append", "count", "split", "get"):
        try:
            m = getattr(type(it), name, None)
            r = getattr(it, name)(1) if name != "split" else it.split()
            print(type(it).__name__, name, r)
        except Exception as e:
            print(type(it).__name__, name, type(e).__name__, e)
def call_append(x, v):
    x.append(v)
for x in ([], [], []):
    call_append(x, 5)
    print(x)
def split_it(s):
    return s.split()
print(split_it("a b"), split_it(b"c d"))
try:
    split_it(3)
except AttributeError as e:
    print(e)

def count_of(c, v):
    return c.count(v)
for c in ([1, 1], (1, 2, 1), "a1a1", b"11", [1]):
    print(count_of(c, 1 if not isinstance(c, (str, bytes)) else ("1" if isinstance(c, str) else b"1")))
def get_it(d):
    return d.get("k")
print(get_it({"k": 2}))
try:
    get_it([1])
except AttributeError as e:
    print(e)
