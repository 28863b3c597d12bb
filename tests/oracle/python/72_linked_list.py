# A linked list with iteration, len, repr and reversal.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self, values=()):
        self.head = None
        self._size = 0
        for v in reversed(list(values)):
            self.push(v)

    def push(self, value):
        self.head = Node(value, self.head)
        self._size += 1

    def __iter__(self):
        node = self.head
        while node:
            yield node.value
            node = node.next

    def __len__(self):
        return self._size

    def __repr__(self):
        return " -> ".join(map(repr, self)) or "empty"

    def reverse(self):
        prev, node = None, self.head
        while node:
            node.next, prev, node = prev, node, node.next
        self.head = prev

    def find(self, value):
        for i, v in enumerate(self):
            if v == value:
                return i
        return -1


ll = LinkedList([1, 2, 3])
ll.push(0)
print(ll, len(ll), list(ll), ll.find(2), ll.find(9), 3 in ll)
ll.reverse()
print(ll, sum(ll), max(ll), LinkedList(), bool(LinkedList()))
