def f(items):
    return len(itemz)


print("start")
f([1])
