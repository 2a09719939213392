# A repeated keyword argument is a compile-time SyntaxError: nothing runs.
def f(**k): pass
print("start")
f(a=1, a=2)
