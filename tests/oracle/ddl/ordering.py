# create_all orders tables by foreign-key dependency (layer by layer, in the
# order they were defined); drop_all reverses it. Self-references do not count.
from sqlalchemy import MetaData, Table, Column, Integer, ForeignKey, create_engine

engine = create_engine("sqlite://")
metadata = MetaData()
Table("c", metadata, Column("id", Integer, primary_key=True), Column("b_id", ForeignKey("b.id")), Column("a_id", ForeignKey("a.id")))
Table("b", metadata, Column("id", Integer, primary_key=True), Column("a_id", ForeignKey("a.id")))
Table("z", metadata, Column("id", Integer, primary_key=True), Column("up_id", ForeignKey("z.id")))
Table("a", metadata, Column("id", Integer, primary_key=True))
Table("d", metadata, Column("id", Integer, primary_key=True), Column("c_id", ForeignKey("c.id")))
metadata.create_all(engine)
metadata.create_all(engine)
metadata.drop_all(engine)
