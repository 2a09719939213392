# An uncaught exception group is drawn as CPython draws it: members in numbered boxes,
# nested groups indented, chained causes and notes inside the boxes, and groups wider
# than 15 members cut short.
def fail(n):
    raise ValueError(f"failure {n}")


def collect():
    errors = []
    for i in range(3):
        try:
            fail(i)
        except ValueError as e:
            errors.append(e)
    return errors


try:
    raise KeyError("while handling")
except KeyError:
    e = TypeError("typed")
    e.add_note("note one\nline two")
    try:
        raise e from OSError("the cause")
    except TypeError as t:
        print("raising")
        raise ExceptionGroup("outer", [t, ExceptionGroup("inner", collect()),
                                       ExceptionGroup("wide", [ValueError(i) for i in range(17)])])
