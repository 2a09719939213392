# Closures, nonlocal, late binding and decorators.
def make_counter():
    count = 0
    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment

c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c1(10), c2())

def make_multipliers():
    return [lambda x: x * i for i in range(3)]

print([m(10) for m in make_multipliers()])
print([m(10) for m in [lambda x, i=i: x * i for i in range(3)]])

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()()

print(outer())

def trace(func):
    def wrapper(*args):
        result = func(*args)
        print(f"{func.__name__}{args} -> {result}")
        return result
    return wrapper

@trace
def add(a, b):
    return a + b

add(2, 3)

def repeat(times):
    def decorate(func):
        def run(*args):
            return [func(*args) for _ in range(times)]
        return run
    return decorate

@repeat(3)
def hello(name):
    return "hi " + name

print(hello("x"))

def accumulator():
    total = []
    def add_item(v):
        total.append(v)
        return len(total)
    return add_item, total

add_item, items = accumulator()
add_item("a")
add_item("b")
print(items)

def scopes():
    value = 1
    def reader():
        return value
    value = 2
    return reader()

print(scopes())

def broken():
    def inner():
        return undefined_name
    return inner()

try:
    broken()
except NameError as e:
    print("NameError:", e)

def unbound():
    print(local)
    local = 1

try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
