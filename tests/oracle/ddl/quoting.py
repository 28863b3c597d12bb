# Identifiers SQLAlchemy quotes on SQLite: reserved words, upper or mixed
# case, spaces and other characters, a leading digit or dollar sign.
from sqlalchemy import MetaData, Table, Column, Integer, String, ForeignKey, Index, create_engine

engine = create_engine("sqlite://")
metadata = MetaData()
Table(
    "order", metadata,
    Column("id", Integer, primary_key=True),
    Column("select", String(10)),
    Column("UserName", String(10), unique=True),
    Column("first name", String(10)),
    Column("1st", Integer),
    Column("$cost", Integer),
    Column("user", String(10)),
    Column("group", String(10), index=True),
)
Table(
    "Line Item", metadata,
    Column("id", Integer, primary_key=True),
    Column("order_id", ForeignKey("order.id")),
    Index("IX_Line", "order_id"),
)
metadata.create_all(engine)
metadata.drop_all(engine)
