# Slicing lists, strings, tuples, ranges.
seq = list(range(10))
print(seq[2:8:2], seq[::-1], seq[-3:], seq[:-7], seq[8:2:-2], seq[100:], seq[-100:3], seq[::4], seq[1::3], seq[5:5])
s = "abcdefghij"
print(s[2:8:2], s[::-1], s[-3:], s[:-7], s[8:2:-2], s[::3], s[-1:-5:-1])
t = tuple(seq)
print(t[2:5], t[::-2], t[-1], range(10)[2:8:3], list(range(10)[::-3]), range(20)[5])
seq[2:4] = []
print(seq)
seq[:0] = ["start"]
print(seq)
seq[-1:] = ["end", "really"]
print(seq)
del seq[1:3]
print(seq)
try:
    seq[::2] = [1]
except ValueError as e:
    print(e)
try:
    print(seq[1.5])
except TypeError as e:
    print(e)
