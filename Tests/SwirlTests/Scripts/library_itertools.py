# itertools (written in Python inside Swirl) against CPython's C implementation.
import itertools as it
from itertools import count, cycle, repeat, islice, chain, groupby
print(list(islice(count(5), 3)), list(islice(count(1, 2), 4)), list(islice(cycle("ab"), 5)))
print(list(repeat("x", 3)), list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], lambda a, b: a * b, initial=10)))
print(list(chain([1, 2], "ab")), list(chain.from_iterable([[1], [2, 3]])))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(it.dropwhile(lambda x: x < 3, [1, 4, 2])), list(it.takewhile(lambda x: x < 3, [1, 2, 4, 1])))
print(list(it.filterfalse(lambda x: x % 2, range(6))), list(it.starmap(pow, [(2, 3), (3, 2)])))
print(list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 4)), list(islice("abcdefg", 2, None)), list(islice("abcdefg", 0, None, 2)))
print(list(it.pairwise("abcd")), list(it.zip_longest("ab", "xyz", fillvalue="-")))
print(list(it.product("ab", range(2))), list(it.product([0, 1], repeat=2)))
print(list(it.permutations("abc", 2)), len(list(it.permutations(range(4)))))
print(list(it.combinations("abcd", 2)), list(it.combinations_with_replacement("ab", 2)))
print([(k, list(g)) for k, g in groupby("aaabbcaa")])
print([(k, len(list(g))) for k, g in groupby(sorted(["apple", "avocado", "bean", "beet", "corn"]), key=lambda w: w[0])])
a, b = it.tee([1, 2, 3])
print(list(a), list(b))
ids = count(1)
print(next(ids), next(ids))
