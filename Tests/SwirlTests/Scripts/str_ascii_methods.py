# The case and classification methods on ASCII text (answered byte by byte) agree with
# the general Unicode versions: every ASCII character alone, in pairs, and in phrases.
chars = [chr(i) for i in range(128)]
methods = ["isalpha", "isdigit", "isalnum", "isspace", "isupper", "islower"]
for m in methods:
    print(m, "".join(c for c in chars if getattr(c, m)()).encode())

samples = ["", "a", "A", "1", " ", "hello world", "HELLO WORLD", "Hello World", "they're bill's",
           "3rd place", "x1y2z3", "ALL CAPS 123", "MiXeD_cAsE-words", "\t\n", "a\x1cb", "__init__",
           "o'neil mcDONALD", "snake_case_name", "123", "  lead", "trail  ", "Ünïcödé ok", "ß straße"]
for s in samples:
    print(repr(s), s.title(), s.capitalize(), s.upper(), s.lower(),
          [getattr(s, m)() for m in methods])

pairs = [a + b for a in "aZ0 _'" for b in "bY9\t-"]
print([p.title() for p in pairs])
print([p.capitalize() for p in pairs])
print([(p.isupper(), p.islower(), p.isalnum()) for p in pairs])
