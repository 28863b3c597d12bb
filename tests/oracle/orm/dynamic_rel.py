# lazy="dynamic": a query for the collection, filtered and counted in SQL.
from sqlalchemy import create_engine, ForeignKey, String, Column, Integer
from sqlalchemy.orm import DeclarativeBase, relationship, Session


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    messages = relationship("Message", lazy="dynamic", order_by="Message.id")


class Message(Base):
    __tablename__ = "message"
    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id"))
    body = Column(String(50))
    read = Column(Integer, default=0)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    u = User(name="ann")
    s.add(u)
    s.flush()
    for i in range(5):
        s.add(Message(user_id=u.id, body=f"m{i}", read=i % 2))
    s.commit()
    print(u.messages.count())
    print([m.body for m in u.messages.filter(Message.read == 1)])
    print([m.body for m in u.messages.order_by(None).order_by(Message.id.desc()).limit(2)])
    print(u.messages.filter_by(body="m3").one().id)
    print(u.messages.first().body)
