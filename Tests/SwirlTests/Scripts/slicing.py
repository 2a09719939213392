# Slicing of lists, strings and tuples, slice assignment and deletion.
xs = list(range(10))
print(xs[2:5], xs[:3], xs[7:], xs[-3:], xs[:-7], xs[::2], xs[1::3], xs[::-1], xs[8:2:-2])
print(xs[-100:3], xs[5:100], xs[6:2], xs[::-3], xs[-1:-4:-1])
s = "Hello, World"
print(s[:5], s[7:], s[::-1], s[-5:-1], s[::3], s[100:], repr(s[3:3]))
print((1, 2, 3, 4)[1:3], (1, 2, 3)[::-1])
ys = [0, 1, 2, 3, 4, 5]
ys[1:3] = ["a", "b", "c"]
print(ys)
ys[::2] = [9, 9, 9, 9]
print(ys)
del ys[1:3]
print(ys)
del ys[::2]
print(ys)
ys[:0] = [-1]
ys[len(ys):] = [100]
print(ys)
sl = slice(1, 5, 2)
print(xs[sl], sl.start, sl.stop, sl.step, slice(3))
try:
    ys[::2] = [1, 2, 3, 4, 5, 6, 7]
except ValueError as e:
    print("ValueError:", e)
try:
    print(xs[10])
except IndexError as e:
    print("IndexError:", e)
try:
    print("abc"[5])
except IndexError as e:
    print("IndexError:", e)
