from typing import List
from sqlalchemy import ForeignKey, create_engine, func, select
from sqlalchemy.orm import Bundle, DeclarativeBase, DictBundle, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    fullname: Mapped[str]
    addresses: Mapped[List["Address"]] = relationship()


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email_address: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))


class PairBundle(Bundle):
    def create_row_processor(self, query, procs, labels):
        def proc(row):
            return " / ".join(str(p(row)) for p in procs)

        return proc


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([
        User(name="spongebob", fullname="Spongebob Squarepants", addresses=[Address(email_address="sb@x")]),
        User(name="sandy", fullname="Sandy Cheeks", addresses=[Address(email_address="s1@x"), Address(email_address="s2@x")]),
    ])
    session.commit()
    bn = Bundle("user", User.name, User.fullname)
    stmt = select(bn, Bundle("email", Address.email_address)).join_from(User, Address).order_by(Address.id)
    print(stmt)
    for row in session.execute(stmt):
        print(f"{row.user.name} {row.user.fullname} {row.email.email_address}", row.user, row._fields)
    print(bn.c.name, list(bn.c.keys()), bn.name, bn.label("u").name)
    print(session.execute(select(User.id, bn).order_by(User.id)).all())
    print(session.execute(select(DictBundle("d", User.id, User.name)).order_by(User.id)).all())
    print(session.execute(select(PairBundle("p", User.name, func.length(User.fullname).label("n")), User.id).order_by(User.id)).all())
    print(session.scalars(select(bn).where(bn.c.name == "sandy")).all())
    print(session.execute(select(bn.label("who")).order_by(User.name.desc())).first().who)
