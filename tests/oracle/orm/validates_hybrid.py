# @validates and hybrid_property.
from sqlalchemy import create_engine, String, select
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session, validates


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "account"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(50))
    first: Mapped[str] = mapped_column(String(20))
    last: Mapped[str] = mapped_column(String(20))
    cents: Mapped[int] = mapped_column(default=0)

    @validates("email")
    def check_email(self, key, value):
        if "@" not in value:
            raise ValueError(f"bad {key}: {value}")
        return value.lower()

    @hybrid_property
    def name(self):
        return self.first + " " + self.last

    @name.expression
    def name(cls):
        return cls.first + " " + cls.last

    @hybrid_property
    def dollars(self):
        return self.cents / 100

    @dollars.setter
    def dollars(self, value):
        self.cents = int(value * 100)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    a = Account(email="Ann@X.org", first="Ann", last="Lee")
    a.dollars = 12.5
    print(a.email, a.name, a.cents, a.dollars)
    try:
        a.email = "nope"
    except ValueError as e:
        print(e)
    s.add(a)
    s.commit()
    print(s.scalars(select(Account.email).where(Account.name == "Ann Lee")).all())
    print(s.scalars(select(Account.name)).one())
