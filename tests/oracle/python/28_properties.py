# Properties: computed, read-only, validated, deleted.
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError("balance cannot be negative")
        self._balance = value

    @balance.deleter
    def balance(self):
        print("closing account")
        self._balance = 0

    @property
    def summary(self):
        return f"{self.owner}: {self._balance}"


acc = Account("ada", 100)
acc.balance += 50
print(acc.balance, acc.summary)
del acc.balance
print(acc.balance)
try:
    acc.balance = -5
except ValueError as e:
    print(e)
try:
    acc.summary = "x"
except AttributeError as e:
    print(e)
print(type(Account.balance).__name__, Account.balance.fget.__name__)


class Circle:
    def __init__(self, r):
        self.r = r

    area = property(lambda self: round(3.14159 * self.r ** 2, 2))


print(Circle(2).area)
