# Operator methods of built-in values and types, object's defaults, and the
# "[Previous line repeated N more times]" collapse of a deep-recursion traceback.
print((5).__add__(3), (5).__add__(1.5), (1.5).__add__(1), (5).__radd__(3), (7).__rsub__(10))
print((7).__floordiv__(2), (7).__truediv__(2), (7).__mod__(3), (2).__pow__(10), (7).__divmod__(2), (7).__rdivmod__(30))
print((6).__and__(3), (6).__or__(3), (6).__xor__(3), (1).__lshift__(4), (True).__add__(True))
print((5).__neg__(), (-5).__abs__(), (5).__bool__(), (0).__bool__(), (2.7).__int__(), (3).__float__(), (2.567).__round__(2), (5).__invert__())
print((5).__eq__(5), (5).__eq__(5.0), (5.0).__eq__(5), (5).__lt__(6), (5).__lt__('a'), 'a'.__eq__(1), 'a'.__lt__('b'))
print([1].__eq__([1]), [1].__eq__((1,)), (1, 2).__lt__((1, 3)), {1: 2}.__eq__({1: 2}), {1: 2}.__lt__({}), None.__eq__(None), None.__eq__(0))
print('ab'.__add__('c'), 'ab'.__mul__(2), 'ab'.__rmul__(3), '%d!'.__mod__(5), [1].__add__([2]), (1,).__mul__(2))
print('abc'.__len__(), 'abc'.__getitem__(1), 'abc'.__contains__('b'), [1, 2].__len__(), {1: 2}.__getitem__(1), range(5).__len__(), range(5).__contains__(3))
l = [1, 2, 3]
l.__setitem__(0, 9); l.__delitem__(1)
d = {}
d.__setitem__('k', 1)
print(l, d, list(l.__iter__()), list(l.__reversed__()), list({1: 2, 3: 4}.__reversed__()))
print({1, 2}.__or__({3}), {1, 2}.__and__({2}), {1, 2}.__sub__({2}), {1}.__or__([2]), {1: 2}.__or__({3: 4}))
it = iter([1, 2])
print(it.__next__(), it.__iter__() is it, next(it))
def g():
    yield 1
print(g().__next__())
print(int.__add__(2, 3), str.__upper__ if False else str.__len__('abcd'), list.__len__([1]), float.__add__(1.5, 2), int.__eq__(1, 1))
try: int.__add__('a', 1)
except TypeError as e: print(e)
try: [].__hash__()
except TypeError as e: print(e)
print([].__hash__ is None, {}.__hash__, set().__hash__, frozenset().__hash__() == hash(frozenset()), (1).__hash__(), 'a'.__hash__() == hash('a'))
print(hasattr([], '__iter__'), hasattr(5, '__iter__'), hasattr(5, '__len__'), hasattr('', '__len__'), hasattr(None, '__len__'), hasattr(5, '__add__'), hasattr(5, '__lt__'))
print(hasattr(list, '__iter__'), hasattr(int, '__iter__'), hasattr(dict, '__getitem__'), hasattr(iter([]), '__next__'), hasattr([], '__next__'))
print((5).__repr__(), 'x'.__repr__(), 'x'.__str__(), [1, 'a'].__repr__(), (5).__format__('>4'), 'x'.__format__('^5'), format(3.14159, '.2f'))
print(getattr(5, '__add__')(1), callable(getattr([], '__len__')), sorted([3, 1, 2], key=(10).__sub__))
class P:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, P) and self.v == o.v
    __hash__ = object.__hash__
print(P(1) == P(1), type(hash(P(1))), object.__eq__(P(1), 1), object.__ne__(P(1), 1))
print(f'{P(1).__str__()[:10]}', format(P(1))[:10])
try: format(P(1), 'x')
except TypeError as e: print(e)
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print('recursion:', e)
