# Copies: aliasing, shallow and deep copies.
import copy

original = {"name": "ada", "langs": ["python"], "meta": {"level": 1}}
alias = original
shallow = copy.copy(original)
deep = copy.deepcopy(original)
original["langs"].append("rust")
original["meta"]["level"] = 2
original["name"] = "ADA"
print(alias["name"], shallow["name"], deep["name"])
print(shallow["langs"], deep["langs"], shallow["meta"], deep["meta"])
nums = [[1, 2], [3]]
copied = nums[:]
copied[0].append(99)
copied.append([4])
print(nums, copied, list(nums) == nums, nums.copy() is nums)


class Node:
    def __init__(self, value):
        self.value = value
        self.children = []


root = Node(1)
root.children.append(Node(2))
root.children.append(root)
clone = copy.deepcopy(root)
print(clone.value, clone.children[0].value, clone.children[1] is clone, clone is not root)
shallow_node = copy.copy(root)
print(shallow_node.children is root.children, shallow_node.value)
