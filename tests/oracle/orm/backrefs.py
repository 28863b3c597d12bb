# backref= and back_populates keep both sides in step before any flush.
from sqlalchemy import create_engine, ForeignKey, String, Column, Integer
from sqlalchemy.orm import DeclarativeBase, relationship, Session


class Base(DeclarativeBase):
    pass


class Team(Base):
    __tablename__ = "team"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    players = relationship("Player", backref="team")


class Player(Base):
    __tablename__ = "player"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    team_id = Column(Integer, ForeignKey("team.id"))


red, blue = Team(name="red"), Team(name="blue")
p = Player(name="pat", team=red)
print([x.name for x in red.players], p.team.name)
p.team = blue
print([x.name for x in red.players], [x.name for x in blue.players])
blue.players.remove(p)
print(p.team)
red.players.append(p)
print(p.team.name)
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([red, blue])
    s.commit()
    print(p.team_id, p.team.name)
    p.team = blue
    s.commit()
    print(p.team_id, [x.name for x in blue.players], red.players)
