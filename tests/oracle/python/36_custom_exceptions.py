# Custom exception hierarchies with extra attributes and __str__.
class ShopError(Exception):
    """Base class for shop errors."""


class OutOfStock(ShopError):
    def __init__(self, item, wanted, available):
        super().__init__(item, wanted, available)
        self.item = item
        self.wanted = wanted
        self.available = available

    def __str__(self):
        return f"{self.item}: wanted {self.wanted}, only {self.available} left"


class PaymentDeclined(ShopError):
    pass


def buy(item, qty, stock):
    if stock.get(item, 0) < qty:
        raise OutOfStock(item, qty, stock.get(item, 0))
    if qty > 5:
        raise PaymentDeclined("limit exceeded")
    stock[item] -= qty
    return f"bought {qty} {item}"


stock = {"pen": 3, "ink": 10}
for item, qty in [("pen", 2), ("pen", 2), ("ink", 6), ("cup", 1)]:
    try:
        print(buy(item, qty, stock))
    except OutOfStock as e:
        print("OutOfStock:", e, e.args, e.available)
    except ShopError as e:
        print(type(e).__name__ + ":", e, repr(e))
print(stock, issubclass(OutOfStock, Exception), OutOfStock.__doc__, ShopError.__doc__)
e = OutOfStock("x", 1, 0)
print(repr(e), str(e), isinstance(e, ShopError))
raise PaymentDeclined("card expired")
