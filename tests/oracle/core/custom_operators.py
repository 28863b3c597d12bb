# Custom operators: op() and bool_op() with precedence, return_type and
# is_comparison, printed and run.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, select, and_, not_, insert

metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("name", String(20)))
e = t.c.id.op("%")(3)
print(e, repr(e.type))
e = t.c.name.bool_op("LIKE")("a%")
print(e, repr(e.type), and_(e, t.c.id == 1), not_(e))
print(t.c.id.op("+", return_type=String)(4).type, (t.c.id + 5).op("*")(2), t.c.id.op("*", precedence=10)(t.c.id + 5))
print(t.c.name.op("||")("x").op("||")("y"))
stmt = select(t.c.id, t.c.id.op("%")(2).label("odd")).where(t.c.name.op("LIKE")("a%")).order_by(t.c.id)
print(stmt)
engine = create_engine("sqlite://", echo=True)
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t), [{"name": "apple"}, {"name": "avocado"}, {"name": "banana"}, {"name": "apricot"}])
    print(conn.execute(stmt).all())
    print(conn.execute(select(t.c.name).where(t.c.id.op("&")(1) == 1)).scalars().all())
