# PEP 604 unions (int | None) and parameterized built-ins (list[int]): printing, equality,
# isinstance, dataclass fields, calling an alias; Generic[T] classes; += error messages.
print(list[int], dict[str, int])
print(int | None, int | str, str | None | int)
print(list[int] | None)
print(isinstance(3, int | str), isinstance("a", int | None), isinstance(None, int | None))
print(type(int | str))
u = int | str
print(u == (str | int), u.__args__)
from dataclasses import dataclass
@dataclass
class User:
    name: str
    email: str | None = None
print(User("a"))
def f(x: int | None = None) -> list[str] | None:
    return x
print(f(3))
from typing import Optional, Generic, TypeVar
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item
b = Box[int](3)
print(b.item, Box.__name__)
print(Optional[list[int]], list[int]() , dict[str, list[int]])
print(tuple[int, ...], type(list[int]).__name__)
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
try:
    int | 3
except TypeError as e:
    print(e)
total = None
try:
    total += 1
except TypeError as e:
    print(e)
x = [1]
try:
    x -= 1
except TypeError as e:
    print(e)
class Meta:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"
print(Meta[int])
print(issubclass(bool, int | str), (int | None) == (None | int))
