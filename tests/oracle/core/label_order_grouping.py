# A label inside an expression is grouped as its expression ((a || b) = ?); in
# ORDER BY a bare label orders by its name only when it is the very label
# selected, while desc()/asc() of one orders by the name whenever it is selected.
from sqlalchemy import MetaData, Table, Column, select, String, Integer
m = MetaData()
t = Table('t', m, Column('a', String), Column('b', String))
e = t.c.a + ' ' + t.c.b
l = e.label('s')
print(select(l).order_by(l.desc()))
print(select(l).order_by(e.label('s').desc()))
print(select(t).where(e.label('s') == 'x'))
i = Table('i', m, Column('n', Integer))
print(select(i).where((i.c.n + 1).label('s') > 3))
