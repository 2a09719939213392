# Operator overloading with dunder methods.
class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __bool__(self):
        return bool(self.x or self.y)

    def __iter__(self):
        yield self.x
        yield self.y

v, w = Vector(1, 2), Vector(3, 4)
print(v + w, w - v, v * 3, 3 * v, -v, abs(w), v == Vector(1, 2), v != w)
print(bool(Vector(0, 0)), bool(v), list(v), {v: "first"}[Vector(1, 2)], len({v, Vector(1, 2)}))
x, y = w
print(x, y)

class Money:
    def __init__(self, cents):
        self.cents = cents

    def __iadd__(self, other):
        self.cents += other
        return self

    def __lt__(self, other):
        return self.cents < other.cents

    def __le__(self, other):
        return self.cents <= other.cents

    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"

m = Money(150)
m += 275
print(m, Money(1) < Money(2), Money(3) <= Money(2), max(Money(5), Money(9)), sorted([Money(3), Money(1)])[0])

class Matrix:
    def __init__(self, rows):
        self.rows = rows

    def __getitem__(self, pos):
        r, c = pos
        return self.rows[r][c]

    def __setitem__(self, pos, value):
        r, c = pos
        self.rows[r][c] = value

    def __len__(self):
        return len(self.rows)

    def __call__(self, factor):
        return Matrix([[v * factor for v in row] for row in self.rows])

    def __contains__(self, value):
        return any(value in row for row in self.rows)

mat = Matrix([[1, 2], [3, 4]])
mat[0, 1] = 20
print(mat[0, 1], mat[1, 0], len(mat), mat(2).rows, 4 in mat, 5 in mat)
try:
    v + 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    Money(1) + Money(2)
except TypeError as e:
    print("TypeError:", e)
