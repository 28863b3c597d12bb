# Retort's interpreter benchmark: a 200-line pure-Python workload of loops,
# dict and list work, method calls and string formatting (what ORM scripts
# do around their queries). It prints a checksum so runs can be compared.


class Account:
    def __init__(self, number, owner, balance):
        self.number = number
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            return False
        self.balance -= amount
        self.history.append(("withdraw", amount))
        return True

    def __repr__(self):
        return f"Account({self.number}, {self.owner!r}, {self.balance})"


class Bank:
    def __init__(self):
        self.accounts = {}
        self.log = []

    def open(self, owner, balance=0):
        number = len(self.accounts) + 1000
        account = Account(number, owner, balance)
        self.accounts[number] = account
        return account

    def transfer(self, src, dst, amount):
        a = self.accounts[src]
        b = self.accounts[dst]
        if a.withdraw(amount):
            b.deposit(amount)
            self.log.append(f"{src}->{dst}:{amount}")
            return True
        self.log.append(f"{src}->{dst}:refused")
        return False

    def total(self):
        return sum(a.balance for a in self.accounts.values())

    def richest(self, n=3):
        return sorted(self.accounts.values(), key=lambda a: (-a.balance, a.number))[:n]


def simulate(n_accounts, n_transfers):
    bank = Bank()
    names = ["ada", "bob", "cy", "dee", "eve", "fay", "gus", "hal"]
    for i in range(n_accounts):
        bank.open(names[i % len(names)] + str(i), (i * 37) % 500)
    seed = 12345
    ok = 0
    numbers = list(bank.accounts)
    for _ in range(n_transfers):
        seed = (seed * 1103515245 + 12345) % 2147483648
        src = numbers[seed % len(numbers)]
        seed = (seed * 1103515245 + 12345) % 2147483648
        dst = numbers[seed % len(numbers)]
        amount = seed % 200
        if src != dst and bank.transfer(src, dst, amount):
            ok += 1
    return bank, ok


def word_stats(text):
    counts = {}
    for word in text.lower().split():
        word = word.strip(".,;:!?")
        if word:
            counts[word] = counts.get(word, 0) + 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    return len(counts), top


def matrix_work(n):
    a = [[(i * j) % 7 for j in range(n)] for i in range(n)]
    b = [[(i + j) % 5 for j in range(n)] for i in range(n)]
    c = [[sum(a[i][k] * b[k][j] for k in range(n)) for j in range(n)] for i in range(n)]
    return sum(map(sum, c))


def primes(limit):
    sieve = [True] * (limit + 1)
    sieve[0] = sieve[1] = False
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]:
            for j in range(i * i, limit + 1, i):
                sieve[j] = False
    return [i for i, p in enumerate(sieve) if p]


def fib_memo(n, memo={}):
    if n in memo:
        return memo[n]
    value = n if n < 2 else fib_memo(n - 1) + fib_memo(n - 2)
    memo[n] = value
    return value


def render_report(bank):
    lines = []
    for account in bank.richest(5):
        lines.append("{:<8} {:>6} {:>8.2f}".format(account.owner, account.number, account.balance))
    lines.append("%-8s %6s %8.2f" % ("total", "", bank.total()))
    return "\n".join(lines)


def group_by_initial(words):
    groups = {}
    for w in words:
        groups.setdefault(w[0], []).append(w)
    return {k: sorted(v) for k, v in sorted(groups.items())}


def generator_pipeline(n):
    evens = (x for x in range(n) if x % 2 == 0)
    squares = (x * x for x in evens)
    return sum(s % 1000 for s in squares)


class Shape:
    def area(self):
        raise NotImplementedError


class Rect(Shape):
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.14159 * self.r * self.r


def shapes_total(n):
    shapes = []
    for i in range(n):
        if i % 3:
            shapes.append(Rect(i % 10 + 1, i % 7 + 1))
        else:
            shapes.append(Circle(i % 5 + 1))
    return round(sum(s.area() for s in shapes), 2)


def string_building(n):
    parts = []
    for i in range(n):
        parts.append(f"item-{i:04d}")
    text = ",".join(parts)
    return len(text), text.count("-1"), text[:20]


def exceptions_work(n):
    caught = 0
    for i in range(n):
        try:
            if i % 4 == 0:
                raise ValueError(i)
            int("x" if i % 7 == 0 else str(i))
        except ValueError:
            caught += 1
    return caught


TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of
Darkness, it was the spring of hope, it was the winter of despair.""" * 40


def main():
    bank, ok = simulate(300, 20000)
    distinct, top = word_stats(TEXT)
    checks = [
        ok,
        bank.total(),
        distinct,
        top[0],
        matrix_work(30),
        len(primes(50000)),
        fib_memo(200) % 1000007,
        generator_pipeline(100000),
        shapes_total(20000),
        string_building(20000),
        exceptions_work(20000),
        len(group_by_initial(TEXT.split())),
    ]
    print(render_report(bank))
    for c in checks:
        print(c)


main()
