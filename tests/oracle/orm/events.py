# Events users write: session, mapper and attribute listeners.
from sqlalchemy import create_engine, String, event, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session, sessionmaker


class Base(DeclarativeBase):
    pass


class Post(Base):
    __tablename__ = "post"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(30))
    slug: Mapped[str] = mapped_column(String(30), default="")


@event.listens_for(Post, "before_insert")
def make_slug(mapper, connection, target):
    target.slug = target.title.lower().replace(" ", "-")


@event.listens_for(Post, "after_update")
def updated(mapper, connection, target):
    print("updated", target.title)


@event.listens_for(Post.title, "set")
def title_set(target, value, oldvalue, initiator):
    print("title", repr(oldvalue) if oldvalue is not None else None, "->", value)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
Maker = sessionmaker(engine)


@event.listens_for(Maker, "before_flush")
def before_flush(session, flush_context, instances):
    print("before_flush", len(session.new), len(session.dirty))


@event.listens_for(Session, "after_commit")
def after_commit(session):
    print("after_commit")


with Maker() as s:
    s.add(Post(title="Hello World"))
    s.commit()
    p = s.scalars(select(Post)).one()
    print(p.slug)
    p.title = "Bye"
    s.commit()
