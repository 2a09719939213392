# Re-raising the original error after its cleanup failed: the original gets the cleanup's
# error as __context__ and the cycle is cut on the cleanup's side, as CPython does.
try:
    try:
        raise ValueError("original")
    except ValueError as e:
        try:
            raise OSError("cleanup failed")
        except OSError:
            raise e
except ValueError as v:
    print(repr(v.__context__), repr(v.__context__.__context__))

first = KeyError("first")
second = KeyError("second")
try:
    try:
        raise first
    except KeyError:
        raise second
except KeyError as k:
    print(repr(k), repr(k.__context__))
try:
    try:
        raise second
    except KeyError:
        raise first
except KeyError as k:
    print(repr(k), repr(k.__context__), repr(k.__context__.__context__))
