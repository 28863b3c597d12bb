"""`flask_sqlalchemy.pagination`: a page of results (Flask-SQLAlchemy's
pagination.py): `Pagination` with its page numbers and neighbours,
`SelectPagination` (`db.paginate(select)`) and `QueryPagination`
(`Model.query.paginate()`). There is no request in a script, so `page`
and `per_page` default to 1 and 20."""

from math import ceil

import sqlalchemy as sa
import sqlalchemy.orm as sa_orm
from flask import abort
from flask import request


class Pagination:
    def __init__(self, page=None, per_page=None, max_per_page=100, error_out=True, count=True, **kwargs):
        self._query_args = kwargs
        page, per_page = self._prepare_page_args(
            page=page, per_page=per_page, max_per_page=max_per_page, error_out=error_out
        )
        self.page = page
        self.per_page = per_page
        self.max_per_page = max_per_page
        items = self._query_items()
        if not items and page != 1 and error_out:
            abort(404)
        self.items = items
        self.total = self._query_count() if count else None

    @staticmethod
    def _prepare_page_args(*, page=None, per_page=None, max_per_page=None, error_out=True):
        if request:
            if page is None:
                try:
                    page = int(request.args.get("page", 1))
                except (TypeError, ValueError):
                    if error_out:
                        abort(404)
                    page = 1
            if per_page is None:
                try:
                    per_page = int(request.args.get("per_page", 20))
                except (TypeError, ValueError):
                    if error_out:
                        abort(404)
                    per_page = 20
        else:
            if page is None:
                page = 1
            if per_page is None:
                per_page = 20
        if max_per_page is not None:
            per_page = min(per_page, max_per_page)
        if page < 1:
            if error_out:
                abort(404)
            else:
                page = 1
        if per_page < 1:
            if error_out:
                abort(404)
            else:
                per_page = 20
        return page, per_page

    @property
    def _query_offset(self):
        return (self.page - 1) * self.per_page

    def _query_items(self):
        raise NotImplementedError

    def _query_count(self):
        raise NotImplementedError

    @property
    def first(self):
        if len(self.items) == 0:
            return 0
        return (self.page - 1) * self.per_page + 1

    @property
    def last(self):
        first = self.first
        return max(first, first + len(self.items) - 1)

    @property
    def pages(self):
        if self.total == 0 or self.total is None:
            return 0
        return ceil(self.total / self.per_page)

    @property
    def has_prev(self):
        return self.page > 1

    @property
    def prev_num(self):
        if not self.has_prev:
            return None
        return self.page - 1

    def prev(self, *, error_out=False):
        p = type(self)(page=self.page - 1, per_page=self.per_page, error_out=error_out, count=False, **self._query_args)
        p.total = self.total
        return p

    @property
    def has_next(self):
        return self.page < self.pages

    @property
    def next_num(self):
        if not self.has_next:
            return None
        return self.page + 1

    def next(self, *, error_out=False):
        p = type(self)(
            page=self.page + 1,
            per_page=self.per_page,
            max_per_page=self.max_per_page,
            error_out=error_out,
            count=False,
            **self._query_args,
        )
        p.total = self.total
        return p

    def iter_pages(self, *, left_edge=2, left_current=2, right_current=4, right_edge=2):
        pages_end = self.pages + 1
        if pages_end == 1:
            return
        left_end = min(1 + left_edge, pages_end)
        yield from range(1, left_end)
        if left_end == pages_end:
            return
        mid_start = max(left_end, self.page - left_current)
        mid_end = min(self.page + right_current + 1, pages_end)
        if mid_start - left_end > 0:
            yield None
        yield from range(mid_start, mid_end)
        if mid_end == pages_end:
            return
        right_start = max(mid_end, pages_end - right_edge)
        if right_start - mid_end > 0:
            yield None
        yield from range(right_start, pages_end)

    def __iter__(self):
        yield from self.items


class SelectPagination(Pagination):
    """Returned by `SQLAlchemy.paginate`: takes `select` and `session`."""

    def _query_items(self):
        select = self._query_args["select"]
        select = select.limit(self.per_page).offset(self._query_offset)
        session = self._query_args["session"]
        return list(session.execute(select).unique().scalars())

    def _query_count(self):
        select = self._query_args["select"]
        sub = select.options(sa_orm.lazyload("*")).order_by(None).subquery()
        session = self._query_args["session"]
        return session.execute(sa.select(sa.func.count()).select_from(sub)).scalar()


class QueryPagination(Pagination):
    """Returned by `Query.paginate`: takes `query`."""

    def _query_items(self):
        query = self._query_args["query"]
        return query.limit(self.per_page).offset(self._query_offset).all()

    def _query_count(self):
        # (Query.count leaves eager loads out)
        return self._query_args["query"].order_by(None).count()
