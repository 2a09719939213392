# __del__ at exit can still use the script's functions and classes; __slots__ private names
# are mangled; bytes.split maxsplit; staticmethod objects are callable; alias attributes.

# --- 28
class A:
    __slots__ = ("__x", "y")
    def __init__(self): self.__x = 1; self.y = 2
    def get(self): return self.__x
a = A()
print(a.get(), a._A__x)

# --- 31
line = b"k=v=w"
print(b"a,b,c".split(b",", 1), b"a b c".split(maxsplit=1), line.split(b"=", 1))

# --- 36
class U:
    @staticmethod
    def helper(x): return x + 1
    table = {"inc": helper}
print(U.table["inc"](1), U.helper(2))

print(list[int].__name__)

def log(msg):
    print("LOG:", msg)
class Conn:
    def __init__(self, name): self.name = name
    def __del__(self):
        log(f"closing {self.name}")
c = Conn("db")
print("end")
