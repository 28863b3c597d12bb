# KeyError escaping a dict lookup in a comprehension.
prices = {"pen": 1.5, "ink": 3.0}
cart = ["pen", "ink", "paper"]
print(sum(prices[i] for i in cart[:2]))
print([prices[i] for i in cart])
