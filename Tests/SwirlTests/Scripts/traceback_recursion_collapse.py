# An uncaught RecursionError: the repeated frames collapse as CPython collapses them.
def f(n):
    return f(n + 1)


def g():
    f(0)


g()
