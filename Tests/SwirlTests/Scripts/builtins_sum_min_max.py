# sum/min/max: the one-argument fast path, the in-place int run over lists and tuples
# (with overflow to big ints and a mutating __radd__), and list growth by append.
print(sum([1, 2, 3]), sum((1, 2, 3)), sum([]), sum(()), sum([], 5), sum([1, 2], start=10))
print(sum([1, 2.5, 3]), sum([2**62, 2**62, 1]), sum([1, 2**70, 3]), sum([-2**63, -1]))
print(sum(x for x in range(5)), sum(range(10)), sum({1: 2, 3: 4}), sum([1, True, False]))
print(sum([[1], [2]], []), sum([0.1] * 10))
class A:
    def __init__(self, v, lst=None): self.v, self.lst = v, lst
    def __radd__(self, other):
        if self.lst is not None: self.lst.append(100)
        return other + self.v
lst = [1, 2]
lst.append(A(3, lst))
print(sum(lst))
try: sum(["a", "b"])
except TypeError as e: print(e)
try: sum([1, 2], "")
except TypeError as e: print(e)
try: sum()
except TypeError as e: print(e)
try: sum(5)
except TypeError as e: print(e)
print(min([3, 1, 2]), max([3, 1, 2]), min("bca"), max(3, 9, 2), min([], default=7), max([1, 5], key=lambda x: -x))
try: min([])
except ValueError as e: print(e)
try: max(5)
except TypeError as e: print(e)
b = []
for i in range(20):
    b.append(i)
print(b, len(b))
print([i * i for i in range(12)])
