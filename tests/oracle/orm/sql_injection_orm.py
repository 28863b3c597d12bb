# Security: user input pasted into SQL text is an injection; bound
# parameters (text() with :name, and every ORM query) are not.
from sqlalchemy import create_engine, String, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Login(Base):
    __tablename__ = "login"
    id: Mapped[int] = mapped_column(primary_key=True)
    user: Mapped[str] = mapped_column(String(20))
    secret: Mapped[str] = mapped_column(String(20))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([Login(user="ada", secret="s1"), Login(user="bob", secret="s2")])
    session.commit()
    evil = "nobody' OR '1'='1"
    unsafe = session.execute(text(f"SELECT user FROM login WHERE user = '{evil}'")).all()
    print("f-string:", unsafe)
    safe = session.execute(text("SELECT user FROM login WHERE user = :u"), {"u": evil}).all()
    print("bound:", safe)
    print("orm:", session.scalars(select(Login.user).where(Login.user == evil)).all())
