# table.c["a", "b"] and slices as column collections (select() takes
# one); print() of a subquery or a CTE shows the statement it wraps
from sqlalchemy import *
m = MetaData(); t = Table('u', m, Column('id', Integer, primary_key=True), Column('name', String), Column('fullname', String))
print(select(t.c['name', 'fullname'])); print(list(t.c['name', 'fullname'].keys()), t.c[1:].keys(), t.c[0].name)
sq = select(t.c.id, func.count(t.c.id).label('count')).group_by(t.c.id).subquery()
print(sq)
print(select(t).cte())
print(sq.c.keys())
