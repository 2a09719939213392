# functools: partial, reduce, wraps on a coroutine, lru_cache/cache, cmp_to_key.
import functools, asyncio
from functools import partial, reduce, wraps, lru_cache, cache, cmp_to_key

def greet(greeting, name, punct="!"):
    return f"{greeting}, {name}{punct}"

hi = partial(greet, "Hi")
print(hi("Ann"), hi("Bob", punct="?"), hi.func is greet, hi.args, hi.keywords)
hi2 = partial(hi, punct=".")
print(hi2("Cy"), hi2.args, hi2.keywords)
print(repr(partial(greet, "a", punct="x")).split(" at ")[0])
print(reduce(lambda a, b: a * b, [1, 2, 3, 4]), reduce(lambda a, b: a + b, [], 10))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)

def logged(fn):
    @wraps(fn)
    async def wrapper(*args, **kwargs):
        print("calling", fn.__name__)
        return await fn(*args, **kwargs)
    return wrapper

@logged
async def fetch(x):
    """Fetch x."""
    await asyncio.sleep(0)
    return x * 2

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

@lru_cache
def sq(n):
    return n * n

@cache
def cube(n):
    return n ** 3

async def main():
    print(await fetch(21), fetch.__name__, fetch.__doc__, fetch.__wrapped__.__name__)
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, partial(greet, "Yo", punct="?"), "Dee"))

asyncio.run(main())
print(fib(30), fib.cache_info())
print(sq(3), sq(3), sq(4), sq.cache_info(), cube(2), cube(2), cube.cache_info())
sq.cache_clear()
print(sq.cache_info())
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
