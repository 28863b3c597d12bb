# flask_sqlalchemy.pagination as its own module (SelectPagination from
# db.paginate, QueryPagination from Model.query.paginate), page arguments
# as Flask-SQLAlchemy checks them, and `from alembic import op` as a module.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from flask_sqlalchemy.pagination import Pagination, SelectPagination, QueryPagination

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db = SQLAlchemy(app)


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)


with app.app_context():
    db.create_all()
    db.session.add_all([Note() for _ in range(25)])
    db.session.commit()
    p = db.paginate(db.select(Note).order_by(Note.id), per_page=10)
    print(type(p).__name__, isinstance(p, Pagination), p.page, p.pages, p.total, list(p.iter_pages()))
    print(p.next().items[0].id, p.next().prev().page, p.next().total, p.first, p.last)
    q = Note.query.order_by(Note.id).paginate(page=3, per_page=10)
    print(type(q).__name__, isinstance(q, QueryPagination), [n.id for n in q], q.has_next, q.prev_num, q.max_per_page)
    for bad in ({"page": 0}, {"per_page": 0}, {"page": 9}):
        try:
            db.paginate(db.select(Note), **bad)
        except Exception as e:
            print(bad, type(e).__name__, e.code)
    print(db.paginate(db.select(Note), page=0, error_out=False).page, db.paginate(db.select(Note), per_page=500, max_per_page=7).per_page)

from alembic import op

print(op.add_column.__name__)
try:
    op.add_column("t", None)
except NameError as e:
    print("NameError:", e)

import warnings

warnings.simplefilter("always")
with app.app_context():
    print(db.get_engine() is db.engine)

from sqlalchemy import create_engine, text
from alembic.runtime.migration import MigrationContext
from alembic.operations import Operations

engine = create_engine("sqlite://")
with engine.begin() as conn:
    conn.execute(text("create table b (id integer primary key, x integer)"))
    operations = Operations(MigrationContext.configure(conn))
    with operations.batch_alter_table("b") as batch_op:
        print(batch_op.get_bind() is conn, batch_op.get_context() is operations.get_context(),
              str(batch_op.inline_literal("it's")))
