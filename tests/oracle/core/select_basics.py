# Core SELECTs: columns, WHERE with every comparison, AND/OR/NOT, IS NULL,
# IN (also empty), LIKE, BETWEEN, ORDER BY, LIMIT/OFFSET, DISTINCT,
# GROUP BY/HAVING with aggregate functions and their anonymous labels.
from sqlalchemy import (MetaData, Table, Column, Integer, String, create_engine, select, and_, or_, not_,
    func, insert, desc, asc)

engine = create_engine("sqlite://")
metadata = MetaData()
user = Table("user_account", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(30), nullable=False),
    Column("age", Integer))
metadata.create_all(engine)

with engine.begin() as conn:
    conn.execute(insert(user), [{"name": "ada", "age": 36}, {"name": "bob", "age": None}, {"name": "cy", "age": 20}])
    statements = [
        select(user),
        select(user.c.name).where(user.c.id == 2),
        select(user.c.id, user.c.name).where(user.c.age > 18, user.c.name != "cy").order_by(user.c.name),
        select(user.c.name).where(or_(user.c.age < 30, user.c.age >= 36)).order_by(desc(user.c.id)),
        select(user.c.name).where(and_(user.c.age <= 40, not_(user.c.name == "ada"))),
        select(user.c.name).where(user.c.age == None),
        select(user.c.name).where(user.c.age.is_not(None)).order_by(user.c.age.desc(), user.c.name.asc()),
        select(user.c.name).where(user.c.id.in_([1, 3])),
        select(user.c.name).where(user.c.id.in_([])),
        select(user.c.name).where(user.c.id.not_in([1])),
        select(user.c.name).where(user.c.name.like("a%")),
        select(user.c.name).where(user.c.age.between(18, 30)),
        select(user.c.name).order_by(user.c.id).limit(2),
        select(user.c.name).order_by(user.c.id).limit(2).offset(1),
        select(user.c.name).offset(1),
        select(user.c.age).distinct(),
        select(func.count()).select_from(user),
        select(func.count(user.c.id), func.max(user.c.age)),
        select(user.c.age, func.count(user.c.id).label("n")).group_by(user.c.age).having(func.count(user.c.id) > 0),
        select(user.c.id + 1, user.c.name + "!"),
    ]
    for stmt in statements:
        print(conn.execute(stmt).all())
