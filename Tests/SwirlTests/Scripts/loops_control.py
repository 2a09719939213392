# Loops: for/while with else, break, continue, ranges and iteration helpers.
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
else:
    print("no break")
k = 0
while k < 3:
    k += 1
else:
    print("while finished", k)
print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -3)), list(range(0)), len(range(0, 100, 7)))
print(range(3), range(1, 9, 2)[2], 4 in range(0, 10, 2), range(10)[-1], list(range(10)[::4]))
for idx, (a, b) in enumerate(zip("xyz", [1, 2]), 1):
    print(idx, a, b)
found = None
for row in [[1, 2], [3, 4], [5, 6]]:
    for item in row:
        if item == 4:
            found = item
            break
    if found:
        break
print("found", found, "row", row)
count = 0
while True:
    count += 1
    if count == 5:
        break
print(count)
for c in "hi":
    pass
print(c)
nums = [1, 2, 3]
for n in nums[:]:
    if n == 2:
        nums.remove(n)
print(nums)
print(list(reversed(range(4))), list(zip(range(3), range(10, 13))), sorted(range(5), reverse=True))
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"))
