# gen.throw / agen.athrow argument forms.
import asyncio
def g():
    try:
        yield 1
    except Exception as e:
        yield repr(e)
for args in ((ValueError, ValueError("x")), (ValueError, "msg"), (ValueError, ("a", 2)), (ValueError(1),), (ValueError,), (KeyError, None)):
    x = g(); next(x)
    print(x.throw(*args))
x = g(); next(x)
try:
    x.throw(ValueError(1), 2)
except TypeError as e:
    print(e)
async def ag():
    yield 1
async def main():
    a = ag(); await anext(a)
    try:
        await a.athrow(ValueError, "msg")
    except ValueError as e:
        print(repr(e))
    print(await a.athrow(KeyError("exhausted gen")))
asyncio.run(main())
