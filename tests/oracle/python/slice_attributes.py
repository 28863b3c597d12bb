# A slice object's start, stop and step.
s = slice(1, 5, 2)
print(s.start, s.stop, s.step, slice(3).start, slice(3).stop)
print([0,1,2,3,4,5][s])
