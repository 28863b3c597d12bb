"""`flask_sqlalchemy.query`: the legacy `Query` of `Model.query`, with the
helpers of a web application: `get_or_404()`, `first_or_404()`,
`one_or_404()` and `paginate()` (Flask-SQLAlchemy's query.py and
pagination.py's `QueryPagination`)."""

import sqlalchemy.exc as _sa_exc
import sqlalchemy.orm as _orm
from werkzeug.exceptions import NotFound as _NotFound

from flask_sqlalchemy import Pagination


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
        return QueryPagination(self, page or 1, per_page or 20, max_per_page, error_out, count)


class QueryPagination(Pagination):
    """A page of a legacy `Query`: its items by LIMIT/OFFSET, its total by `Query.count()`."""

    def __init__(self, query, page, per_page, max_per_page=None, error_out=True, count=True):
        self._query = query
        super().__init__(None, None, page, per_page, max_per_page, error_out, count)

    def _query_items(self):
        return self._query.limit(self.per_page).offset((self.page - 1) * self.per_page).all()

    def _query_count(self):
        # (Query.count leaves eager loads out)
        return self._query.order_by(None).count()

    def _page(self, page, error_out):
        return QueryPagination(self._query, page, self.per_page, self.max_per_page, error_out, count=False)
