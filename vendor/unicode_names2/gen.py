"""Writes names.txt: `HEX NAME` per line for the Unicode blocks Retort's
`\\N{...}` escapes know (Latin, Greek, Cyrillic, punctuation, currency,
letterlike symbols, arrows, mathematical operators, box drawing,
shapes, miscellaneous symbols, dingbats), from CPython's
unicodedata. Run: python3 vendor/unicode_names2/gen.py"""

import os
import unicodedata

RANGES = [
    (0x0020, 0x017F),  # Basic Latin, Latin-1, Latin Extended-A
    (0x0370, 0x03FF),  # Greek and Coptic
    (0x0400, 0x045F),  # Cyrillic (basic)
    (0x2000, 0x22FF),  # punctuation, currency, letterlike, number forms, arrows, mathematical operators
    (0x2500, 0x27BF),  # box drawing, blocks, geometric shapes, miscellaneous symbols, dingbats
]
lines = []
for lo, hi in RANGES:
    for cp in range(lo, hi + 1):
        name = unicodedata.name(chr(cp), None)
        if name:
            lines.append(f"{cp:X} {name}")
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "src", "names.txt"), "w") as f:
    f.write("\n".join(lines) + "\n")
print(len(lines), "names")
