# math: rounding, powers, trigonometry, and a small statistics helper.
import math

print(math.floor(-2.5), math.ceil(-2.5), math.trunc(2.7), round(-2.5), math.fabs(-3), math.copysign(3, -0.0))
print(math.pow(2, 10), math.exp(1) == math.e, math.log(100, 10), math.log(8, 2), math.log1p(0) if hasattr(math, "log1p") else 0.0)
print(round(math.sin(math.pi / 2), 10), round(math.cos(math.pi), 10), round(math.degrees(math.pi), 6), math.radians(180) == math.pi)
print(math.gcd(48, 36), math.factorial(10), math.comb(10, 3), math.isqrt(99), math.hypot(5, 12), math.fmod(7, 3))
print(math.isnan(float("nan")), math.isinf(-math.inf), math.isfinite(1e308), math.isclose(1.0, 1.0 + 1e-12))


def mean(xs):
    return sum(xs) / len(xs)


def stdev(xs):
    m = mean(xs)
    return math.sqrt(sum((x - m) ** 2 for x in xs) / (len(xs) - 1))


def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


data = [2, 4, 4, 4, 5, 5, 7, 9]
print(mean(data), round(stdev(data), 6), median(data), median(data[:-1]))
try:
    math.sqrt(-1)
except ValueError as e:
    print(e)
