# Sequence() on a column (the 1.x tutorials' idiom): SQLite has no
# sequences, so SQLAlchemy's dialect leaves it out of DDL and inserts.
from sqlalchemy import MetaData, Table, Column, Integer, String, Sequence, create_engine, insert, select
from sqlalchemy.orm import declarative_base, Session, Mapped, mapped_column
from sqlalchemy.schema import CreateTable, Sequence as SchemaSequence
md = MetaData()
t = Table("t", md, Column("id", Integer, Sequence("t_id_seq"), primary_key=True), Column("name", String(10)))
print(CreateTable(t))
s = Sequence("user_id_seq", start=5, increment=2)
print(repr(s), s.name, s.start, s.increment)
Base = declarative_base()
class User(Base):
    __tablename__ = "users"
    id = Column(Integer, Sequence("user_id_seq"), primary_key=True)
    name = Column(String(50))
engine = create_engine("sqlite://")
md.create_all(engine)
Base.metadata.create_all(engine)
with engine.begin() as conn:
    r = conn.execute(insert(t), {"name": "a"})
    print(r.inserted_primary_key, conn.execute(select(t)).all())
with Session(engine) as session:
    session.add(User(name="ed"))
    session.commit()
    print(session.scalars(select(User.id)).all())
print(SchemaSequence is Sequence)
