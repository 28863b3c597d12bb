# Recursion: factorial, Fibonacci, permutations, tree walks, Hanoi.
def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)


def permutations(items):
    if len(items) <= 1:
        return [items]
    out = []
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            out.append([x] + rest)
    return out


def hanoi(n, src="A", dst="C", via="B", moves=None):
    moves = [] if moves is None else moves
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append(src + dst)
        hanoi(n - 1, via, dst, src, moves)
    return moves


def depth(tree):
    if not isinstance(tree, list):
        return 0
    return 1 + max((depth(t) for t in tree), default=0)


def flatten(tree):
    if not isinstance(tree, list):
        return [tree]
    return [x for t in tree for x in flatten(t)]


print(factorial(20), permutations([1, 2, 3]), hanoi(3), len(hanoi(10)))
print(depth([1, [2, [3, [4]]], []]), flatten([1, [2, [3, [4]]], [5]]))


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


print(ackermann(2, 3))


def countdown(n):
    if n < 0:
        return
    print(n, end=" ")
    countdown(n - 1)


countdown(5)
print()


def runaway(n):
    return runaway(n + 1) + 1


try:
    runaway(0)
except RecursionError as e:
    print("RecursionError:", e)
