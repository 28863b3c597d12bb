"""`flask_sqlalchemy.query`: the legacy `Query` of `Model.query`, with the
helpers of a web application: `get_or_404()`, `first_or_404()`,
`one_or_404()` and `paginate()` (Flask-SQLAlchemy's query.py and
`flask_sqlalchemy.pagination.QueryPagination`)."""

import sqlalchemy.exc as _sa_exc
from flask import abort  # noqa: F401 (a name Flask-SQLAlchemy's module has)
import sqlalchemy.orm as _orm
from werkzeug.exceptions import NotFound as _NotFound

from flask_sqlalchemy.pagination import QueryPagination


class Query(_orm.Query):
    """SQLAlchemy's `Query`, with the methods Flask-SQLAlchemy adds."""

    def get_or_404(self, ident, description=None):
        rv = self.get(ident)
        if rv is None:
            raise _NotFound(description)
        return rv

    def first_or_404(self, description=None):
        rv = self.first()
        if rv is None:
            raise _NotFound(description)
        return rv

    def one_or_404(self, description=None):
        try:
            return self.one()
        except (_sa_exc.NoResultFound, _sa_exc.MultipleResultsFound):
            raise _NotFound(description)

    def paginate(self, *, page=None, per_page=None, max_per_page=None, error_out=True, count=True):
        return QueryPagination(
            query=self, page=page, per_page=per_page, max_per_page=max_per_page, error_out=error_out, count=count
        )
