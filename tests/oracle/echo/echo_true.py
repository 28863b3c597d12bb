# echo=True: the engine logs each transaction boundary, statement and its
# parameters as SQLAlchemy does (Retort writes them to stderr, never stdout).
from sqlalchemy import *
e = create_engine("sqlite://", echo=True)
m = MetaData()
t = Table("t", m, Column("id", Integer, primary_key=True), Column("v", String(10)))
m.create_all(e)
with e.connect() as c:
    c.execute(insert(t), [{"v": "a"}, {"v": "b"}])
    c.execute(insert(t).values(v="c"))
    c.execute(insert(t).values(v="d"))
    print(c.execute(select(t).where(t.c.id > 1)).all())
    print(c.execute(select(t).where(t.c.id > 2)).all())
    c.execute(text("SELECT 1"))
    c.exec_driver_sql("SELECT 2")
    c.commit()
    with c.begin_nested():
        c.execute(text("SELECT 3"))
