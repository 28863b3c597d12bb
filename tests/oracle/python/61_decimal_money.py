# Decimal for money: exact sums, rounding modes, quantize, formatting.
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

prices = [Decimal("19.99"), Decimal("5.01"), Decimal("0.10")]
subtotal = sum(prices)
tax = (subtotal * Decimal("0.0825")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
print(subtotal, tax, subtotal + tax, sum([0.1] * 3), sum([Decimal("0.1")] * 3))
for value in ["2.345", "2.355", "-2.345", "2.5", "3.5"]:
    d = Decimal(value)
    print(value, d.quantize(Decimal("0.01"), ROUND_HALF_UP), d.quantize(Decimal("0.01"), ROUND_HALF_EVEN), d.quantize(Decimal("0.01"), ROUND_DOWN), round(d), round(d, 1))
print(Decimal("1") / Decimal("3"), Decimal("2") / Decimal("4"), Decimal("10") / Decimal("4"), Decimal("100") / Decimal("8"))
print(Decimal("1.30") + Decimal("1.20"), Decimal("1.30") * Decimal("2"), Decimal("3.000").normalize(), Decimal("1e2") + 1, Decimal("0.1") + Decimal("0.2") == Decimal("0.3"))
print(f"{Decimal('1234567.891'):,.2f}", f"{Decimal('0.5'):.0%}", str(Decimal("-0.0001")), Decimal(3) ** 3, Decimal("9").sqrt(), -Decimal("5"))
print(Decimal("7") // Decimal("2"), Decimal("-7") // Decimal("2"), Decimal("7") % Decimal("-2"), Decimal("-7") % Decimal("2"), divmod(Decimal("7"), Decimal("3")))
print(max([Decimal("1.1"), Decimal("1.01")]), Decimal("1.10") == Decimal("1.1"), hash(Decimal("2.0")) == hash(2), Decimal(2) == 2.0, Decimal("1.5") > 1)
