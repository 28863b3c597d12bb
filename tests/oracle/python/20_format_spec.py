# format() and the format-spec mini-language.
for value, spec in [(3.14159, ".2f"), (3.14159, "8.3f"), (42, "05d"), (42, "+d"), (-42, " d"), (1e6, ".2e"), (1234.5, ",.2f"), (0.000123, ".2g"), (123456789, ".3g"), (5, "x"), (255, "#010x"), ("text", "^10"), ("text", ".2"), (7, "<5"), (1.0, "g"), (100.0, ".0f"), (0.5, ".0f"), (1.5, ".0f"), (2.5, ".0f"), (1e-10, "g"), (1e20, "g"), (123.0, ""), (0.1, ".17f"), (65, "c")]:
    print(repr(spec), format(value, spec))
print(format(1234567.891, "_.1f"), format(-0.0, ".1f"), format(float("nan"), "f"), format(float("inf"), ">6"), format(10**20, ","))
