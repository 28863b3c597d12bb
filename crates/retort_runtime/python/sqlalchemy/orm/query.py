# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""The legacy `Query` API (SQLAlchemy's orm/query.py)."""


class Query:
    """The legacy `session.query(...)` API, over a `select()` labelled
    `table_column` as SQLAlchemy's Query labels it."""
    allows_lambda = False
    memoized_attribute = _sa.HasMemoized.memoized_attribute
    memoized_instancemethod = _sa.HasMemoized.memoized_instancemethod
    logger = _logging.getLogger("sqlalchemy.orm.query.Query")
    is_delete = False
    is_dml = False
    is_from_statement = False
    is_insert = False
    is_select = False
    is_text = False
    is_update = False
    logging_name = None
    supports_execution = True
    uses_inspection = False

    def __init__(self, entities, session, _stmt=None):
        self.session = session
        self._entities = entities
        if _stmt is None:
            _stmt = select(*entities).set_label_style(_sa.LABEL_STYLE_TABLENAME_PLUS_COL)
        self._stmt = _stmt

    # execution_options() given to the query, and only_return_tuples()
    _options = _sa.immutabledict()
    _only_tuples = False

    def _new(self, stmt):
        # (a subclass stays itself along a chain, as SQLAlchemy's _clone keeps it)
        new = type(self)(self._entities, self.session, stmt)
        new._options, new._only_tuples = self._options, self._only_tuples
        return new

    @property
    def _single(self):
        """Whether rows come out as the one entity's objects (not as tuples)."""
        return not self._only_tuples and len(self._entities) == 1 and isinstance(self._entities[0], (type, AliasedClass))

    def execution_options(self, **kw):
        new = self._new(self._stmt.execution_options(**kw))
        new._options = self._options.union(kw)
        return new

    def get_execution_options(self):
        return self._options

    def yield_per(self, count):
        """Rows fetched `count` at a time (a load option: not among get_execution_options())."""
        return self._new(self._stmt.execution_options(yield_per=count))

    def populate_existing(self):
        """Objects already in the session are refreshed from the rows loaded."""
        return self._new(self._stmt.execution_options(populate_existing=True))

    def with_session(self, session):
        new = self._new(self._stmt)
        new.session = session
        return new

    def only_return_tuples(self, value):
        """Rows, even for a single entity (value True)."""
        new = self._new(self._stmt)
        new._only_tuples = value
        return new

    @property
    def is_single_entity(self):
        if self._only_tuples or len(self._entities) != 1:
            return False
        entity = self._entities[0]
        # (a mapped attribute at class level is its column, of its class's table)
        return isinstance(entity, (type, AliasedClass)) or getattr(getattr(entity, "table", None), "_sa_class", None) is not None

    @property
    def whereclause(self):
        return self._stmt.whereclause

    @property
    def selectable(self):
        return self._stmt

    def correlate(self, *fromclauses):
        return self._new(self._stmt.correlate(*fromclauses))

    def with_for_update(self, *, nowait=False, read=False, of=None, skip_locked=False, key_share=False):
        return self._new(self._stmt.with_for_update(nowait=nowait, read=read, of=of, skip_locked=skip_locked, key_share=key_share))

    def prefix_with(self, *prefixes, dialect="*"):
        return self._new(self._stmt.prefix_with(*prefixes, dialect=dialect))

    def suffix_with(self, *suffixes, dialect="*"):
        return self._new(self._stmt.suffix_with(*suffixes, dialect=dialect))

    def cte(self, name=None, recursive=False, nesting=False):
        return self._stmt.cte(name, recursive=recursive, nesting=nesting)

    def with_parent(self, instance, property=None, from_entity=None):
        import warnings
        warnings.warn(
            "The Query.with_parent() method is considered legacy as of the 1.x series of SQLAlchemy and becomes a "
            "legacy construct in 2.0. Use the with_parent() standalone construct. (deprecated since: 2.0) "
            "(Background on SQLAlchemy 2.0 at: https://sqlalche.me/e/b8d9)",
            _sa.exc.LegacyAPIWarning,
            stacklevel=2,
        )
        if property is None:
            target = self._entities[0]
            mapper = _sa.inspect(instance).mapper
            found = [r for r in mapper.relationships if r.mapper.class_ is target]
            if len(found) != 1:
                raise _sa.exc.InvalidRequestError(
                    f"Could not locate a property which relates instances of class '{target.__name__}' to instances "
                    f"of class '{type(instance).__name__}'"
                )
            property = getattr(type(instance), found[0].key)
        return self.filter(with_parent(instance, property, from_entity))

    @property
    def statement(self):
        return self._stmt

    def __str__(self):
        return str(self._stmt)

    def filter(self, *criteria):
        return self._new(self._stmt.where(*criteria))

    where = filter

    def filter_by(self, **kw):
        entity = self._joined_entity if hasattr(self, "_joined_entity") else None
        if entity is None:
            return self._new(self._stmt.filter_by(**kw))
        return self._new(self._stmt.where(*[getattr(entity, k) == v for k, v in kw.items()]))

    def order_by(self, *clauses):
        return self._new(self._stmt.order_by(*clauses))

    def group_by(self, *clauses):
        return self._new(self._stmt.group_by(*clauses))

    def having(self, *criteria):
        return self._new(self._stmt.having(*criteria))

    def join(self, target, onclause=None, isouter=False, full=False):
        q = self._new(self._stmt.join(target, onclause, isouter=isouter, full=full))
        if isinstance(target, (type, AliasedClass)):
            q._joined_entity = target
        elif isinstance(target, _RelationshipComparator):
            q._joined_entity = target._config().mapper.class_
        return q

    def outerjoin(self, target, onclause=None, full=False):
        return self.join(target, onclause, isouter=True, full=full)

    def select_from(self, *froms):
        return self._new(self._stmt.select_from(*froms))

    def options(self, *opts):
        return self._new(self._stmt.options(*opts))

    def limit(self, n):
        return self._new(self._stmt.limit(n))

    def slice(self, start, stop):
        return self._new(self._stmt.limit(max(stop - start, 0)).offset(start))

    def __getitem__(self, item):
        """`query[1:3]` (LIMIT/OFFSET), `query[0]` (the first row), `query[-1]` (all, then the last)."""
        if isinstance(item, slice):
            start, stop = item.start or 0, item.stop
            if start < 0 or (stop is not None and stop < 0):
                return list(self)[item]
            if stop is not None and stop - start <= 0:
                return []
            q = self.slice(start, stop) if stop is not None else self._new(self._stmt.offset(start))
            return list(q)[::item.step]
        if item == -1:
            return list(self)[-1]
        return list(self[item:item + 1])[0]

    def offset(self, n):
        return self._new(self._stmt.offset(n))

    def distinct(self, *exprs):
        return self._new(self._stmt.distinct())

    def with_entities(self, *entities):
        return Query(entities, self.session, self._stmt.with_only_columns(*entities))

    def add_columns(self, *columns):
        return Query(self._entities + columns, self.session, self._stmt.add_columns(*columns))

    def _result(self, stmt=None):
        result = self.session.execute(self._stmt if stmt is None else stmt)
        if getattr(result, "_joined_eager", False):
            result = result.unique()
        return result.scalars() if self._single else result

    def __iter__(self):
        return iter(self._result().all())

    def all(self):
        return self._result().all()

    def first(self):
        return self._result(self._stmt.limit(1)).first()

    def one(self):
        return self._result().one()

    def one_or_none(self):
        return self._result().one_or_none()

    def scalar(self):
        row = self.one_or_none()
        if row is None or self._single:
            return row
        return row[0]

    def get(self, ident):
        import warnings
        warnings.warn(
            "The Query.get() method is considered legacy as of the 1.x series of SQLAlchemy and becomes a legacy "
            "construct in 2.0. The method is now available as Session.get() (deprecated since: 2.0) "
            "(Background on SQLAlchemy 2.0 at: https://sqlalche.me/e/b8d9)",
            _sa.exc.LegacyAPIWarning,
        )
        return self.session.get(self._entities[0], ident)

    def count(self):
        # the entities' columns, deferred ones too, and their column_property() expressions
        counted, _ = _deferral(self._stmt, [], every_column=True)
        stmt = select(_sa.func.count()).select_from(counted.subquery())
        return self.session.execute(stmt).scalar()

    def exists(self):
        """EXISTS (SELECT 1 FROM ... WHERE ...), as Query.exists() writes it."""
        return _sa.exists(self._stmt.with_only_columns(_sa.literal_column("1")).set_label_style(_sa.LABEL_STYLE_DISAMBIGUATE_ONLY))

    def scalar_subquery(self):
        """The query as a scalar subquery (`filter(Emp.salary > q.scalar_subquery())`)."""
        return self._stmt.set_label_style(_sa.LABEL_STYLE_DISAMBIGUATE_ONLY).scalar_subquery()

    as_scalar = scalar_subquery

    def label(self, name):
        return self.scalar_subquery().label(name)

    def subquery(self, name=None, with_labels=False, reduce_columns=False):
        """The query as a derived table: its columns by their own names
        (`table_column` only `with_labels`), as Query.subquery() makes it."""
        style = _sa.LABEL_STYLE_TABLENAME_PLUS_COL if with_labels else _sa.LABEL_STYLE_DISAMBIGUATE_ONLY
        return self._stmt.set_label_style(style).subquery(name)

    def _bulk_target(self):
        if not self._single:
            raise _unsupported("Query.update()/delete() of a query over more than one entity")
        return self._entities[0]

    def delete(self, synchronize_session="auto", delete_args=None):
        """One DELETE of the rows the query matches; its row count."""
        stmt = _sa.delete(self._bulk_target()).where(*self._stmt.where_criteria)
        return self.session.execute(stmt, execution_options={"synchronize_session": synchronize_session}).rowcount

    def update(self, values, synchronize_session="auto", update_args=None):
        """One UPDATE of the rows the query matches; its row count."""
        stmt = _sa.update(self._bulk_target()).where(*self._stmt.where_criteria).values(values)
        return self.session.execute(stmt, execution_options={"synchronize_session": synchronize_session}).rowcount
