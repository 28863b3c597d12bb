# Truthiness, identity and equality.
class Box:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)


class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on


print(bool(Box([])), bool(Box([1])), bool(Flag(False)), bool(Flag(True)), bool(object()))
a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b, a is c, a is not b, None is None, type(None)() is None if False else "skip")
print(1 == 1.0, a is not None, [] == [], {} == {}, () == (), "" == '', 0 == False, 1 == True, 2 == True)
print([0, 1, "", "x", None, [], [0], {}, 0.0, -1].count(False), [bool(v) for v in [0, 1, "", "x", None, [], [0], {}, 0.0, -1]])
x = None
if x is None:
    print("x is None")
if not []:
    print("empty list is falsy")
print(all([]), any([]), all([[]]), any([[]]), all(["a", 1]), any([0, None, ""]))
