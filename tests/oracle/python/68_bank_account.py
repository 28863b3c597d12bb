# An OOP example: accounts, transactions and errors.
class InsufficientFunds(Exception):
    pass


class Account:
    interest_rate = 0.02
    _next_number = 1000

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.history = []
        Account._next_number += 1
        self.number = Account._next_number

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
        return self

    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(f"{self.owner} has {self._balance}, needs {amount}")
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self

    def transfer(self, other, amount):
        self.withdraw(amount)
        other.deposit(amount)

    def __repr__(self):
        return f"Account({self.number}, {self.owner!r}, balance={self._balance})"


class SavingsAccount(Account):
    interest_rate = 0.05

    def add_interest(self):
        interest = round(self._balance * self.interest_rate, 2)
        return self.deposit(interest)


a = Account("ada", 100)
s = SavingsAccount("bob", 1000)
a.deposit(50).withdraw(30)
s.add_interest()
a.transfer(s, 20)
print(a, s, a.history, s.history)
for action in [lambda: a.withdraw(1000), lambda: a.deposit(-5), lambda: s.transfer(a, 5000)]:
    try:
        action()
    except (InsufficientFunds, ValueError) as e:
        print(type(e).__name__, e)
accounts = sorted([a, s, Account("cy", 500)], key=lambda acc: acc.balance, reverse=True)
print([acc.owner for acc in accounts], sum(acc.balance for acc in accounts), SavingsAccount.interest_rate, a.interest_rate)
