# An error deep in calls surfaces at the innermost line of the script.
def parse(value):
    return int(value)


def load(values):
    return [parse(v) for v in values]


print(load(["1", "2"]))
print(load(["3", "x"]))
