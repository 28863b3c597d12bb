# Integers, floats and their operators, as CPython prints them.
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 % -3, 2 ** 10, 2 ** -1, 10 / 4)
print(0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e-5, 123456789.0, 1.5e300 * 1e10, -0.0)
print(3.0, 100.0, 1e15, 12345678901234567.0, 0.0001, 0.00001234)
print(2 ** 64, -(2 ** 70), (2 ** 64) // 3, (2 ** 64) % 7, 10 ** 30 // 10 ** 10)
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234, -2), round(1250, -2))
print(divmod(17, 5), divmod(-17, 5), divmod(7.5, 2), abs(-3), abs(-2.5), pow(3, 4, 5))
print(True + True, True * 3, -True, ~5, 5 & 3, 5 | 3, 5 ^ 3, 1 << 10, 1024 >> 3)
print(int("42"), int(" -7 "), int("ff", 16), int("0b101", 0), int(3.99), int(-3.99), float("1e3"), float(" 2.5 "))
print(hex(255), oct(8), bin(5), hex(-255), int(True))
print(1 < 2 < 3, 1 < 2 > 3, 3 == 3.0, 1 == True, 0.1 + 0.2 == 0.3, 2 ** 0.5)
print(float("inf"), float("-inf"), float("nan") != float("nan"), 1e308 * 10)
print(7.0 // 2, -7.0 // 2, 7.5 % 2, -7.5 % 2, 3 * 1.1, 0.1 * 3)
print(isinstance(True, int), type(1 / 1).__name__, type(2 ** 100).__name__, (10).bit_length())
print(sum([0.1] * 10), sum(range(101)), max(3, 7, 5), min([4, 2, 8]), 1_000_000)
x = 10
x += 5
x *= 2
x //= 3
x -= 1
x **= 2
print(x)
big = 1
for i in range(1, 30):
    big *= i
print(big, len(str(big)), big % 1000007)
print(float(2 ** 53 + 1), 2 ** 53 + 1.0, 9007199254740993)
print(f"{3.14159:.2f} {1234567.891:,.2f} {42:05d} {255:#x} {0.25:.1%} {1e-7:.3e} {12.0:g} {0.00001:g}")
print(f"{7:>4}|{7:<4}|{7:^5}|{-7:+}|{7:+}|{1234567:_}|{3.0}|{2.50:.3g}")
print(round(0.5), round(1.5), round(-0.5), round(7.45, 1), round(2.5, 0))
