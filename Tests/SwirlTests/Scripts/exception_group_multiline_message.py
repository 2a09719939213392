# Multi-line messages and notes inside an exception group's box, drawn as CPython 3.11
# draws them (the test compares the whole standard error).
e = ValueError("one\ntwo")
e.add_note("note a\nnote b")
raise ExceptionGroup("g\nsecond", [e, KeyError("k")])
