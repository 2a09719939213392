# In-place set updates and float floor division / divmod signs and messages.
a = {10, 20, 30, 40, 50, 60}; a.intersection_update({40, 50, 60, 70}, [50, 60]); print(a)
b = {10, 20, 30, 40}; b.difference_update([20], {30, 99}); print(b)
c = {10, 20, 30}; c.symmetric_difference_update({30, 40, 50}); print(c)
d = {1, 2}; d.symmetric_difference_update([2, 3, 3]); print(d)
print(-0.0 // 1, divmod(-0.0, 1), 0.0 // -1, divmod(7.5, -2), -7.5 // 2)
for x, y in [(1.0, 0), (1, 0.0), (1, 0)]:
    try:
        divmod(x, y)
    except ZeroDivisionError as e:
        print(e)
