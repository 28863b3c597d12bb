# is_() / is_not() of a boolean render IS 0 / IS NOT 0 on SQLite (== False stays = 0).
from sqlalchemy import MetaData, Table, Column, Integer, Boolean, select, true, false
m = MetaData()
t = Table("t", m, Column("id", Integer, primary_key=True), Column("b", Boolean))
from sqlalchemy import create_engine
e = create_engine("sqlite://")
print(select(t.c.id).where(t.c.b.is_(False)).compile(e))
print(select(t.c.id).where(t.c.b.is_(True)).compile(e))
print(select(t.c.id).where(t.c.b.is_not(False)).compile(e))
print(select(t.c.id).where(t.c.b == False).compile(e))
print(select(t.c.id).where(t.c.b.is_(None)).compile(e))
print(select(t.c.id).where(t.c.b == true()).compile(e))
