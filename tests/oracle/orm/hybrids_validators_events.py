"""hybrid_property (getter, setter, SQL expression), hybrid_method, @validates (uppercasing, raising), and events: Session before_flush, mapper before_insert changing an attribute, an attribute set listener (which sees the value before @validates does)."""
from typing import List, Optional
from sqlalchemy import *
from sqlalchemy.orm import *
from sqlalchemy.ext.hybrid import hybrid_property, hybrid_method
from sqlalchemy import event

class Base(DeclarativeBase):
    pass

class Interval(Base):
    __tablename__ = "interval"
    id: Mapped[int] = mapped_column(primary_key=True)
    start: Mapped[int]
    end: Mapped[int]
    label: Mapped[Optional[str]]

    @hybrid_property
    def length(self):
        return self.end - self.start

    @length.setter
    def length(self, value):
        self.end = self.start + value

    @hybrid_method
    def contains(self, point):
        return (self.start <= point) & (point <= self.end)

    @validates("label")
    def check_label(self, key, value):
        if value is not None and len(value) > 5:
            raise ValueError(f"{key} too long")
        return value.upper() if value else value

log = []
@event.listens_for(Session, "before_flush")
def bf(session, ctx, instances):
    log.append(("before_flush", len(session.new), len(session.dirty)))

@event.listens_for(Interval, "before_insert")
def bi(mapper, conn, target):
    target.label = target.label or "auto"

@event.listens_for(Interval.label, "set")
def on_set(target, value, old, initiator):
    log.append(("set", value, old if old is not None else None))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    i = Interval(start=1, end=5)
    j = Interval(start=10, end=13, label="ab")
    s.add_all([i, j])
    s.commit()
    print(i.length, j.label, i.label)
    i.length = 10
    s.commit()
    print(i.end)
    print(s.scalars(select(Interval.id).where(Interval.length > 3).order_by(Interval.id)).all())
    print(s.scalars(select(Interval.id).where(Interval.contains(12))).all(), i.contains(3))
    print(select(Interval.length))
    try:
        j.label = "toolong"
    except ValueError as e:
        print(e)
    print([l for l in log if l[0] != "set"], [l[:2] for l in log if l[0] == "set"])
