# namedtuple records.
from collections import namedtuple

Employee = namedtuple("Employee", "name dept salary")
staff = [Employee("ada", "eng", 120), Employee("bob", "ops", 90), Employee("cy", "eng", 100)]
print(staff[0], staff[0].salary, staff[0][1], Employee._fields)
by_dept = {}
for e in staff:
    by_dept.setdefault(e.dept, []).append(e.name)
print(by_dept, max(staff, key=lambda e: e.salary).name, sum(e.salary for e in staff))
raise_ = staff[1]._replace(salary=95)
print(raise_, staff[1], raise_._asdict())
name, dept, salary = staff[2]
print(name, dept, salary, tuple(staff[2]), staff[2] == ("cy", "eng", 100), len(staff[2]))
Point = namedtuple("Point", ["x", "y"], defaults=[0])
print(Point(1), Point(1, 2), Point._make([5, 6]), Point(x=3, y=4).x)
try:
    staff[0].salary = 1
except AttributeError as e:
    print("AttributeError", e)
