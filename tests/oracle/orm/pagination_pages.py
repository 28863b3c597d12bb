# Flask-SQLAlchemy pagination across many pages: iter_pages, prev and next.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db = SQLAlchemy(app)


class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    n = db.Column(db.Integer)


with app.app_context():
    db.create_all()
    db.session.add_all([Item(n=i) for i in range(95)])
    db.session.commit()
    page = db.paginate(db.select(Item).order_by(Item.id), page=5, per_page=5)
    print(page.total, page.pages, [i.n for i in page.items])
    print(list(page.iter_pages()))
    nxt = page.next()
    print(nxt.page, [i.n for i in nxt], page.prev().page)
    print(list(db.paginate(db.select(Item), page=1, per_page=50).iter_pages()))
