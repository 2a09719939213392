# Functions: defaults, *args, **kwargs, keyword-only and positional-only parameters.
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"

print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))

def total(*nums, start=0):
    return start + sum(nums)

print(total(), total(1, 2, 3), total(1, 2, start=10))

def describe(a, /, b, *, c, **extra):
    return (a, b, c, sorted(extra.items()))

print(describe(1, 2, c=3), describe(1, b=2, c=3, z=26, y=25))

def append_to(item, target=[]):
    target.append(item)
    return target

print(append_to(1), append_to(2))

def safer(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target

print(safer(1), safer(2))

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print([fib(i) for i in range(15)])
square = lambda v: v * v
print(square(7), (lambda *a: len(a))(1, 2, 3), list(map(lambda t: t[0], [(1, 2), (3, 4)])))

def f(a, b):
    return a - b

for call in [lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, c=2), lambda: f(1, a=2), lambda: describe(1, 2, 3)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

def documented():
    """Doc string."""
    return documented.__doc__

print(documented(), f.__name__, greet.__defaults__)

def apply(func, *args, **kwargs):
    return func(*args, **kwargs)

print(apply(greet, "Eve", punct="."), apply(max, 3, 9, 4))
