# f-strings: conversions, specs, nesting, expressions.
name, score, ratio = "Ada", 93.456, 0.4567
items = ["a", "b"]
print(f"{name} scored {score:.1f} ({ratio:.0%})", f"{name!r:>8}", f"{name:*^11}", f"{len(items)} items: {', '.join(items)}")
width, prec = 10, 3
print(f"{score:{width}.{prec}f}|", f"{'nested ' + name.upper()}", f"{score:e}", f"{1234567:,}", f"{0.5:%}", f"{42:b} {42:o} {42:x} {42:X} {42:#b}")
print(f"{{braces}} {name}", f"{3 + 4 = }", f"{name = !s}", f"{ratio!r}", f"{[1, 2]!s:>10}", f"{None}", f"{True:>6}")
d = {"k": "v"}
print(f"{d['k']}", f"{d}", f"{(lambda x: x * 2)(4)}", f"{'a' if score > 90 else 'b'}", f"{-12:+05d}", f"{12:=+6}")
