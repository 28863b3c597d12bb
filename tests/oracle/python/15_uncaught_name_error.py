# An uncaught NameError: the trace records its class and line.
total = 0
for i in range(3):
    total += i
print("total", total)
print(undefined_variable)
print("never printed")
