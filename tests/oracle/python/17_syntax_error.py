# A syntax error runs nothing.
print("this line never runs")
def broken(:
    pass
