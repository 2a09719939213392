# functools.total_ordering and reversed() of dict views.
from functools import total_ordering
@total_ordering
class V:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return self.n == o.n
    def __lt__(self, o): return self.n < o.n
    def __repr__(self): return f"V({self.n})"
a, b = V(1), V(2)
print(a < b, a > b, a <= b, a >= b, a <= V(1), a >= V(1), sorted([V(3), V(1), V(2)], reverse=True), max(a, b))
print(V.__gt__.__name__)
@total_ordering
class G:
    def __init__(self, n): self.n = n
    def __gt__(self, o): return self.n > o.n
print(G(1) < G(2), G(1) <= G(1))
try:
    @total_ordering
    class N: pass
except ValueError as e: print(e)
d = {"a": 1, "b": 2}
for x in (reversed(d.keys()), reversed(d.values()), reversed(d.items())): print(type(x).__name__, list(x))
class A:
    def __divmod__(s,o): return "dm"
    def __rdivmod__(s,o): return "rdm"
print(divmod(A(),1), divmod(1,A()))
class B: pass
try: divmod(B(), 1)
except TypeError as e: print(e)
print(divmod(True, 2), divmod(7.5, 2), divmod(-7, 2), divmod(2**70, 3))
