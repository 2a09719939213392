# dataclasses and typing as tutorials use them.
import asyncio
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError, is_dataclass
from typing import List, Optional, Dict, Any, Callable, Awaitable, Union, Tuple


@dataclass
class Job:
    name: str
    delay: float = 0.01
    tags: List[str] = field(default_factory=list)
    result: Optional[int] = None


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0


@dataclass(frozen=True)
class Point:
    x: int
    y: int

    def dist(self) -> float:
        return (self.x ** 2 + self.y ** 2) ** 0.5


@dataclass
class Base:
    id: int


@dataclass
class Child(Base):
    label: str = "c"

    def __post_init__(self):
        self.label = self.label.upper()


@dataclass
class Hidden:
    a: int
    b: int = field(default=5, repr=False, compare=False)
    c: int = field(init=False, default=9)


async def run(job: Job) -> Job:
    await asyncio.sleep(job.delay)
    job.result = len(job.name)
    job.tags.append("done")
    return job


async def main() -> None:
    jobs: List[Job] = [Job("alpha"), Job("be", 0.02, ["x"])]
    done = await asyncio.gather(*(run(j) for j in jobs))
    for j in done:
        print(j)
    print(asdict(done[1]), astuple(done[0]))


asyncio.run(main())
print(Version(1, 2) < Version(1, 3), sorted([Version(2), Version(1, 5), Version(1)]), Version(1) == Version(1, 0))
p = Point(3, 4)
print(p, p.dist(), hash(p) == hash(Point(3, 4)), {p: 1}[Point(3, 4)])
try:
    p.x = 5
except FrozenInstanceError as e:
    print("frozen:", e, isinstance(e, AttributeError))
print(Child(1), Child(2, "x"), Child(1) == Child(1), Child(1) == Base(1))
h = Hidden(1, 2)
print(h, h == Hidden(1, 7), h.c, [f.name for f in fields(Hidden)])
print(replace(Job("a"), delay=2.0), is_dataclass(Job), is_dataclass(Job("a")), is_dataclass(1))
try:
    hash(Job("a"))
except TypeError as e:
    print(e)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print(e)
try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e:
    print(e)
try:
    Version(1, 2, 3)
except TypeError as e:
    print(e)
try:
    Point()
except TypeError as e:
    print(e)
print(Job.__init__.__qualname__ if False else "", Job("z") != Job("z"), Job("z") != Job("y"))
print(List[int], Optional[str], Dict[str, int], Union[int, str], Union[int, None], Callable[[int], str], Any, Tuple[int, ...])
def f(x: Optional[int] = None) -> Dict[str, Any]:
    return {"x": x}
print(f(), f(3))
