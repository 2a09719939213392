# Runaway recursion that nobody catches ends the program with a RecursionError.
def walk(node):
    return walk(node + 1)

print("start")
walk(0)
