# await in every position a statement can hold one: comprehension conditions and
# iterables, assignment and del targets, assert, default values, decorators, bases.
import asyncio
async def v(x):
    await asyncio.sleep(0)
    return x
class O:
    pass
async def main():
    d = {"k": 0}
    d[await v("k")] += 1
    d[await v("j")] = await v(5)
    o = O()
    (await v(o)).attr = await v(3)
    o.attr += await v(1)
    (await v(o)).attr += 10
    print(d, o.attr)
    lst = [0, 0, 0]
    i, lst[await v(1)] = 2, 7
    print(i, lst)
    i, lst[i] = 0, 9
    print(i, lst)
    a, *rest, lst[await v(0)] = await v([1, 2, 3, 4])
    print(a, rest, lst)
    x = y = (await v(1), 2)
    d[await v("m")] = d["n"] = 1
    print(x, y, d)
    del d[await v("k")], d["j"]
    print(d)
    del (await v(o)).attr
    print(hasattr(o, "attr"))
    assert await v(True)
    assert await v(1), "m"
    try:
        assert await v(0), await v("the message")
    except AssertionError as e:
        print("AE", e)
    try:
        assert await v(0)
    except AssertionError as e:
        print("AE2", repr(e))
    def deco(tag):
        def w(fn):
            fn.tag = tag
            return fn
        return w
    @deco(await v("T"))
    def f(a=await v(7), *, b=await v(8)):
        return a + b
    print(f(), f.tag)
    class B:
        def hi(self):
            return "hi"
    class C(await v(B)):
        pass
    print(C().hi())
    lst[await v(0):await v(2)] = [5]
    print(lst)
    try:
        d[await v("zz")] += 1
    except KeyError as e:
        print("KE", e)
    print([x for x in range(6) if await v(x % 3)])
    print({k: await v(k) for k in range(3) if k})
    print([y for x in range(3) for y in await v([x, -x]) if y])
    print(sum(x for x in await v([1, 2, 3])))
    print([(await v(x)) * 2 for x in await v([1, 2])])
    g = (await v(x) for x in await v([4, 5]))
    print([z async for z in g])
asyncio.run(main())
