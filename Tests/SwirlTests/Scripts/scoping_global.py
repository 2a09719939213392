# Module globals, the global statement, shadowing and builtins.
counter = 0

def bump():
    global counter
    counter += 1
    return counter

bump()
bump()
print(counter)

def shadow():
    counter = 100
    return counter

print(shadow(), counter)

def create_global():
    global created
    created = "made inside"

create_global()
print(created)

def uses_builtin(xs):
    return len(xs)

def shadows_builtin(xs):
    len = lambda x: -1
    return len(xs)

print(uses_builtin([1, 2]), shadows_builtin([1, 2]), len([1]))
x = "global x"

def read_global():
    return x

def nested():
    x = "enclosing x"
    def inner():
        return x
    return inner()

print(read_global(), nested())

class Config:
    x = "class x"

    def method(self):
        return x

print(Config().method(), Config.x)
for loop_var in range(3):
    pass
print(loop_var, __name__)
if True:
    block_var = "visible"
print(block_var)
