# Core's executemany of INSERT ... RETURNING: one insertmanyvalues batch, or
# a row at a time when the rows must come back in the parameters' order
from sqlalchemy import *
e = create_engine("sqlite://", echo=True)
m = MetaData()
t = Table("t", m, Column("id", Integer, primary_key=True), Column("v", String(10)))
m.create_all(e)
with e.begin() as c:
    print(c.execute(insert(t).returning(t.c.id), [{"v": "a"}, {"v": "b"}]).all())
    print(c.execute(insert(t).returning(t.c.id, sort_by_parameter_order=True), [{"v": "c"}, {"v": "d"}]).all())
