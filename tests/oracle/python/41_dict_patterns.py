# Everyday dict patterns: grouping, counting, merging, nested access.
orders = [("ada", "pen", 2), ("bob", "ink", 1), ("ada", "ink", 3), ("cy", "pen", 1), ("bob", "pen", 5)]
by_customer = {}
for customer, item, qty in orders:
    by_customer.setdefault(customer, []).append((item, qty))
print(by_customer)
totals = {}
for _, item, qty in orders:
    totals[item] = totals.get(item, 0) + qty
print(totals, max(totals, key=totals.get), sorted(totals.items(), key=lambda kv: kv[1], reverse=True))
defaults = {"color": "red", "size": "M", "tags": []}
custom = {"size": "L", "extra": True}
merged = {**defaults, **custom}
print(merged, defaults | custom, {k: merged[k] for k in sorted(merged)})
defaults |= {"color": "blue"}
print(defaults)
config = {"db": {"host": "localhost", "port": 5432}, "debug": False}
print(config["db"]["port"], config.get("cache", {}).get("ttl", 60), "db" in config, list(config))
inverted = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inverted, dict(sorted({"z": 1, "a": 2}.items())), dict(zip(["x", "y"], [1, 2])))
keys = list(merged.keys())
vals = list(merged.values())
print(keys, vals, len(merged), merged.pop("extra"), "extra" in merged)
for key in list(merged):
    if key.startswith("t"):
        del merged[key]
print(merged, {} == dict(), {"a": 1}.items() == {("a", 1)} if False else "skip")
counts = dict.fromkeys("abc", 0)
for ch in "abacab":
    counts[ch] += 1
print(counts, sum(counts.values()), [k for k, v in counts.items() if v > 1])
