# User-defined exception hierarchies with extra state.
class AppError(Exception):
    """Base class of the application's errors."""

class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"{key!r} not found")
        self.key = key

class Invalid(AppError):
    def __init__(self, field, reason):
        self.field = field
        self.reason = reason
        super().__init__(field, reason)

    def __str__(self):
        return f"{self.field}: {self.reason}"

def lookup(db, key):
    if key not in db:
        raise NotFound(key)
    value = db[key]
    if value < 0:
        raise Invalid(key, "negative")
    return value

db = {"a": 1, "b": -1}
for key in ["a", "b", "c"]:
    try:
        print("value", lookup(db, key))
    except NotFound as e:
        print("NotFound:", e, e.key, e.args)
    except AppError as e:
        print(type(e).__name__ + ":", e, e.args, e.field)

print(issubclass(NotFound, AppError), issubclass(AppError, Exception), isinstance(Invalid("f", "r"), AppError))
print(repr(NotFound("x")), AppError.__doc__)

class Retry(Exception):
    pass

attempts = 0
def flaky():
    global attempts
    attempts += 1
    if attempts < 3:
        raise Retry(f"attempt {attempts}")
    return "ok after %d" % attempts

while True:
    try:
        print(flaky())
        break
    except Retry as e:
        print("retrying:", e)

class ValidationErrors(Exception):
    def __init__(self, errors):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors

try:
    raise ValidationErrors(["x", "y"])
except Exception as e:
    print(e, e.errors)
