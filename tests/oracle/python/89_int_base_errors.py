# int() with a base outside 2..36 (and not 0) is a ValueError, never a crash.
for base in (316, 37, 1, -2):
    try:
        int("ff", base)
    except ValueError as e:
        print(base, e)
print(int("zz", 36), int("0x1f", 0), int("11", 2))
