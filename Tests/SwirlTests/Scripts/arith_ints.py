# Integer arithmetic: floor division and modulo follow the sign of the divisor.
print(7 + 3, 7 - 10, 6 * 7, 7 / 2, 8 / 4)
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (-1, 10)]:
    print(a, b, a // b, a % b, divmod(a, b))
print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2)
print(pow(3, 4), pow(3, 4, 5), pow(2, -2))
print(abs(-12), int("42"), int("-0017"), int(" 8 "), int("ff", 16), int("0b101", 0), int(3.99), int(-3.99))
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, -16 >> 2)
print(True + True, True * 10, 3 == 3.0, 1 < 2 < 3, 3 > 2 > 2)
print(round(7), round(15, -1), round(25, -1), round(-35, -1))
print(bin(10), oct(64), hex(255), hex(-255))
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x %= 3
x **= 3
print(x)
print(max(3, 9, -1), min([4, 2, 8]), sum(range(101)))
