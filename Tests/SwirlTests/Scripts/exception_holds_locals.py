# A failing frame's locals live as long as the exception (CPython's traceback keeps the
# frame): __del__ of a local runs when the handler ends, and a failed task held by main is
# reported after main's traceback.
class R:
    def __del__(self): print("del R")
def f():
    r = R()
    raise ValueError("x")
try:
    f()
except ValueError as e:
    print("caught")
print("after except")

import asyncio
async def job():
    raise KeyError(2)
async def main():
    t = asyncio.create_task(job())
    await asyncio.sleep(0)
    raise ValueError("main fails")
asyncio.run(main())
