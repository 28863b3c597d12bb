# global, nonlocal and name resolution.
counter = 0
names = []


def increment():
    global counter
    counter += 1
    names.append(counter)


for _ in range(3):
    increment()
print(counter, names)


def outer():
    level = "outer"

    def inner():
        return level

    level = "changed after definition"
    return inner()


print(outer())
x = "global x"


def shadow():
    x = "local x"
    return x


print(shadow(), x)


def read_global():
    return x.upper()


print(read_global())


def make():
    values = []

    def add(v):
        values.append(v)

    def get():
        return list(values)
    return add, get


add, get = make()
add(1)
add(2)
print(get())


class Scope:
    y = 10
    doubled = [y * 2 for _ in range(1)] if False else None
    z = y + 1


print(Scope.z, Scope.doubled)


def uses_builtin():
    return len("abc"), max(1, 2)


print(uses_builtin())


def bad():
    print(total_undefined)


try:
    bad()
except NameError as e:
    print(e)
