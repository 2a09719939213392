# Conditions of if/while take each operand's truth once (and/or/not, comparisons that
# return objects with __bool__), as CPython's jumps do.
calls = []
class B:
    def __init__(self, name, v): self.name, self.v = name, v
    def __bool__(self):
        calls.append(self.name)
        return self.v
class E:
    def __eq__(self, other): return B("eq", True)
    def __lt__(self, other): return B("lt", False)
a, b, c = B("a", True), B("b", False), B("c", True)
if a and b: print("no")
else: print("else1", calls)
calls.clear()
if a or b: print("yes", calls)
calls.clear()
if not b: print("notb", calls)
calls.clear()
if E() == 1: print("eq true", calls)
calls.clear()
if E() < 3: print("x")
else: print("lt false", calls)
calls.clear()
x = a and b
print(x.name, calls)
calls.clear()
n = 0
while not (n >= 3 and c): n += 1
print(n, calls)
if 3 < 5 and not 2 == 3: print("ints")
try:
    if [] < 3: pass
except TypeError as e: print(e)
print(not 0, not [], not [1])
