# Context managers: __enter__/__exit__, exception suppression and nesting.
class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

with Resource("a") as r:
    print("inside", r.name)

with Resource("outer") as o, Resource("inner") as i:
    print("both", o.name, i.name)

with Resource("quiet", suppress=True):
    raise ValueError("swallowed")
print("after quiet")

try:
    with Resource("loud"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", repr(e))

def early_return():
    with Resource("ret"):
        return "returned"

print(early_return())

for n in range(3):
    with Resource(f"loop{n}"):
        if n == 1:
            continue
        if n == 2:
            break
        print("body", n)
