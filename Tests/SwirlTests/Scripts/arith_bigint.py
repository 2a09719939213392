# Arbitrary-precision integers, including floor division and modulo of negative big values.
big = 2 ** 100
print(big)
print(big * big)
print(-big // 7, -big % 7)
print(big // -7, big % -7)
print(divmod(-(10 ** 30) + 1, 10 ** 15))
fact = 1
for i in range(1, 31):
    fact *= i
print(fact)
print(len(str(3 ** 1000)))
print(hex(2 ** 70), bin(2 ** 65))
print(int("123456789012345678901234567890") + 1)
print(2 ** 64 - 1 == 18446744073709551615, 2 ** 63 > 9.2e18, -(2 ** 63) - 1)
print((2 ** 100) // (2 ** 98), (10 ** 20) / (10 ** 18))
print(abs(-(7 ** 40)), pow(7, 40, 10 ** 9 + 7))
print(sum([2 ** 62] * 8), 9223372036854775807 + 1, -9223372036854775808 - 1)
print(9223372036854775807 * 3, (-9223372036854775808) // -1)
