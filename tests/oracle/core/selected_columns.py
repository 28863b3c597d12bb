# Select.selected_columns: what a statement returns, keyed as SQLAlchemy keys
# it (a name met again takes an anonymous key, an unnamed expression is
# _no_label), a table or entity expanded; and its collection's repr.
from sqlalchemy import MetaData, Table, Column, Integer, String, select, func, literal_column, literal, text, cast, case
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, aliased
metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("a", Integer), Column("b", String(10), key="bee"))
u = Table("u", metadata, Column("id", Integer, primary_key=True), Column("a", Integer))
class Base(DeclarativeBase):
    pass
class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
for stmt in [
    select(t), select(t.c.a, t.c.bee), select(t.c.a, t.c.a, t.c.a), select(t.c.a, u.c.a, t.c.a),
    select(t, u), select(func.count(), func.max(t.c.a), func.count(t.c.id)),
    select(t.c.a + 1, t.c.a.label("x"), literal_column("y"), literal(5), cast(t.c.a, String)),
    select(User), select(User.id, User.name), select(User.name.label("n"), func.lower(User.name)),
    select(t.c.a).subquery().select(),
]:
    sc = stmt.selected_columns
    print(list(sc.keys()), len(sc))
sc = select(t.c.a, t.c.bee).selected_columns
print(sc.a is t.c.a, sc["bee"] is t.c.bee, sc[0] is t.c.a, "a" in sc, "zz" in sc, repr(sc).split(" at 0x")[0])
print(select(User.id).selected_columns.id)
print(select(t.c.a).where(t.c.a > select(u.c.a).scalar_subquery()).selected_columns.keys())
