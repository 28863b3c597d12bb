# text() with named binds (repeated, escaped colons, type casts), multi-row
# VALUES, INSERT FROM SELECT, CTEs (also recursive), and legacy-style
# labels inside a derived table.
from sqlalchemy import (MetaData, Table, Column, Integer, String, create_engine, select, insert, text, literal,
    func, union_all, LABEL_STYLE_TABLENAME_PLUS_COL)

engine = create_engine("sqlite://")
metadata = MetaData()
n = Table("node", metadata, Column("id", Integer, primary_key=True), Column("parent_id", Integer), Column("name", String(20)))
archive = Table("archive", metadata, Column("id", Integer, primary_key=True), Column("name", String(20)))
metadata.create_all(engine)

with engine.begin() as conn:
    conn.execute(insert(n).values([{"parent_id": None, "name": "root"}, {"parent_id": 1, "name": "a"}, {"parent_id": 2, "name": "b"}]))
    print(conn.execute(text("SELECT name FROM node WHERE id = :x OR parent_id = :x ORDER BY id"), {"x": 1}).all())
    print(conn.execute(text("SELECT '10:30' AS t, name FROM node WHERE name = :n"), {"n": "a"}).all())
    print(conn.execute(text(r"SELECT 'a\:b' AS t, :v AS v"), {"v": 5}).all())
    conn.execute(insert(archive).from_select(["id", "name"], select(n.c.id, n.c.name).where(n.c.id > 1)))
    print(conn.execute(select(archive.c.name).order_by(archive.c.id)).all())
    big = select(n.c.id, n.c.name).where(n.c.id > 1).cte("big")
    print(conn.execute(select(big.c.name).where(big.c.id < 3)).all())
    tree = select(n.c.id, n.c.name, literal(0).label("depth")).where(n.c.parent_id == None).cte("tree", recursive=True)
    tree = tree.union_all(select(n.c.id, n.c.name, (tree.c.depth + 1).label("depth")).join_from(n, tree, n.c.parent_id == tree.c.id))
    print(conn.execute(select(tree.c.name, tree.c.depth).order_by(tree.c.depth)).all())
    legacy = select(n.c.id, n.c.name).set_label_style(LABEL_STYLE_TABLENAME_PLUS_COL).subquery()
    print(conn.execute(select(func.count()).select_from(legacy)).all())
