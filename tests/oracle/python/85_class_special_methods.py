# __str__ vs __repr__, __format__, __eq__ with __hash__, __call__, __getattr__.
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    def __repr__(self):
        return f"Temperature({self.celsius})"

    def __str__(self):
        return f"{self.celsius}°C"

    def __format__(self, spec):
        if spec.endswith("F"):
            return format(self.celsius * 9 / 5 + 32, spec[:-1] or "") + "°F"
        return format(self.celsius, spec) + "°C"

    def __eq__(self, other):
        return isinstance(other, Temperature) and self.celsius == other.celsius

    def __hash__(self):
        return hash(self.celsius)


t = Temperature(21.5)
print(t, repr(t), [t], f"{t}", f"{t:.0f}", f"{t:.1F}", str(t), "%s %r" % (t, t), {t, Temperature(21.5)})


class Proxy:
    def __init__(self, target):
        self._target = target

    def __getattr__(self, name):
        print("delegating", name)
        return getattr(self._target, name)


p = Proxy([3, 1, 2])
p.append(0)
print(p._target, p.count(1))


class Multiplier:
    def __init__(self, k):
        self.k = k

    def __call__(self, *values):
        return [v * self.k for v in values]


double = Multiplier(2)
print(double(1, 2, 3), list(map(Multiplier(3), [1, 2])), callable(double))
