# CPython's wording for async-protocol mistakes and for the C types of asyncio (tp_name
# '_asyncio.Task'); classes are named by __name__, not their qualified name, in errors.
import asyncio

class BadNext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 5

class BadEnter:
    def __aenter__(self):
        return 1
    async def __aexit__(self, *a):
        pass

async def main():
    try:
        async for x in BadNext():
            pass
    except TypeError as e:
        print(e)
    try:
        async with BadEnter():
            pass
    except TypeError as e:
        print(e)
    for f in (anext, aiter):
        try:
            f([1])
        except TypeError as e:
            print(e)

asyncio.run(main())

async def coro(): return 1
c = coro()
try:
    a, b = c
except TypeError as e:
    print(e)
c.close()
async def main2():
    t = asyncio.current_task()
    f = asyncio.get_running_loop().create_future()
    print(type(t), type(f), type(t).__name__, type(t).__module__)
    try:
        t.foo
    except AttributeError as e:
        print(e)
    try:
        f.foo
    except AttributeError as e:
        print(e)
    try:
        asyncio.Future.foo
    except AttributeError as e:
        print(e)
asyncio.run(main2())
def f():
    class Inner: pass
    try: Inner().x
    except AttributeError as e: print(e)
    try: Inner.x
    except AttributeError as e: print(e)
f()
class O:
    class I: pass
try: O.I().y
except AttributeError as e: print(e)
