# Listeners: session events (before_flush, after_flush, after_commit,
# after_rollback), mapper events (before_insert, after_update) and an
# attribute set event, in the order SQLAlchemy calls them.
from sqlalchemy import create_engine, String, event
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Doc(Base):
    __tablename__ = "doc"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(30))
    slug: Mapped[str | None] = mapped_column(String(30))


@event.listens_for(Doc, "before_insert")
def make_slug(mapper, connection, target):
    target.slug = target.title.lower().replace(" ", "-")
    print("before_insert", target.title)


@event.listens_for(Doc, "after_update")
def updated(mapper, connection, target):
    print("after_update", target.title)


@event.listens_for(Doc.title, "set")
def title_set(target, value, oldvalue, initiator):
    print("set title", value)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)


@event.listens_for(session, "before_flush")
def before_flush(session, flush_context, instances):
    print("before_flush", len(session.new), len(session.dirty))


@event.listens_for(session, "after_commit")
def after_commit(session):
    print("after_commit")


@event.listens_for(session, "after_rollback")
def after_rollback(session):
    print("after_rollback")


d = Doc(title="Hello World")
session.add(d)
session.commit()
print(d.slug)
d.title = "Bye"
session.commit()
session.add(Doc(title="x"))
session.rollback()
session.close()
