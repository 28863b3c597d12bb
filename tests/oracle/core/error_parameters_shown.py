# How an error shows its parameters: every row of an executemany (at most
# 10: the first 8 and the last 2), each value's repr cut to 300 characters,
# a bind processor's error cut as one value.
from sqlalchemy import MetaData, Table, Column, Integer, String, Date, Text, create_engine, insert, text, exc

engine = create_engine("sqlite://")
metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("name", String(20), nullable=False))
notes = Table("notes", metadata, Column("id", Integer, primary_key=True), Column("body", Text), Column("day", Date))
metadata.create_all(engine)

with engine.connect() as conn:
    conn.execute(insert(t), [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}])
    # a duplicate key in a batch of three: all three rows shown
    try:
        conn.execute(insert(t), [{"id": 3, "name": "c"}, {"id": 1, "name": "dup"}, {"id": 4, "name": "d"}])
    except exc.IntegrityError as e:
        print(e)
        print(e.params)
    # twelve rows: the first eight and the last two
    try:
        conn.execute(insert(t), [{"id": 10 + i, "name": "n%d" % i} for i in range(11)] + [{"id": 1, "name": "last"}])
    except exc.IntegrityError as e:
        print(e)
    # a long value: its repr cut in the middle
    try:
        conn.execute(insert(t), {"id": 2, "name": "x" * 400})
    except exc.IntegrityError as e:
        print(e)
    # NULL into a NOT NULL column, with a plain driver statement
    try:
        conn.exec_driver_sql("INSERT INTO t (id, name) VALUES (?, ?)", (50, None))
    except exc.IntegrityError as e:
        print(e)
    # a bind processor's error over many rows: the whole list cut as one value
    try:
        conn.execute(insert(notes), [{"body": "note %d" % i, "day": "2024-01-%02d" % (i + 1)} for i in range(20)])
    except exc.StatementError as e:
        print(type(e).__name__, e)
    conn.rollback()
    print(conn.execute(text("SELECT count(*) FROM t")).scalar())
