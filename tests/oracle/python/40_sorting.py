# Sorting with keys, stability, reverse and multiple criteria.
people = [
    {"name": "ada", "age": 36, "city": "London"},
    {"name": "bob", "age": 25, "city": "Paris"},
    {"name": "cy", "age": 36, "city": "Berlin"},
    {"name": "dee", "age": 25, "city": "London"},
]
print([p["name"] for p in sorted(people, key=lambda p: p["age"])])
print([p["name"] for p in sorted(people, key=lambda p: (p["city"], -p["age"]))])
print([p["name"] for p in sorted(people, key=lambda p: p["age"], reverse=True)])
from operator import itemgetter, attrgetter
print([p["name"] for p in sorted(people, key=itemgetter("city", "name"))])
nums = [5, -3, 2, -8, 0]
print(sorted(nums), sorted(nums, key=abs), sorted(nums, key=lambda n: (n < 0, n)), sorted(map(str, nums)))
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), max(words), min(words, key=len))


class Card:
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit

    def __repr__(self):
        return f"{self.rank}{self.suit}"


cards = [Card(10, "h"), Card(2, "s"), Card(10, "c"), Card(5, "h")]
print(sorted(cards, key=attrgetter("rank")), sorted(cards, key=attrgetter("suit", "rank")))
cards.sort(key=lambda c: c.rank, reverse=True)
print(cards)
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
