# Classes: instances, class attributes, class/static methods, repr/str and comparisons.
class Point:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __str__(self):
        return f"({self.x}, {self.y})"

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)

    def distance2(self, other):
        return (self.x - other.x) ** 2 + (self.y - other.y) ** 2

    @classmethod
    def origin(cls):
        return cls(0, 0)

    @staticmethod
    def parse(text):
        x, y = text.split(",")
        return Point(int(x), int(y))

p = Point(3, 4)
print(p, repr(p), [p], str(p), p.dims, Point.dims)
print(p.distance2(Point.origin()), Point.parse("1,2"), p == Point(3, 4), p != Point(3, 4), p == "x")
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
p.dims = 3
print(p.dims, Point.dims, Point(0, 0).dims)
p.label = "P"
print(p.label, hasattr(p, "label"), getattr(p, "missing", "default"), type(p).__name__)
setattr(p, "x", 30)
print(p.x, isinstance(p, Point), isinstance(3, Point))

class Stack:
    def __init__(self):
        self._items = []

    def push(self, item):
        self._items.append(item)
        return self

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(reversed(self._items))

    def __getitem__(self, index):
        return self._items[index]

    def __contains__(self, item):
        return item in self._items

    def __bool__(self):
        return bool(self._items)

s = Stack()
print(bool(s), len(s))
s.push(1).push(2).push(3)
print(len(s), list(s), s[0], s[-1], 2 in s, 9 in s, bool(s))
for item in s:
    print("item", item)
try:
    p.nothing
except AttributeError as e:
    print("AttributeError:", e)

class Empty:
    pass

e = Empty()
print(type(e).__name__, Empty.__name__, e.__class__ is Empty)
