# @validates: a method that checks or changes a value as it is set (and
# items appended to a collection), raising to refuse it.
from sqlalchemy import create_engine, ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, validates


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customer"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(50))
    tags: Mapped[list["Tag"]] = relationship()

    @validates("email")
    def normalise_email(self, key, value):
        if "@" not in value:
            raise ValueError(f"{value!r} is not an e-mail address")
        return value.strip().lower()

    @validates("tags")
    def check_tag(self, key, tag):
        tag.name = tag.name.upper()
        return tag


class Tag(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(10))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

c = Customer(email="  Ada@Example.COM ")
print(c.email)
try:
    c.email = "nope"
except ValueError as e:
    print(e)
c.tags.append(Tag(name="vip"))
print(c.email, [t.name for t in c.tags])
with Session(engine) as session:
    session.add(c)
    session.commit()
    print(session.get(Customer, 1).email)
