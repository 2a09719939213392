# Augmented assignment to locals (ints combined in place, everything else the general way),
# and for loops over ranges inside generators, resumed after every yield.
def f():
    n = 0
    for i in range(10):
        n += i
        n -= 1
        n *= 1
    print(n)
    n = 2 ** 62
    n += n
    print(n)
    k = 7
    k //= 2; print(k)
    k %= 0 if False else 2; print(k)
    x = 1.5
    x += 1; print(x)
    s = "a"
    s += "b"; print(s)
    m = 3
    m <<= 2; print(m)
    m >>= 1; print(m)
    m **= 2; print(m)
    m /= 4; print(m)
    z = 5
    try:
        z %= 0
    except ZeroDivisionError as e:
        print(e)
    try:
        del z
        z += 1
    except UnboundLocalError as e:
        print(e)
    y = 1
    def g():
        nonlocal y
        y += 5
    g(); print(y)
    for r in [range(3), range(5, 0, -2), range(0)]:
        out = []
        for v in r:
            out.append(v)
        print(out)
f()


def counted(n):
    total = 0
    for i in range(n, 0, -3):
        total += i
        yield i, total
    yield "done", total


print(list(counted(10)))
it = counted(7)
print(next(it), next(it))
print(list(it))
