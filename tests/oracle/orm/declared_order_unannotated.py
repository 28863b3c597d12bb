# A mapped class's columns in SQLAlchemy's order (the class's attributes and
# its annotations merged: an annotation without a value comes where
# merge_lists_w_ordering puts it), and a mapped_column() without an
# annotation nullable as Column is.
from sqlalchemy import Text, String, ForeignKey, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session
from sqlalchemy.schema import CreateTable


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


class Doc(Base):
    __tablename__ = "doc"
    id: Mapped[int] = mapped_column(primary_key=True)
    body = mapped_column(Text)
    label: Mapped[str]
    note = mapped_column(String(5), nullable=False)
    author_id = mapped_column(ForeignKey("author.id"))
    extra: Mapped[int] = mapped_column()


print(CreateTable(Doc.__table__))
print([c.key for c in Doc.__table__.columns], [c.nullable for c in Doc.__table__.columns])
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(Doc(label="a", note="n", extra=1))
    s.commit()
    print(s.execute(select(Doc.body, Doc.author_id, Doc.label)).all())
