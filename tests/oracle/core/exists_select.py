# exists() of a select() is EXISTS of that very select; Python floats bind as Double.
from sqlalchemy import MetaData, Table, Column, Integer, String, select, exists, literal_column, create_engine
m = MetaData()
t = Table("customer", m, Column("id", Integer, primary_key=True), Column("name", String))
e = create_engine("sqlite://")
m.create_all(e)
s = select(exists(select(literal_column("1")).where(t.c.name == "bob")))
print(s)
print(select(exists().where(t.c.name == "bob")))
with e.connect() as c:
    print(c.execute(s).scalar())
