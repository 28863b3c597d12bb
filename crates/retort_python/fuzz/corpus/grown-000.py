# Building strings: join, accumulate, format tables.
rows = [("Name", "Qty", "Price"), ("Pen", 2, 1.5), ("Notebook", 10, 3.25), ("Ink", 1, 12.0)]
widths = [max(len(str(r[i])) for r in rows) for i in range(3)]
for r in rows:
    print(" | ".join(str(cell).ljust(w) for cell, w in zip(r, widths)))
print("-assert +-".join("-" * w for w in widths))
total = sum(q * p for _, q, p in rows[1:])
print(f"{'Total':<{widths[0]}} | {total:>{widths[1] + widths[2] + 3}.2f}")
parts = []
for i in range(5):
    parts.append(str(i * i))
print(",".join(parts), "".join(reversed(parts)))
text = ""
for word in ["build", "a", "sentence"]:
    text += word + " "
print(repr(text.rstrip()), text.count(" "), text.upper().split())
lines = ["line %d" % i for i in range(3)]
print("\n".join(lines))
print("{:^20}".format(" centered "), "{:=^20}".format(""), "[" + "#" * 7 + " " * 3 + "]")
