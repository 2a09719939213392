# Everyday behaviours once wrong: __context__ of an error caught inside a handler, a
# custom AttributeError from __getattr__, dict views equal to sets, a keyword given twice,
# mixed format numbering, sys.version_info, find/count past the end, rsplit from the right.
import sys

try:
    raise ValueError("first")
except ValueError:
    try:
        {}["missing"]
    except KeyError as k:
        print(repr(k.__context__))


def outer():
    try:
        raise OSError("disk")
    except OSError:
        try:
            int("x")
        except ValueError as v:
            return v.__context__


print(repr(outer()))


class Config:
    def __getattr__(self, name):
        raise AttributeError(f"unknown config key {name!r}")


try:
    Config().verbose
except AttributeError as e:
    print(e)
print(hasattr(Config(), "x"), getattr(Config(), "x", "default"))
d = {"a": 1, "b": 2}
print(d.keys() == {"a", "b"}, d.items() == {("a", 1), ("b", 2)}, {"a", "b"} == d.keys(), d.values() == {1, 2},
      type(d.keys()).__name__, type(d.values()).__name__, type(d.items()).__name__)


def f(**kw):
    return kw


class C:
    def m(self, **kw):
        return kw


for call in (lambda: f(**{"a": 1}, a=2), lambda: f(**{"a": 1}, **{"a": 2}), lambda: C().m(**{"a": 1}, a=2),
             lambda: dict(**{"a": 1}, a=2), lambda: f(**5)):
    try:
        print(call())
    except TypeError as e:
        print(e)
for fmt in ("{0} {}", "{} {0}"):
    try:
        print(fmt.format("a", "b"))
    except ValueError as e:
        print(e)
print(sys.version_info.major, sys.version_info >= (3, 8), sys.version_info[:2] == (3, 11), tuple(sys.version_info)[:2])
print("123".find("", 10), "abc".rfind("", 10, 10), "".count("", 2, 2), "abc".find("b", None, 2), "abcabc".count("a", None))
print("a...b".rsplit(".."), "x---y".rsplit("--"), "a,b,,c".rsplit(",", 1), "a b  c".rsplit(None, 1))
try:
    "a,b".split(seperator=",")
except TypeError as e:
    print(e)
