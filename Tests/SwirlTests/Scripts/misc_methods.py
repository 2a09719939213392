# int.bit_count, str.format_map, bool() of a negative __len__.
print((255).bit_count(), (-7).bit_count(), (2**100 + 1).bit_count(), True.bit_count())
print("{name} is {age} ({name!r})".format_map({"name": "Ann", "age": 3}))
class Neg:
    def __len__(self):
        return -1
try:
    bool(Neg())
except ValueError as e:
    print("ValueError:", e)
print(type(reversed([1])).__name__, type(reversed(range(3))).__name__, type(reversed("ab")).__name__,
      type(reversed((1,))).__name__, type(reversed({1: 2})).__name__)
