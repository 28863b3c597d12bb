# Chained comparisons evaluate each operand once.
def val(x):
    print("eval", x)
    return x


print(1 < 2 < 3, 3 > 2 > 1, 1 < 3 < 2, 1 == 1 == 1, 1 == 1 != 2, 5 > 3 >= 3 > 2)
print(val(1) < val(2) < val(3))
print(val(3) < val(2) < val(1))
age = 25
print(18 <= age < 65, 0 < age <= 18, "a" < "b" < "c", [1] < [1, 0] < [2])
x = 5
print(1 < x < 10 and x != 7, not 1 < x < 3, x in range(10) in [range(10)] if False else "skip", 2 < x is not None)
