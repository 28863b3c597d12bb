# MetaData and Table objects: sorted_tables, table.c, keys, primary_key,
# repr of types, columns and tables, a table defined twice.
from sqlalchemy import MetaData, Table, Column, Integer, String, ForeignKey, Numeric
from sqlalchemy.exc import InvalidRequestError

metadata = MetaData()
child = Table("child", metadata, Column("id", Integer, primary_key=True), Column("parent_id", ForeignKey("parent.id")))
parent = Table("parent", metadata, Column("id", Integer, primary_key=True), Column("name", String(20), nullable=False),
    Column("price", Numeric(10, 2)))
print([t.name for t in metadata.sorted_tables])
print(list(metadata.tables))
print(parent.c.keys(), len(parent.c), "name" in parent.c)
print(repr(parent.c.name.type), repr(parent.c.price.type), repr(Integer()), repr(String()))
print(parent.c.name.nullable, parent.c.id.primary_key, parent.c.id.nullable)
print(parent.name, str(parent))
print(child.c.parent_id.type)
try:
    Table("parent", metadata, Column("id", Integer, primary_key=True))
except InvalidRequestError as e:
    print(e)
