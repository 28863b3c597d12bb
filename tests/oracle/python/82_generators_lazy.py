# Laziness: generators compute on demand, with side effects in order.
def numbers():
    for i in range(5):
        print("produce", i)
        yield i


def squares(it):
    for x in it:
        print("square", x)
        yield x * x


pipeline = squares(numbers())
print("pipeline built")
print(next(pipeline))
print(next(pipeline))
for value in pipeline:
    if value > 5:
        print("stop at", value)
        break
first_big = next((x for x in range(100) if x * x > 50), None)
print(first_big, any(print("checking", x) or x > 1 for x in range(5)))
gen = (i for i in range(3))
print(list(zip(gen, gen)))
