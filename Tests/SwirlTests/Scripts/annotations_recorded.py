# Annotations in a class body and at module level land in __annotations__; a function's local ones are not evaluated.
x: int = 5
y: str
class C:
    n: int = 0
    m: "str"
    def f(self):
        z: int = 3
        return z
class D(C):
    k: list[int] = []
print(C.__annotations__, __annotations__, C().f(), C.n, D.k)
print(C.__dict__.get('__annotations__'), 'n' in C.__dict__)
print(C.__qualname__, C.__name__)
