# Generators: lazy evaluation, send, yield from, return values and cleanup.
def countdown(n):
    print("start")
    while n > 0:
        yield n
        n -= 1
    print("end")

gen = countdown(3)
print("created")
print(next(gen), next(gen), list(gen))
try:
    next(gen)
except StopIteration:
    print("exhausted")

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

first = []
for value in fib():
    if value > 50:
        break
    first.append(value)
print(first)

def averager():
    total = count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count

avg = averager()
next(avg)
print(avg.send(10), avg.send(20), avg.send(60))

def inner():
    yield 1
    yield 2
    return "inner done"

def outer():
    result = yield from inner()
    print("got", result)
    yield 3

print(list(outer()))

def with_cleanup():
    try:
        yield "a"
        yield "b"
    finally:
        print("cleanup")

g = with_cleanup()
print(next(g))
g.close()
print(sum(x * x for x in range(5)), any(x > 3 for x in [1, 5]), all(x for x in []))
squares = (n * n for n in range(4))
print(next(squares), list(squares), list(squares))

def gen_return():
    yield 1
    return 99

it = gen_return()
next(it)
try:
    next(it)
except StopIteration as e:
    print("return value", e.value)

def chunks(seq, size):
    for i in range(0, len(seq), size):
        yield seq[i:i + size]

print(list(chunks("abcdefg", 3)), list(enumerate(countdown(2))))
print(type(gen).__name__, iter(gen) is gen)
