# Stacks and queues: balanced brackets, BFS on a grid.
from collections import deque


def balanced(text):
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for ch in text:
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return not stack


for s in ["(a[b]{c})", "(]", "((", "", "{[()()]}"]:
    print(repr(s), balanced(s))
maze = ["S.#", "..#", "#.E"]
start = (0, 0)
queue = deque([(start, 0)])
seen = {start}
while queue:
    (r, c), dist = queue.popleft()
    if maze[r][c] == "E":
        print("reached exit in", dist, "steps")
        break
    for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < 3 and 0 <= nc < 3 and maze[nr][nc] != "#" and (nr, nc) not in seen:
            seen.add((nr, nc))
            queue.append(((nr, nc), dist + 1))
print(sorted(seen))
