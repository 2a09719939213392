print("total:", sum([1, 2, 3])
print("done")
