# classes report the module SQLAlchemy defines them in (reprs show it:
# <sqlalchemy.orm.decl_api.registry object at ...>)
import sqlalchemy as sa
from sqlalchemy import orm
for c in [orm.registry, orm.Session, orm.Mapper, sa.CursorResult, sa.Engine, sa.Connection, sa.Table, sa.Column, sa.Select, sa.MetaData, orm.DeclarativeBase, orm.sessionmaker, orm.Query, sa.Insert, sa.Update, sa.ForeignKey, sa.Integer, sa.String]:
    if c is not None:
        print(c.__name__, c.__module__)
class Base(orm.DeclarativeBase):
    pass
print(repr(Base.registry).split(" object")[0])
