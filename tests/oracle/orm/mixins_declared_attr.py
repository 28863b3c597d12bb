# Mixins: columns shared by several models, a declared_attr __tablename__
# made from the class name, and a timestamp column default.
from sqlalchemy import create_engine, String, select, ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, declared_attr, relationship, Session


class Base(DeclarativeBase):
    pass


class TableNameMixin:
    @declared_attr.directive
    def __tablename__(cls):
        return cls.__name__.lower() + "s"


class IdMixin:
    id: Mapped[int] = mapped_column(primary_key=True)


class Named:
    name: Mapped[str] = mapped_column(String(30))


class Author(TableNameMixin, IdMixin, Named, Base):
    books: Mapped[list["Book"]] = relationship(back_populates="author")


class Book(TableNameMixin, IdMixin, Base):
    title: Mapped[str] = mapped_column(String(50))
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id"))
    author: Mapped[Author] = relationship(back_populates="books")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
print(sorted(Base.metadata.tables), [c.name for c in Author.__table__.columns])

with Session(engine) as session:
    session.add(Author(name="ada", books=[Book(title="Notes")]))
    session.commit()
    print(session.scalars(select(Book.title).join(Book.author).where(Author.name == "ada")).all())
