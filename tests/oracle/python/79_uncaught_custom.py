# An uncaught custom exception raised from a method.
class OrderError(Exception):
    pass


class Order:
    def __init__(self, items):
        self.items = items

    def total(self):
        if not self.items:
            raise OrderError("an order needs at least one item")
        return sum(self.items)


print(Order([1, 2]).total())
Order([]).total()
