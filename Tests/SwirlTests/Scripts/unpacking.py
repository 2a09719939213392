# Sequence unpacking, starred targets and unpacking in calls and literals.
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
*init, last = "abcd"
head, *middle, tail = range(6)
print(first, rest, init, last, head, middle, tail)
(x, y), z = (1, 2), 3
print(x, y, z)
for i, (name, score) in enumerate([("a", 90), ("b", 85)]):
    print(i, name, score)
def show(*args, **kwargs):
    print(args, kwargs)
show(*[1, 2], *(3,), **{"k": 4}, m=5)
print([*range(3), *"ab"], (*[1], 2), {**{"a": 1}, "b": 2}, {*[1, 1, 2]} == {1, 2})
p, q, r = "xyz"
print(p, q, r)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
m = n = 0
m += 1
print(m, n)
data = {"k1": (1, 2), "k2": (3, 4)}
for key, (u, v) in data.items():
    print(key, u + v)
