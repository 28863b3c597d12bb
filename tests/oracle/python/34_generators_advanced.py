# Generator pipelines, send-driven coroutines and generator state.
def running_average():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


avg = running_average()
next(avg)
print(avg.send(10), avg.send(20), avg.send(60))


def read_records(lines):
    for line in lines:
        if line.strip() and not line.startswith("#"):
            yield line.strip().split(",")


def to_dicts(rows, header):
    for row in rows:
        yield dict(zip(header, row))


lines = ["# comment", "ada,36", "", "bob,25"]
print(list(to_dicts(read_records(lines), ["name", "age"])))


def chunked(seq, n):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


print(list(chunked(list(range(7)), 3)), list(chunked("abcdefg", 2)))


def tree(depth):
    if depth == 0:
        yield "leaf"
        return
    yield f"node{depth}"
    yield from tree(depth - 1)
    yield from tree(depth - 1)


print(list(tree(2)))


def gen_with_return():
    yield 1
    return 99


g = gen_with_return()
print(next(g))
try:
    next(g)
except StopIteration as stop:
    print("value", stop.value)


def delegator():
    result = yield from gen_with_return()
    yield result * 2


print(list(delegator()))
gen = (i for i in range(3))
print(list(gen), list(gen), sum(x * x for x in range(4)), max((x for x in "hello"), key=ord))
