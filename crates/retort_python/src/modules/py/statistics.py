"""Retort's `statistics`: the averages and spreads of CPython's module
(mean, fmean, median and its low/high forms, mode, multimode, variance,
stdev and their population forms), exact for ints and Decimals as
CPython's are (`mean([1, 2, 3])` is the int 2, `mean([1, 2])` 1.5)."""

import math as _math
from decimal import Decimal as _Decimal


class StatisticsError(ValueError):
    pass


def _data(data, least, what):
    data = list(data)
    if len(data) < least:
        raise StatisticsError(what)
    return data


def _exact_div(total, n):
    # an int total stays an int when n divides it, as CPython's Fraction-based mean
    if isinstance(total, int) and not isinstance(total, bool):
        return total // n if total % n == 0 else total / n
    if isinstance(total, _Decimal):
        # CPython divides the exact fraction's terms: Decimal('4.0') / 2 is Decimal('2')
        q = total / n
        return _Decimal(int(q)) if q == q.to_integral_value() else q.normalize()
    return total / n


def _sum(data):
    if any(isinstance(x, float) for x in data):
        return _math.fsum(data)
    return sum(data[1:], data[0])


def mean(data):
    data = _data(data, 1, "mean requires at least one data point")
    return _exact_div(_sum(data), len(data))


def fmean(data, weights=None):
    data = _data(data, 1, "fmean requires at least one data point")
    if weights is None:
        return _math.fsum(data) / len(data)
    weights = list(weights)
    return _math.fsum(x * w for x, w in zip(data, weights)) / _math.fsum(weights)


def median(data):
    data = sorted(_data(data, 1, "no median for empty data"))
    n = len(data)
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(_data(data, 1, "no median for empty data"))
    n = len(data)
    return data[n // 2] if n % 2 == 1 else data[n // 2 - 1]


def median_high(data):
    data = sorted(_data(data, 1, "no median for empty data"))
    return data[len(data) // 2]


def multimode(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    if not counts:
        return []
    best = max(counts.values())
    return [x for x, c in counts.items() if c == best]


def mode(data):
    modes = multimode(data)
    if not modes:
        raise StatisticsError("no mode for empty data")
    return modes[0]


def _ss(data, c=None):
    if c is None:
        c = mean(data)
    return _sum([(x - c) * (x - c) for x in data])


def variance(data, xbar=None):
    data = _data(data, 2, "variance requires at least two data points")
    return _exact_div(_ss(data, xbar), len(data) - 1)


def pvariance(data, mu=None):
    data = _data(data, 1, "pvariance requires at least one data point")
    return _exact_div(_ss(data, mu), len(data))


def _sqrt(v):
    return v.sqrt() if isinstance(v, _Decimal) else _math.sqrt(v)


def stdev(data, xbar=None):
    return _sqrt(variance(data, xbar))


def pstdev(data, mu=None):
    return _sqrt(pvariance(data, mu))
