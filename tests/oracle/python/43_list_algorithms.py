# Classic list algorithms written by hand.
def bubble_sort(items):
    items = list(items)
    for i in range(len(items)):
        for j in range(len(items) - 1 - i):
            if items[j] > items[j + 1]:
                items[j], items[j + 1] = items[j + 1], items[j]
    return items


def binary_search(items, target):
    lo, hi = 0, len(items) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


def merge_sort(items):
    if len(items) <= 1:
        return items
    mid = len(items) // 2
    left, right = merge_sort(items[:mid]), merge_sort(items[mid:])
    out = []
    while left and right:
        out.append(left.pop(0) if left[0] <= right[0] else right.pop(0))
    return out + left + right


data = [38, 27, 43, 3, 9, 82, 10]
print(bubble_sort(data), merge_sort(data), data)
ordered = sorted(data)
print(binary_search(ordered, 43), binary_search(ordered, 5))
print(list(zip(data, data[1:])), [b - a for a, b in zip(ordered, ordered[1:])])
print(data.index(max(data)), sum(data) / len(data), sorted(data)[len(data) // 2])
rotated = data[2:] + data[:2]
print(rotated, data[::-1] == list(reversed(data)))
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*matrix)], [sum(r) for r in matrix], [sum(c) for c in zip(*matrix)])
