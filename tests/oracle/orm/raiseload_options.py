# raiseload(): a relationship that would load lazily raises instead (one
# relationship, or "*" for all), while an eager option still loads it.
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, raiseload, selectinload


class Base(DeclarativeBase):
    pass


class Shelf(Base):
    __tablename__ = "shelf"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(10))
    jars: Mapped[list["Jar"]] = relationship(back_populates="shelf")


class Jar(Base):
    __tablename__ = "jar"
    id: Mapped[int] = mapped_column(primary_key=True)
    contents: Mapped[str] = mapped_column(String(20))
    shelf_id: Mapped[int] = mapped_column(ForeignKey("shelf.id"))
    shelf: Mapped[Shelf] = relationship(back_populates="jars")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add(Shelf(label="top", jars=[Jar(contents="jam"), Jar(contents="honey")]))
    session.commit()

with Session(engine) as session:
    shelf = session.scalars(select(Shelf).options(raiseload(Shelf.jars))).one()
    try:
        shelf.jars
    except Exception as e:
        print(type(e).__name__, e)

with Session(engine) as session:
    jar = session.scalars(select(Jar).options(raiseload("*")).where(Jar.id == 1)).one()
    try:
        jar.shelf
    except Exception as e:
        print(type(e).__name__, e)

with Session(engine) as session:
    shelf = session.scalars(select(Shelf).options(selectinload(Shelf.jars))).one()
    print(sorted(j.contents for j in shelf.jars))
