# __del__ runs when the last reference goes: at a rebinding, `del`, a function's end,
# a list's pop, and for what globals still hold when the script ends.
class Resource:
    def __init__(self, name):
        self.name = name
        print("open", name)

    def __del__(self):
        print("close", self.name)


def use():
    r = Resource("local")
    print("using", r.name)


use()
print("after use")
a = Resource("a")
b = Resource("b")
b = None
print("rebound b")
del a
print("deleted a")
items = [Resource("i1"), Resource("i2")]
items.pop()
print("popped")


class Child(Resource):
    pass


c = Child("child")


class Broken:
    def __del__(self):
        print("broken __del__ runs")
        1 / 0


Broken()
print("after broken")
t = (Resource("t1"),)
last = Resource("last")
print("end")
