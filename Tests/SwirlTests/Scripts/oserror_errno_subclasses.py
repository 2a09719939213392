# OSError(errno, strerror, ...) becomes the subclass for the errno (FileNotFoundError, ...);
# the **= error names the augmented operator.
for args in [(2, "No such file", "f.txt"), (13, "denied"), (17, "exists"), (99, "other"), (2,), (104, "reset")]:
    e = OSError(*args)
    print(type(e).__name__, e, e.args[:2], isinstance(e, OSError))
try:
    raise OSError(2, "No such file", "f.txt")
except FileNotFoundError as e:
    print("caught", e.errno, e.strerror, e.filename)
print(type(FileNotFoundError(13, "x")).__name__)
x = 2
try: x **= "a"
except TypeError as e: print(e)
try: x ** "a"
except TypeError as e: print(e)
