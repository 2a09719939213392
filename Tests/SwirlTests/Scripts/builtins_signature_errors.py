# Built-ins refuse misspelt keywords and surplus arguments with CPython's messages.
try:
    print('int("5", 10, 3)', '->', repr(int("5", 10, 3)))
except TypeError as e:
    print('int("5", 10, 3)', '-> TypeError:', e)
try:
    print('int(x="5")', '->', repr(int(x="5")))
except TypeError as e:
    print('int(x="5")', '-> TypeError:', e)
try:
    print('float("1", "2")', '->', repr(float("1", "2")))
except TypeError as e:
    print('float("1", "2")', '-> TypeError:', e)
try:
    print('float(x=1)', '->', repr(float(x=1)))
except TypeError as e:
    print('float(x=1)', '-> TypeError:', e)
try:
    print('bool(1, 2)', '->', repr(bool(1, 2)))
except TypeError as e:
    print('bool(1, 2)', '-> TypeError:', e)
try:
    print('bool(x=1)', '->', repr(bool(x=1)))
except TypeError as e:
    print('bool(x=1)', '-> TypeError:', e)
try:
    print('list("ab", "cd")', '->', repr(list("ab", "cd")))
except TypeError as e:
    print('list("ab", "cd")', '-> TypeError:', e)
try:
    print('list(x=1)', '->', repr(list(x=1)))
except TypeError as e:
    print('list(x=1)', '-> TypeError:', e)
try:
    print('tuple(1,2)', '->', repr(tuple(1,2)))
except TypeError as e:
    print('tuple(1,2)', '-> TypeError:', e)
try:
    print('set(1,2)', '->', repr(set(1,2)))
except TypeError as e:
    print('set(1,2)', '-> TypeError:', e)
try:
    print('enumerate("ab", begin=1)', '->', repr(enumerate("ab", begin=1)))
except TypeError as e:
    print('enumerate("ab", begin=1)', '-> TypeError:', e)
try:
    print('round(2.5, digits=1)', '->', repr(round(2.5, digits=1)))
except TypeError as e:
    print('round(2.5, digits=1)', '-> TypeError:', e)
try:
    print('round(1.5, 2, 3)', '->', repr(round(1.5, 2, 3)))
except TypeError as e:
    print('round(1.5, 2, 3)', '-> TypeError:', e)
try:
    print('zip([1], strictt=True)', '->', repr(zip([1], strictt=True)))
except TypeError as e:
    print('zip([1], strictt=True)', '-> TypeError:', e)
try:
    print('print(1, sepp=1)', '->', repr(print(1, sepp=1)))
except TypeError as e:
    print('print(1, sepp=1)', '-> TypeError:', e)
try:
    print('min([1], keyy=1)', '->', repr(min([1], keyy=1)))
except TypeError as e:
    print('min([1], keyy=1)', '-> TypeError:', e)
try:
    print('str(object=5)', '->', repr(str(object=5)))
except TypeError as e:
    print('str(object=5)', '-> TypeError:', e)
try:
    print('sum([1], 0, 1)', '->', repr(sum([1], 0, 1)))
except TypeError as e:
    print('sum([1], 0, 1)', '-> TypeError:', e)
try:
    print('sum([1], strt=1)', '->', repr(sum([1], strt=1)))
except TypeError as e:
    print('sum([1], strt=1)', '-> TypeError:', e)
try:
    print('int("12", base=8)', '->', repr(int("12", base=8)))
except TypeError as e:
    print('int("12", base=8)', '-> TypeError:', e)
try:
    print('list(enumerate("ab", start=3))', '->', repr(list(enumerate("ab", start=3))))
except TypeError as e:
    print('list(enumerate("ab", start=3))', '-> TypeError:', e)
try:
    print('round(number=2.567, ndigits=1)', '->', repr(round(number=2.567, ndigits=1)))
except TypeError as e:
    print('round(number=2.567, ndigits=1)', '-> TypeError:', e)
try:
    print('sum([1], start=5)', '->', repr(sum([1], start=5)))
except TypeError as e:
    print('sum([1], start=5)', '-> TypeError:', e)
try:
    print('max([1, 2], key=lambda x: -x, default=0)', '->', repr(max([1, 2], key=lambda x: -x, default=0)))
except TypeError as e:
    print('max([1, 2], key=lambda x: -x, default=0)', '-> TypeError:', e)
try:
    print('list(zip([1], [2], strict=True))', '->', repr(list(zip([1], [2], strict=True))))
except TypeError as e:
    print('list(zip([1], [2], strict=True))', '-> TypeError:', e)
try:
    print('list(range(3))', '->', repr(list(range(3))))
except TypeError as e:
    print('list(range(3))', '-> TypeError:', e)
try:
    print('frozenset([1])', '->', repr(frozenset([1])))
except TypeError as e:
    print('frozenset([1])', '-> TypeError:', e)
try:
    print('str(b"ab", "utf-8")', '->', repr(str(b"ab", "utf-8")))
except TypeError as e:
    print('str(b"ab", "utf-8")', '-> TypeError:', e)
try:
    print('int("10", 2)', '->', repr(int("10", 2)))
except TypeError as e:
    print('int("10", 2)', '-> TypeError:', e)
try:
    print('float("2.5")', '->', repr(float("2.5")))
except TypeError as e:
    print('float("2.5")', '-> TypeError:', e)
