# Tuples and sets (printed sorted where set order would matter).
t = (1, "two", 3.0)
print(t, t[1], t[-1], len(t), t + (4,), t * 2, (1,), ())
print((1, 2) < (1, 3), (1, 2, 3) > (1, 2), (2,) == (2,), t.index("two"), (1, 1, 2).count(1))
a, b, c = t
print(a, b, c)
pairs = [(2, "b"), (1, "z"), (2, "a")]
print(sorted(pairs), max(pairs), tuple([1, 2]), tuple("ab"))
s = {3, 1, 2, 3, 1}
print(sorted(s), len(s), 2 in s, 5 in s)
s.add(10)
s.discard(1)
s.discard(99)
print(sorted(s))
x, y = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(x | y), sorted(x & y), sorted(x - y), sorted(x ^ y))
print(x <= {1, 2, 3, 4, 5}, {1, 2} < x, x.isdisjoint({9}), x.issuperset({1}))
words = ["b", "a", "b", "c", "a"]
print(sorted(set(words)), len(set(words)), sorted({w.upper() for w in words}))
fs = frozenset([1, 2])
print(fs == {1, 2}, {fs: "frozen"}[frozenset([2, 1])], sorted(fs | {3}))
print(set(), {1}, {5, 3} == {3, 5}, hash((1, 2)) == hash((1, 2)))
try:
    s.remove(999)
except KeyError as e:
    print("KeyError", e)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
