# NameError suggestions: the globals are tried before the builtins (CPython 3.11).
values = 1
valuse
