"""The Flask-SQLAlchemy configuration lesson: RuntimeError outside an app context, db.Model with db.Column, Model.query, db.select/db.session, SQLALCHEMY_RECORD_QUERIES, db.text, db.paginate, one_or_404 with a description, a Boolean column in where()."""
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from flask_sqlalchemy.record_queries import get_recorded_queries
from sqlalchemy import select, String, func
from sqlalchemy.orm import Mapped, mapped_column

app = Flask(__name__)
app.config.update(SQLALCHEMY_DATABASE_URI="sqlite://", SQLALCHEMY_RECORD_QUERIES=True, SQLALCHEMY_ENGINE_OPTIONS={"pool_pre_ping": True})
db = SQLAlchemy(app)

class Note(db.Model):
    __tablename__ = "notes"
    id = db.Column(db.Integer, primary_key=True)
    text = db.Column(db.String(100), nullable=False)
    done = db.Column(db.Boolean, default=False)
    def to_dict(self):
        return {"id": self.id, "text": self.text, "done": self.done}

try:
    Note.query.all()
except RuntimeError as e:
    print(str(e).splitlines()[0])

with app.app_context():
    db.create_all()
    db.session.add_all([Note(text="a"), Note(text="b", done=True)])
    db.session.commit()
    print([n.to_dict() for n in Note.query.order_by(Note.id).all()])
    print(db.session.execute(db.select(func.count(Note.id)).where(Note.done)).scalar())
    n = db.session.get(Note, 1)
    n.done = True
    db.session.commit()
    print(Note.query.filter_by(done=True).count(), db.engine.url, db.metadata.tables.keys())
    qs = get_recorded_queries()
    print(len(qs), qs[0].statement)
    print(db.session.execute(db.text("SELECT text FROM notes WHERE id = :i"), {"i": 2}).scalar_one())
    page = db.paginate(db.select(Note).order_by(Note.id), page=1, per_page=1)
    print(page.total, page.pages, [x.text for x in page], page.next_num, page.prev_num, page.has_prev)
    try:
        db.one_or_404(db.select(Note).where(Note.id == 99), description="no note")
    except Exception as e:
        print(type(e).__name__, e.code, e.description)
    db.drop_all()
