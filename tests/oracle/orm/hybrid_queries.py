# hybrid_property: the same name works on an object (Python) and in a query
# (SQL); a setter; and a custom expression.
from sqlalchemy import create_engine, String, select, func
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Person(Base):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    first: Mapped[str] = mapped_column(String(30))
    last: Mapped[str] = mapped_column(String(30))
    born: Mapped[int]

    @hybrid_property
    def full_name(self):
        return self.first + " " + self.last

    @full_name.setter
    def full_name(self, value):
        self.first, self.last = value.split(" ", 1)

    @hybrid_property
    def age_in_2000(self):
        return 2000 - self.born


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    p = Person(born=1815)
    p.full_name = "Ada Lovelace"
    session.add_all([p, Person(first="Alan", last="Turing", born=1912)])
    session.commit()
    print(p.full_name, p.age_in_2000)
    stmt = select(Person.full_name).where(Person.age_in_2000 < 100).order_by(Person.full_name)
    print(stmt)
    print(session.scalars(stmt).all())
    print(session.scalars(select(Person).where(Person.full_name.like("A% T%"))).one().born)
