# Arbitrary-precision integers.
a = 2 ** 200
b = 3 ** 150
print(a, b, a * b, a // b, a % b, -a // 7, a ** 2 % 1000000007, (a + b).bit_length())
print(abs(-a), a > b, a == 2 ** 200, hash(a) == hash(2 ** 200), int(str(a)) == a, str(a)[:10], len(str(b)))
print(pow(2, 1000, 10 ** 9), divmod(a, 10 ** 30), a >> 100, a << 3, a & (2 ** 64 - 1), a | 1, a ^ a)
print(int("9" * 50) + 1, -(10 ** 40), (10 ** 40) / 10 ** 20, float(2 ** 100), 2 ** 100 == float(2 ** 100))
print(sum(range(10 ** 6)), 10 ** 18 + 10 ** 18, 9223372036854775807 + 1, -9223372036854775808 - 1, 9223372036854775807 * 2)
fact = 1
for i in range(1, 51):
    fact *= i
print(fact, fact // (2 ** 47), str(fact).count("0"))
