# collections: word counting, grouping, queues.
from collections import ChainMap, Counter, OrderedDict, defaultdict, deque

text = "the cat and the hat and the bat"
words = Counter(text.split())
print(words.most_common(2), words["the"], words["dog"], sorted(words.elements())[:4])
letters = Counter(c for c in text if c.isalpha())
print(letters.most_common(3))
graph = defaultdict(set)
for a, b in [("a", "b"), ("a", "c"), ("b", "c")]:
    graph[a].add(b)
    graph[b].add(a)
print({k: sorted(v) for k, v in sorted(graph.items())})
tree = lambda: defaultdict(tree)
root = tree()
root["a"]["b"]["c"] = 1
print(root["a"]["b"]["c"], "x" in root)
history = deque(maxlen=3)
for page in ["home", "about", "blog", "contact"]:
    history.append(page)
print(history, list(history), history[0])
queue = deque()
queue.append("first")
queue.append("second")
queue.appendleft("urgent")
print(queue.popleft(), queue.popleft(), len(queue))
defaults = {"theme": "light", "lang": "en"}
user = {"theme": "dark"}
settings = ChainMap(user, defaults)
print(settings["theme"], settings["lang"], settings.get("missing", "-"), sorted(settings.keys()))
od = OrderedDict(b=1, a=2)
od.move_to_end("b")
print(list(od.items()), od)
c1, c2 = Counter(a=3, b=1), Counter(a=1, b=2)
print(c1 + c2, c1 - c2)
