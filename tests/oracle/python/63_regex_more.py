# Regular expressions for validation and extraction.
import re

phone = re.compile(r"^\(?(\d{3})\)?[-. ]?(\d{3})[-. ]?(\d{4})$")
for number in ["555-123-4567", "(555) 123 4567", "5551234567", "55-1234"]:
    m = phone.match(number)
    print(number, "->", "-".join(m.groups()) if m else None)
log = "2024-01-05 ERROR db timeout; 2024-01-06 INFO ok; 2024-01-07 ERROR disk full"
print(re.findall(r"(\d{4}-\d{2}-\d{2}) ERROR ([^;]+)", log))
print(re.sub(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})", r"\g<d>/\g<m>/\g<y>", log))
print(re.split(r"\s*;\s*", log), re.sub(r"[aeiou]", "", "regular expressions", count=3))
slug = re.sub(r"[^a-z0-9]+", "-", "Hello, World! It's 2024".lower()).strip("-")
print(slug, bool(re.fullmatch(r"[a-z0-9-]+", slug)), re.search(r"\bWorld\b", "Hello World").span())
m = re.search(r"(?P<user>\w+)@(?P<domain>[\w.]+)", "contact: ada@math.org")
print(m.group("user"), m["domain"], m.groupdict(), m.start("domain"), m.group(0, 1))
print(re.findall(r"\d+", "no digits"), re.search("z", "abc"), [m.start() for m in re.finditer("a", "banana")])
print(re.compile(r"\s+").split(" a  b "), re.match(r"(\w+) (\w+)?", "one ").groups(), re.match(r"(a)(b)?", "a").groups("-"))
