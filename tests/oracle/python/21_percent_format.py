# printf-style % formatting.
print("%d items at %.2f each = %8.3f total" % (3, 1.5, 4.5))
print("%s|%r|%a" % ("x", "x", "é"), "%5.1f%%" % 99.44, "%-6d|" % 42, "%06.2f" % 3.14159, "%+.3e" % 12345.6789)
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8), "%c%c" % (72, "i"), "%s" % [1, 2], "%s and %s" % ("a", ("b",)))
print("%(name)s is %(age)d" % {"name": "Bob", "age": 30}, "%.3s" % "abcdef", "%5s|%-5s|" % ("ab", "cd"), "%i" % 3.99)
for args in [(1,), (1, 2), ("x",)]:
    try:
        print("%d %d" % args if len(args) == 1 else "%d" % args)
    except TypeError as e:
        print("TypeError:", e)
