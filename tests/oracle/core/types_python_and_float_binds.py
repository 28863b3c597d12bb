# Types' python_type; a column's foreign_keys (a set); Row._t, _tuple(), t
# and tuple() (deprecated in 2.1: each gives the row itself); ints and bools
# bound to Float, Double, Numeric and REAL columns are sent as floats.
import enum
import uuid
from sqlalchemy import (MetaData, Table, Column, Integer, BigInteger, String, Text, Boolean, Float, Double, Numeric,
    Date, DateTime, Time, Interval, LargeBinary, JSON, Uuid, Enum, REAL, VARCHAR, DECIMAL, ForeignKey,
    create_engine, insert, select, event)


class Mood(enum.Enum):
    happy = 1
    sad = 2


for t in [Integer(), BigInteger(), String(10), Text(), Boolean(), Float(), Float(asdecimal=True), Double(),
          Numeric(10, 2), Numeric(asdecimal=False), Date(), DateTime(), Time(), Interval(), LargeBinary(),
          JSON(), Uuid(), Uuid(as_uuid=False), Enum(Mood), Enum("a", "b"), REAL(), VARCHAR(5), DECIMAL(8, 3)]:
    print(repr(t), t.python_type)

engine = create_engine("sqlite://")
md = MetaData()
parent = Table("parent", md, Column("id", Integer, primary_key=True))
measure = Table(
    "measure", md,
    Column("id", Integer, primary_key=True),
    Column("parent_id", ForeignKey("parent.id")),
    Column("f", Float), Column("d", Double), Column("n", Numeric(10, 2)), Column("r", REAL), Column("flag", Boolean),
)
print(measure.c.parent_id.foreign_keys, measure.c.f.foreign_keys, type(measure.c.parent_id.foreign_keys).__name__)
print([fk.target_fullname for fk in measure.c.parent_id.foreign_keys])
md.create_all(engine)


@event.listens_for(engine, "before_cursor_execute")
def show(conn, cursor, statement, parameters, context, executemany):
    if statement.startswith("INSERT"):
        print("sent:", parameters)


with engine.begin() as conn:
    conn.execute(insert(parent), {"id": 1})
    conn.execute(insert(measure), {"parent_id": 1, "f": 3, "d": 4, "n": 5, "r": 6, "flag": True})
    conn.execute(insert(measure), [{"parent_id": 1, "f": True, "d": 2.5, "n": 7, "r": None, "flag": False},
                                   {"parent_id": None, "f": 0, "d": -1, "n": 0, "r": 1, "flag": None}])
    for row in conn.execute(select(measure.c.f, measure.c.d, measure.c.n, measure.c.r, measure.c.flag).order_by(measure.c.id)):
        print(row)
    row = conn.execute(select(measure.c.id, measure.c.n).order_by(measure.c.id)).first()
    print(row._t, row._tuple(), row.t, row.tuple(), row._t is row, type(row._tuple()).__name__)
    a, b = row._t
    print(a, b)
