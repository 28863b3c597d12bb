# An inventory example with dicts, classes and reports.
from collections import defaultdict


class Item:
    def __init__(self, sku, name, price, qty, category):
        self.sku, self.name, self.price, self.qty, self.category = sku, name, price, qty, category

    @property
    def value(self):
        return self.price * self.qty

    def __repr__(self):
        return f"<Item {self.sku} {self.name}>"


stock = [
    Item("A1", "Widget", 2.50, 100, "parts"),
    Item("B2", "Gadget", 12.00, 5, "devices"),
    Item("C3", "Doohickey", 0.75, 0, "parts"),
    Item("D4", "Gizmo", 30.00, 2, "devices"),
]
by_category = defaultdict(list)
for item in stock:
    by_category[item.category].append(item)
for category, items in sorted(by_category.items()):
    total = sum(i.value for i in items)
    print(f"{category:<8} {len(items)} items  value {total:>8.2f}")
print("out of stock:", [i.name for i in stock if not i.qty])
print("low stock:", sorted((i.qty, i.sku) for i in stock if 0 < i.qty < 10))
print("most valuable:", max(stock, key=lambda i: i.value))
index = {i.sku: i for i in stock}
index["B2"].qty -= 2
print(index["B2"].qty, index.get("Z9"), len(index))
report = "\n".join(f"{i.sku}|{i.name:<10}|{i.qty:>4}|{i.price:>6.2f}" for i in stock)
print(report)
