# Operator overloading with reflected and in-place variants.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __iadd__(self, other):
        self.cents += other.cents if isinstance(other, Money) else other
        return self

    def __sub__(self, other):
        return Money(self.cents - other.cents)

    def __mul__(self, k):
        return Money(self.cents * k)

    def __truediv__(self, k):
        return Money(self.cents // k)

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __le__(self, other):
        return self.cents <= other.cents

    def __hash__(self):
        return hash(self.cents)

    def __repr__(self):
        return f"Money({self.cents})"

    def __neg__(self):
        return Money(-self.cents)

    def __abs__(self):
        return Money(abs(self.cents))

    def __bool__(self):
        return self.cents != 0


m = Money(150)
print(m + Money(50), m + 5, 5 + m, m - Money(50), m * 3, m / 4, -m, abs(-m), bool(Money(0)))
print(sum([Money(1), Money(2), Money(3)]), max(Money(5), Money(9)), sorted([Money(3), Money(1)]), Money(1) == Money(1), Money(1) != Money(2))
print(Money(2) > Money(1), Money(2) >= Money(2), m in [Money(150)], {Money(1): "one"}[Money(1)])
m += Money(10)
m += 1
print(m)
try:
    m + "x"
except TypeError as e:
    print(e)
try:
    Money(1) < 5
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
