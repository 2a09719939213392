# List operations, sorting and copying.
xs = [5, 3, 8, 1]
xs.append(7)
xs.extend([2, 9])
xs.insert(0, 10)
print(xs, len(xs))
print(xs.pop(), xs.pop(0), xs)
xs.remove(8)
print(xs, xs.index(1), xs.count(3), 3 in xs, 42 in xs)
xs.sort()
print(xs, sorted(xs, reverse=True), list(reversed(xs)))
words = ["pear", "Fig", "apple", "kiwi", "banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=lambda w: (len(w), w)))
print(min(words, key=len), max(words, key=len), sum([1, 2, 3], 10))
a = [1, 2, 3]
b = a
c = a[:]
d = list(a)
a.append(4)
print(a, b, c, d, a is b, a == b, c == d)
grid = [[0] * 3 for _ in range(2)]
grid[0][1] = 5
print(grid, [[1, 2]] * 2)
print([1, 2] + [3], [0] * 4, [1, 2] < [1, 3], [1, 2] == [1, 2], [] or ["empty"])
for i, w in enumerate(words[:3], start=1):
    print(i, w)
print(list(zip([1, 2, 3], "ab")), list(map(str, [1, 2])), list(filter(None, [0, 1, "", "x"])))
stack = []
stack.append(1)
stack.append(2)
print(stack.pop(), stack)
nums = [3, 1, 2]
nums.reverse()
print(nums, nums * 2, nums.copy(), [x for x in nums if x > 1])
del nums[0]
nums.clear()
print(nums, [1, [2, [3]]], str([1.0, "s", None, True]))
people = [("bob", 25), ("amy", 31), ("cat", 25)]
people.sort(key=lambda p: p[1])
print(people)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].index(5)
except ValueError as e:
    print("ValueError:", e)
