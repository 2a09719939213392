"""Index messages per container, pow() keywords, islice argument checks, module __doc__."""
import itertools

print(__doc__)
for call in (lambda: "python"[len("python") / 2], lambda: "abc"["a"], lambda: [1][1.0], lambda: (1,)["a"],
             lambda: range(3)[1.0], lambda: b"a"[1.0], lambda: range(3)[5], lambda: "abc"[5]):
    try:
        call()
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
print(pow(2, 10, mod=1000), pow(base=2, exp=10), pow(2, 10, None))
for args in ((0, 2, 0), ("x",), (-1,), (0, -1)):
    try:
        list(itertools.islice("abc", *args))
    except ValueError as e:
        print(e)
