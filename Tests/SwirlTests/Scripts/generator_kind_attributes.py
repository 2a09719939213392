# Which protocol methods generators, coroutines and async generators have, and method
# calls through one call site on objects of the same Swift class but different types
# (generator / coroutine / async generator; set / frozenset; exception classes).
import asyncio


def gen():
    yield 1


async def co():
    return 3


async def agen():
    yield 1


names = ["send", "throw", "close", "__next__", "__iter__", "__await__",
         "asend", "athrow", "aclose", "__anext__", "__aiter__"]
for make in (gen, co, agen):
    obj = make()
    print(make.__name__, [n for n in names if hasattr(obj, n)])
    if make is co:
        obj.close()

for obj in [gen(), co(), agen(), gen()]:
    try:
        print(type(obj).__name__, obj.send(None))
    except StopIteration as e:
        print("StopIteration", e.value)
    except AttributeError as e:
        print("AttributeError:", e)
    if hasattr(obj, "close"):
        obj.close()

for s in [set(), frozenset([1]), set([2]), frozenset()]:
    try:
        s.add(5)
        print("added", sorted(s))
    except AttributeError as e:
        print("AttributeError:", e)
    print(sorted(s.union({9})), s.issubset({1, 2, 5, 9}))


class E(Exception):
    pass


for e in [ValueError("a"), KeyError("b"), E("c"), ValueError("d")]:
    e.add_note("note")
    print(type(e).__name__, e.with_traceback(None) is e, e.__notes__)
