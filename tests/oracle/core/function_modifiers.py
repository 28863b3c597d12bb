from sqlalchemy import Column, Integer, MetaData, String, Table, column, create_engine, func, insert, select
from sqlalchemy.dialects import oracle, postgresql

metadata = MetaData()
user = Table("user_account", metadata, Column("id", Integer, primary_key=True), Column("name", String(30)))

# aggregate_order_by(): inline ORDER BY, WITHIN GROUP on Oracle
stmt = select(func.group_concat(user.c.name).aggregate_order_by(user.c.name.desc()))
print(stmt)
print(stmt.compile(dialect=postgresql.dialect()))
print(select(func.listagg(user.c.name, ",").aggregate_order_by(user.c.name)).compile(dialect=oracle.dialect()))
# within_group(): ordered-set aggregates
print(func.unnest(func.percentile_disc([0.25, 0.5, 0.75, 1]).within_group(user.c.name)))
print(select(func.percentile_cont(0.5).within_group(user.c.id.desc())))
print(select(func.rank(3).within_group(user.c.id).label("r")))

# table-valued functions
onetwothree = func.json_each('["one", "two", "three"]').table_valued("value")
stmt = select(onetwothree).where(onetwothree.c.value.in_(["two", "three"]))
print(stmt)
gs = func.generate_series(1, 5).table_valued("value", "start", "stop", "step")
print(select(gs))
print(select(gs.c.value, gs.c.stop).where(gs.c.value > 2))
print(select(func.json_each("{}").table_valued("k", "value", name="kv")))
print(select(func.json_to_record("{}").table_valued(column("a", Integer), column("b", String)).render_derived()))
print(select(func.json_to_record("{}").table_valued("a", "b").render_derived(name="x")).compile(dialect=postgresql.dialect()))

# column-valued functions
print(select(func.json_array_elements('["one", "two"]').column_valued("x")))
print(select(func.generate_series(1, 5, -1).column_valued()))
print(select(func.scalar_strings(5).column_valued("s")).compile(dialect=oracle.dialect()))
print(select(func.json_array_elements("[]").alias("e").column))

engine = create_engine("sqlite://", echo=True)
metadata.create_all(engine)
with engine.connect() as conn:
    conn.execute(insert(user), [{"name": "sandy"}, {"name": "spongebob"}, {"name": "patrick"}])
    print(conn.execute(stmt).all())
    print(conn.execute(select(onetwothree.c.value).where(onetwothree.c.value != "one")).all())
    # (aggregate_order_by() runs on SQLite 3.44 and later only: not run here)
    print(conn.execute(select(user.c.name).where(user.c.name.in_(select(func.json_each('["sandy"]').column_valued("v"))))).all())
