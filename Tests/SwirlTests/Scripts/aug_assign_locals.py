# Augmented assignment with int operands: on locals (combined in place), and on
# attributes, list items and globals (the general path with its int fast path), plus for
# loops over ranges inside generators, resumed after every yield.
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


class C: pass
c = C(); c.n = 7
for op in range(3):
    c.n *= 3; c.n //= 2; c.n %= 5; c.n <<= 2; c.n >>= 1; c.n -= 9
    print(c.n)
l = [5, -3]
l[0] *= 4; l[1] //= 2; l[0] %= 7; l[1] ^= 6; l[0] **= 2; l[1] /= 2
print(l)
g = 10
def h():
    global g
    g *= 3; g %= 7; g //= -2; g -= 2**63; g *= 2
    print(g)
h()
