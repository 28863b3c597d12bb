# Text statistics with str methods and dicts.
text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness."""
words = [w.strip(".,").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(len(words), len(freq), top)
print(max(words, key=len), sum(len(w) for w in words) / len(words), text.count("\n") + 1)
print([line.split(",")[0] for line in text.splitlines()], text.title()[:20], text.upper().count("IT"))
vowels = sum(1 for c in text.lower() if c in "aeiou")
print(vowels, round(vowels / len(text), 3), sorted(set(text.lower()) - set("abcdefghijklmnopqrstuvwxyz")))
acronym = "".join(w[0].upper() for w in "portable network graphics".split())
print(acronym, "racecar" == "racecar"[::-1], " ".join(reversed("one two three".split())))
