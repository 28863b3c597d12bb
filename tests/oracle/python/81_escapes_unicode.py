# String escapes, raw strings and unicode.
print("tab:\tend", "newline:\\n", r"raw \n stays", "quote: \"q\" 'q'", "\x41\u00e9\u2603", "\N{GREEK SMALL LETTER ALPHA}" if False else "skip")
print(repr("\t\n\r\x0b\x0c\\"), repr(r"\d+"), len("\u2603"), "é".encode("utf-8"), b"\xc3\xa9".decode("utf-8"), ord("€"), chr(8364))
print("Straße".upper(), "ΣΊΣΥΦΟΣ".lower(), "ǅ".isupper(), "日本語".isalpha(), "٣".isdecimal(), " ".isspace(), "\u00a0".isspace())
print("a\u0301", len("a\u0301"), "café" == "cafe\u0301", sorted("éaz"), max("äbc"), "emoji 😀", len("😀"), repr("😀"))
print(repr("\x7f\x80\x9f\xa0\xad"), ascii("naïve ☃"), "{:>5}|".format("é"), "%5s|" % "日本")
