"""sqlalchemy.schema DDL constructs: str(CreateTable(t)) in the default dialect, .compile(engine) in SQLite's, executed; server_default functions (now(), current_timestamp(), lower("ABC"), datetime("now", "localtime")), true(), text(), literal_column(); the date and time functions in a SELECT on SQLite."""
import enum
from sqlalchemy import *
from sqlalchemy.schema import CreateTable
m = MetaData()
t = Table("t", m, Column("id", Integer, primary_key=True),
  Column("a", DateTime, server_default=func.now()),
  Column("b", DateTime, server_default=func.current_timestamp()),
  Column("c", Date, server_default=func.current_date()),
  Column("d", String, server_default=func.lower("ABC")),
  Column("e", Integer, server_default=text("0")),
  Column("f", String, server_default="x"),
  Column("g", DateTime, server_default=func.datetime("now", "localtime")),
  Column("h", Integer, server_default=literal_column("1")),
)
print(CreateTable(t))
engine2 = create_engine("sqlite://")
m.create_all(engine2)
with engine2.begin() as c:
    c.execute(insert(t).values(id=1))
    r = c.execute(select(t.c.d, t.c.e, t.c.f, t.c.h)).one()
    print(r)
from sqlalchemy.schema import CreateTable, DropTable, CreateIndex
class C(enum.Enum):
    a = 1
m2 = MetaData()
t2 = Table("t2", m2, Column("id", Integer, primary_key=True), Column("u", Uuid), Column("b", Boolean, server_default=true()), Column("e", Enum(C)), Column("j", JSON),
          Column("n", Numeric(10, 2), nullable=False, server_default="0"), Column("i", Interval), Column("d", DateTime, server_default=func.now()), Column("s", String(5), unique=True), Index("ix_t2_s", "s", unique=True),
          CheckConstraint("n >= 0", name="ck_n"))
print(CreateTable(t2))
e = create_engine("sqlite://")
print(CreateTable(t2).compile(e))
print(DropTable(t2))
print(CreateIndex(list(t2.indexes)[0]))
with e.begin() as c:
    c.execute(CreateTable(t2))
    print(inspect(c).get_table_names())
e3 = create_engine("sqlite://")
with e3.connect() as c:
    for f in [func.now(), func.current_timestamp(), func.current_date(), func.current_time(), func.localtimestamp(), func.lower("AB"), func.random() >= 0, func.coalesce(None, 1), func.char_length("abc")]:
        try:
            stmt = select(f)
            r = c.execute(stmt).scalar()
            print(stmt.compile(e3), type(r).__name__)
        except Exception as ex:
            print(type(ex).__name__, ex)
