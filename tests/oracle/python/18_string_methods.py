# More str methods.
s = "  The Quick  Brown Fox  "
print(repr(s.strip()), s.split(), s.lower().count("o"), s.strip().split(" "), "_".join(s.split()))
print("abc".upper().lower().title(), "hello world".title(), "x".join("abc"), "a-b-c".replace("-", ""))
print("Mississippi".count("ss"), "Mississippi".find("ss", 3), "Mississippi".rfind("ss"), "Mississippi".index("pp"))
print("%-8s|%8s|" % ("left", "right"), "{:<8}|{:>8}|".format("l", "r"), "tab\tsep".split("\t"))
print("CSV,line,,end".split(","), "a b".split(" "), " a  b ".split(" "), "one\ntwo\n".splitlines(), "x".center(4, "-"))
print("python"[::-1], "python"[-3:], "python"[1:-1], "python"[10:20], "python"[-100:2], "ab" < "b", "B" < "a")
print("hello"[1], list(enumerate("hi")), "".isdigit(), "٣".isdigit(), "½".isnumeric())
print("Hello World".swapcase(), "hello".startswith(("x", "he")), "file.tar.gz".rsplit(".", 1), "k=v".split("=", 1))
print(" ".join(w.capitalize() for w in "make me a title".split()), len("naïve"), "naïve".upper(), "ß".upper())
