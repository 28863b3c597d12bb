# TypeDecorator: process_bind_param before the impl's bind processing (also
# for a value compared with the column), process_result_value after the
# impl's result processing; None passes through both; in Core and the ORM.
import json
from sqlalchemy import MetaData, Table, Column, Integer, String, Text, create_engine, insert, select, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class JSONEncoded(TypeDecorator):
    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else json.dumps(value)

    def process_result_value(self, value, dialect):
        return None if value is None else json.loads(value)


class Lower(TypeDecorator):
    impl = String
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return value.lower() if value is not None else value

    def process_result_value(self, value, dialect):
        return f"<{value}>"


engine = create_engine("sqlite://", echo=False)
md = MetaData()
t = Table("t", md, Column("id", Integer, primary_key=True), Column("data", JSONEncoded), Column("tag", Lower(20)))
print(repr(t.c.data.type), repr(t.c.tag.type), t.c.tag.type.python_type)
md.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t), {"data": {"a": [1, 2]}, "tag": "HeLLo"})
    conn.execute(insert(t), [{"data": [1, "x"], "tag": "B"}, {"data": None, "tag": None}])
    for row in conn.execute(select(t).order_by(t.c.id)):
        print(row)
    print(conn.execute(select(t.c.id).where(t.c.tag == "HELLO")).all())


class Base(DeclarativeBase):
    pass


class Doc(Base):
    __tablename__ = "doc"
    id: Mapped[int] = mapped_column(primary_key=True)
    body = mapped_column(JSONEncoded)
    label: Mapped[str] = mapped_column(Lower(10))


Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(Doc(body={"k": 1}, label="MiXed"))
    s.commit()
    d = s.scalars(select(Doc)).one()
    print(d.body, d.label)
    d.body = {"k": 2}
    s.commit()
    print(s.scalars(select(Doc.body)).all(), s.scalars(select(Doc).where(Doc.label == "MIXED")).first() is d)
