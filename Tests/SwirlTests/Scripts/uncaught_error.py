# An uncaught exception prints a traceback to stderr and exits with status 1.
def parse(text):
    if not text.isdigit():
        raise ValueError("bad")
    return int(text)

print(parse("12"))
try:
    parse("x")
except ValueError:
    print("handled once")
print("about to fail")
parse("oops")
print("never printed")
