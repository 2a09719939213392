# Range slices keep CPython's bounds; replace('') with a count; bound-method equality.
print(range(0, 14, 2)[::2], range(10)[2:8:3], range(10)[::-1], range(10)[-3:], range(5, 0, -1)[1:3], range(0)[1:])
print("abc".replace("", "-", 2), "abc".replace("", "-", 0), "abc".replace("", "-", 10), "abc".replace("", "-"))
class O:
    def m(self): pass
o = O()
print(o.m == o.m, o.m == O().m, o.m != o.m, [1].append == [1].append)
