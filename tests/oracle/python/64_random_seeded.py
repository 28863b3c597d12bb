# random with a seed gives CPython's exact sequence.
import random

random.seed(2024)
print([random.randint(1, 6) for _ in range(10)])
print([round(random.random(), 6) for _ in range(3)])
deck = [f"{rank}{suit}" for suit in "SH" for rank in "A23"]
random.shuffle(deck)
print(deck, random.choice(deck), random.sample(deck, 3))
rng = random.Random(99)
print(rng.randrange(10), rng.randrange(5, 50, 5), [rng.choice("xyz") for _ in range(5)], round(rng.uniform(10, 20), 6))
random.seed(1)
first = [random.random() for _ in range(3)]
random.seed(1)
print(first == [random.random() for _ in range(3)], random.getrandbits(40), random.randint(10 ** 12, 10 ** 13))
