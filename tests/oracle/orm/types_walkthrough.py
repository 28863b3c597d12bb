"""The data types lesson in the ORM: type_annotation_map with typing generics (Dict[str, Any] -> JSON), Uuid keys, Numeric, Enum (its repr with name=), JSON (not sent as NULL when unset; mutation not tracked), LargeBinary, Interval, Float, Boolean, a server default fetched by RETURNING at INSERT; a unique violation."""
import datetime, decimal, enum, uuid, json
from typing import Optional, Dict, Any, List
from sqlalchemy import *
from sqlalchemy.orm import *
from sqlalchemy.exc import IntegrityError, StatementError, DataError

class Status(enum.Enum):
    draft = "draft"
    published = "published"

class Base(DeclarativeBase):
    type_annotation_map = {Dict[str, Any]: JSON, decimal.Decimal: Numeric(10, 2)}

class Item(Base):
    __tablename__ = "item"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(20), unique=True)
    price: Mapped[decimal.Decimal]
    status: Mapped[Status] = mapped_column(default=Status.draft)
    meta: Mapped[Dict[str, Any]] = mapped_column(default=dict)
    blob: Mapped[Optional[bytes]]
    ttl: Mapped[Optional[datetime.timedelta]]
    ratio: Mapped[float] = mapped_column(default=0.5)
    active: Mapped[bool] = mapped_column(default=True)
    created: Mapped[datetime.datetime] = mapped_column(server_default=func.current_timestamp())
    tags: Mapped[Optional[List[str]]] = mapped_column(JSON)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
for t in Base.metadata.sorted_tables:
    for c in t.columns:
        print(c.name, c.type, c.nullable, repr(c.type))
with Session(engine) as s:
    a = Item(id=uuid.UUID(int=1), name="widget", price=decimal.Decimal("9.99"), meta={"color": "red", "size": [1, 2]}, blob=b"\x00\x01", ttl=datetime.timedelta(days=1, hours=2), tags=["a", "b"])
    b = Item(id=uuid.UUID(int=2), name="gadget", price=decimal.Decimal("19.5"), status=Status.published)
    s.add_all([a, b])
    s.commit()
    for it in s.scalars(select(Item).order_by(Item.name)):
        print(it.id, it.name, it.price, it.status, it.meta, it.blob, it.ttl, it.ratio, it.active, type(it.created).__name__, it.tags)
    print(s.scalars(select(Item.name).where(Item.meta["color"].as_string() == "red")).all())
    print(s.scalars(select(Item.name).where(Item.status == Status.published)).all())
    print(s.scalar(select(func.sum(Item.price))))
    print(s.execute(select(Item.price * 2, Item.ratio + 1)).all())
    a.meta["color"] = "blue"
    print(s.dirty)
    s.commit()
    print(a.meta)
    s.add(Item(id=uuid.UUID(int=3), name="widget", price=decimal.Decimal("1")))
    try:
        s.commit()
    except IntegrityError as e:
        print(e.orig, "|", str(e).splitlines()[0])
        s.rollback()
    print(s.execute(text("SELECT id, status, meta, price, ttl FROM item ORDER BY name")).all())
