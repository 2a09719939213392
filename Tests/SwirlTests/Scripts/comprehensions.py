# List, dict, set and generator comprehensions, nesting and the walrus operator.
print([x * x for x in range(6)], [x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)], [[c for c in w] for w in ["ab", "c"]])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], [v for row in matrix for v in row])
print({w: len(w) for w in ["hi", "hello"]}, sorted({n % 4 for n in range(10)}))
print(["even" if n % 2 == 0 else "odd" for n in range(4)])
x = "outer"
print([x for x in "ab"], x)
values = [4, 9, 16, 3]
print([root for v in values if (root := int(v ** 0.5)) ** 2 == v], root)
total = 0
print([total := total + v for v in values], total)
print(sum(len(w) for w in ["a", "bb"]), max((len(w), w) for w in ["x", "yyy", "zz"]))
print(dict((k, v) for k, v in zip("ab", [1, 2])), list(map(lambda p: p[0] * p[1], zip([1, 2], [3, 4]))))
words = "the quick brown fox jumps over the lazy dog".split()
by_length = {}
for w in words:
    by_length.setdefault(len(w), []).append(w)
print(by_length)
print({k: sorted(set(v)) for k, v in sorted(by_length.items())})
print([i for i in range(3)] == list(range(3)), [] == [i for i in []])

class Scores:
    base = 10
    table = [i * 10 for i in range(base // 4)]

print(Scores.table)
