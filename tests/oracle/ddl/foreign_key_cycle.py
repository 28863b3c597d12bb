"""Tables whose foreign keys form a cycle: create_all leaves those keys out
of its sort, and drop_all drops in definition order (SQLAlchemy warns on
stderr for drop_all and sorted_tables, not create_all);
metadata.sorted_tables sorts by name first."""
from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table, create_engine, inspect

metadata = MetaData()
Table("zebra", metadata, Column("id", Integer, primary_key=True), Column("yak_id", ForeignKey("yak.id")))
Table("yak", metadata, Column("id", Integer, primary_key=True), Column("xerus_id", ForeignKey("xerus.id")))
Table("xerus", metadata, Column("id", Integer, primary_key=True), Column("yak_id", ForeignKey("yak.id")))
Table("bird", metadata, Column("id", Integer, primary_key=True), Column("name", String(10)))
Table("ant", metadata, Column("id", Integer, primary_key=True), Column("bird_id", ForeignKey("bird.id")))

engine = create_engine("sqlite://")
metadata.create_all(engine)
print([t.name for t in metadata.sorted_tables])
print(inspect(engine).get_table_names())
metadata.drop_all(engine)
print(inspect(engine).get_table_names())
