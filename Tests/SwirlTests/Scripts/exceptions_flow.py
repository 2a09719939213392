# try/except/else/finally ordering, re-raising and chaining.
def attempt(value):
    try:
        print("try", value)
        result = 10 // value
    except ZeroDivisionError as e:
        print("except", type(e).__name__, e)
        return "failed"
    else:
        print("else", result)
        return result
    finally:
        print("finally", value)

print(attempt(2))
print(attempt(0))

def finally_wins():
    try:
        return "try"
    finally:
        return "finally"

print(finally_wins())

for value in ["5", "x", None, [1]]:
    try:
        n = int(value)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, "->", e)
    else:
        print("parsed", n)

try:
    try:
        {}["k"]
    except KeyError:
        print("inner handler")
        raise
except KeyError as e:
    print("outer got", repr(e))

try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(e, type(e.__cause__).__name__, e.__suppress_context__)

try:
    try:
        raise TypeError("first")
    except TypeError:
        raise RuntimeError("second")
except RuntimeError as e:
    print(e, repr(e.__context__), e.__cause__)

e = ValueError("a", 2)
print(e.args, str(e), repr(e), str(ValueError()), repr(KeyError("k")), str(KeyError("k")))

def loop_with_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out

print(loop_with_finally())
try:
    raise Exception("generic")
except Exception as err:
    print("caught", err)
print("done")
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
try:
    None.attribute
except AttributeError as e:
    print("AttributeError:", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    undefined
except NameError as e:
    print("NameError:", e)
