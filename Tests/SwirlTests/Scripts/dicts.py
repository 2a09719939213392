# Dictionaries: insertion order, views, methods, comprehensions, merging.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, len(d), list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0), "a" in d, 20 in d)
print(d.setdefault("d", 4), d.setdefault("a", 100), d)
print(d.pop("c"), d.pop("missing", None), d)
del d["d"]
d.update({"e": 5}, f=6)
print(d)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
squares = {n: n * n for n in range(5) if n % 2 == 0}
print(squares, dict(zip("xyz", [1, 2, 3])), dict([("k", "v")]), dict(a=1, b=2))
merged = {"a": 1, "b": 2} | {"b": 3, "c": 4}
print(merged, {**merged, "a": 0})
try:
    d["nope"]
except KeyError as e:
    print("KeyError:", e)
nested = {"user": {"name": "Ann", "tags": ["x", "y"]}}
nested["user"]["tags"].append("z")
print(nested, nested["user"]["tags"][-1])
for key, value in {"one": 1, "two": 2}.items():
    print(key, value)
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv, {1: "int", 1.0: "float", True: "bool"}, {(1, 2): "tuple key"}[(1, 2)])
d2 = dict.fromkeys(["p", "q"], 0)
d2["p"] += 1
print(d2, d2 == {"q": 0, "p": 1}, d2.popitem(), d2)
print({}, dict(), bool({}), repr({"s": 'q"uote'}))
