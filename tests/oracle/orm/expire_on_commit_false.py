# sessionmaker(expire_on_commit=False): objects keep their values after commit.
from sqlalchemy import create_engine, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class Doc(Base):
    __tablename__ = "doc"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(20))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine, expire_on_commit=False)
with Session() as s:
    d = Doc(title="plan")
    s.add(d)
    s.commit()
print(d.title, d.id)
with Session() as s:
    s.add(d)
    d.title = "plan v2"
    s.commit()
print(d.title)
