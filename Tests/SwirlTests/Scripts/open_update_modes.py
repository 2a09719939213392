# open() modes: r+ reads and overwrites without truncating (text mode writes after a read go
# to the end, as CPython's read-ahead makes them); invalid modes are rejected.
import os
p = os.path.join("/tmp", "swirl_script_test_open_update.txt")
with open(p, "w") as f:
    f.write("line one\nline two\n")
with open(p, "r+") as f:
    first = f.readline()
    print(repr(first))
    f.write("LINE")
    print(repr(f.read()))
print(repr(open(p).read()))
with open(p, "r+") as f:
    f.write("X")
print(repr(open(p).read()))
with open(p, "rb+") as f:
    print(f.read(4))
    f.write(b"__")
print(repr(open(p).read()))
for m in ["r+", "w+", "a+", "x", "rt", "U", "r++"]:
    try:
        open(p, m).close()
        print(m, "ok")
    except Exception as e:
        print(m, type(e).__name__, e)
