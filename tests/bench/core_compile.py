# Core benchmark, part 1: compile 10,000 mixed SELECT/INSERT/UPDATE
# statements for SQLite (built and compiled afresh each time, as a script
# that builds its queries in a loop does). Prints a checksum of the SQL.
from sqlalchemy import MetaData, Table, Column, Integer, String, ForeignKey, create_engine, select, insert, update, func

engine = create_engine("sqlite://")
metadata = MetaData()
user = Table("user_account", metadata, Column("id", Integer, primary_key=True), Column("name", String(30)),
    Column("age", Integer))
post = Table("post", metadata, Column("id", Integer, primary_key=True), Column("user_id", ForeignKey("user_account.id")),
    Column("title", String(100)), Column("score", Integer))

total = 0
for i in range(2500):
    stmts = [
        select(user.c.id, user.c.name).where(user.c.age > i, user.c.name.like("a%")).order_by(user.c.name).limit(10),
        select(post.c.title, func.count(post.c.id)).join_from(post, user).where(user.c.id == i).group_by(post.c.title),
        insert(user).values(name="u", age=i),
        update(post).where(post.c.id == i).values(score=post.c.score + 1, title="t"),
    ]
    for stmt in stmts:
        total += len(str(stmt.compile(engine)))
print(total)
