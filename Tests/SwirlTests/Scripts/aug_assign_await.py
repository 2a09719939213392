# Augmented assignment whose value awaits: the target and its old value are kept across
# the suspension for names, attributes and subscripts.
import asyncio
async def val(x):
    await asyncio.sleep(0)
    return x
class C:
    def __init__(self): self.n = 1
async def main():
    t = 1
    t += await val(2)
    t *= await val(5)
    t -= await val(0.5)
    print(t)
    s = "a"
    s += await val("b")
    print(s)
    c = C()
    c.n += await val(10)
    print(c.n)
    d = {"k": [1]}
    d["k"] += await val([2, 3])
    print(d)
    lst = [1, 2]
    lst[0] += await val(100)
    print(lst)
    big = 2 ** 62
    big += await val(2 ** 62)
    print(big)
    try:
        t += await val("x")
    except TypeError as e:
        print("TypeError:", e)
    print(t)
asyncio.run(main())
