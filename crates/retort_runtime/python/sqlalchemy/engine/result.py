# Part of sqlalchemy: its names live in that package's namespace (see __init__.py).
"""`Row`, `RowMapping` and `Result` (SQLAlchemy's engine/result.py and
engine/row.py)."""


class Row(tuple):
    def __new__(cls, values, keys):
        row = tuple.__new__(cls, values)
        row._keys = keys
        return row

    def __getattr__(self, name):
        keys = tuple.__getattribute__(self, "_keys")
        if name in keys:
            return self[keys.index(name)]
        raise AttributeError(name)

    @property
    def _fields(self):
        return tuple(self._keys)

    # "count" and "index" name a column when the row has one (`row.count` of
    # `func.count().label("count")`), else they are the tuple methods
    @property
    def count(self):
        keys = tuple.__getattribute__(self, "_keys")
        if "count" in keys:
            return self[keys.index("count")]
        return lambda *a: tuple.count(self, *a)

    @property
    def index(self):
        keys = tuple.__getattribute__(self, "_keys")
        if "index" in keys:
            return self[keys.index("index")]
        return lambda *a: tuple.index(self, *a)

    @property
    def _mapping(self):
        return RowMapping(zip(self._keys, self))

    def _asdict(self):
        return dict(zip(self._keys, self))

    # (deprecated in 2.1: a Row is a tuple already; each returns the row itself)
    def _tuple(self):
        _deprecated("The Row._tuple() method is deprecated, Row now behaves like a tuple and can unpack types directly.", "2.1.0")
        return self

    @property
    def _t(self):
        _deprecated("The Row._t attribute is deprecated, Row now behaves like a tuple and can unpack types directly.", "2.1.0")
        return self

    @property
    def t(self):
        _deprecated("The Row.t attribute is deprecated in favor of Row._t; all Row methods and library-level attributes "
            "are intended to be underscored to avoid name conflicts.  Please use Row._t.", "2.0.19")
        return self

    def tuple(self):
        _deprecated("The Row.tuple() method is deprecated in favor of Row._tuple(); all Row methods and library-level "
            "attributes are intended to be underscored to avoid name conflicts.  Please use Row._tuple().", "2.0.19")
        return self


class RowMapping(dict):
    def __repr__(self):
        return "{" + ", ".join(f"{k!r}: {v!r}" for k, v in self.items()) + "}"


class Result:
    memoized_attribute = HasMemoized.memoized_attribute
    memoized_instancemethod = HasMemoized.memoized_instancemethod
    # what every result starts with (set on the class: an INSERT in a loop makes many results)
    _pos = 0
    _yield_per = None
    _scalars = False
    _mappings = False
    _closed = False
    _inserted_primary_key = None
    # rows of joined eager loads against collections: fetched only through unique()
    _require_unique = False

    def __init__(self, keys, rows, rowcount=-1, lastrowid=None, returns_rows=True):
        # (`_retort_sql` makes a result without rows by setting these five itself)
        self._keys = keys
        self._rows = [Row(r, keys) for r in rows] if rows else []
        self.rowcount = rowcount
        self.lastrowid = lastrowid
        self.returns_rows = returns_rows

    def keys(self):
        return RMKeyView(self._keys)

    def tuples(self):
        """The same result, typed as tuples (rows are tuples already)."""
        _deprecated("The Result.tuples method is deprecated, Row now behaves like a tuple and can unpack types directly.", "2.1.0")
        return self

    @property
    def t(self):
        _deprecated("The Result.t method is deprecated, Row now behaves like a tuple and can unpack types directly.", "2.1.0")
        return self

    def _take_all(self, unique_filter=True):
        """The rows left (`unique_filter`: through the unique filter, which
        first() and scalar() do not apply)."""
        if not self.returns_rows:
            raise ResourceClosedError("This result object does not return rows. It has been closed automatically.")
        if self._closed:
            raise ResourceClosedError("This result object is closed.")
        rows = self._rows[self._pos:]
        self._pos = len(self._rows)
        if unique_filter:
            self._check_unique(rows)
        return rows

    def _check_unique(self, rows):
        """loading.py's `require_unique`: the unique filter of a result that needs unique()."""
        if self._require_unique and rows:
            raise InvalidRequestError(
                "The unique() method must be invoked on this Result, as it contains results that include "
                "joined eager loads against collections"
            )

    def _out(self, row):
        if self._scalars:
            return row[0]
        if self._mappings:
            return row._mapping
        return row

    def __iter__(self):
        for row in self._take_all():
            yield self._out(row)

    def all(self):
        return [self._out(r) for r in self._take_all()]

    fetchall = all

    def fetchone(self):
        if self._pos < len(self._rows):
            row = self._rows[self._pos]
            self._check_unique([row])
            self._pos += 1
            return self._out(row)
        return None

    def fetchmany(self, size=1):
        rows = self._rows[self._pos:self._pos + size]
        self._check_unique(rows)
        self._pos += len(rows)
        return [self._out(r) for r in rows]

    def first(self):
        rows = self._take_all(unique_filter=False)
        return self._out(rows[0]) if rows else None

    def one(self):
        rows = self._take_all()
        if not rows:
            raise NoResultFound("No row was found when one was required")
        if len(rows) > 1:
            raise MultipleResultsFound("Multiple rows were found when exactly one was required")
        return self._out(rows[0])

    def one_or_none(self):
        rows = self._take_all()
        if len(rows) > 1:
            raise MultipleResultsFound("Multiple rows were found when one or none was required")
        return self._out(rows[0]) if rows else None

    def scalar(self):
        rows = self._take_all(unique_filter=False)
        return rows[0][0] if rows else None

    def scalar_one(self):
        return self.scalars().one()

    def scalar_one_or_none(self):
        return self.scalars().one_or_none()

    def _clone(self, cls=None):
        """A result over the same rows and position (scalars(), mappings()...),
        of `cls` (the same class unless said)."""
        cls = cls or type(self)
        new = cls.__new__(cls)
        new.__dict__.update(self.__dict__)
        return new

    def scalars(self, index=0):
        new = self._clone(ScalarResult)
        if index:
            new._rows = [Row((r[index],), self._keys[index:index + 1]) for r in self._rows]
        new._scalars = True
        return new

    def yield_per(self, num):
        """Rows fetched `num` at a time (the size `partitions()` uses); the
        same result back. (Retort has them all at once: it is the size alone.)"""
        self._yield_per = num
        return self

    def partitions(self, size=None):
        rows = self._take_all()
        # the yield_per execution option's size, else a row at a time (the DBAPI cursor's arraysize)
        size = size or self._yield_per or 1
        for i in range(0, len(rows), size):
            yield [self._out(r) for r in rows[i:i + size]]

    def unique(self, strategy=None):
        new = self._clone()
        seen = set()
        kept = []
        # (a mapped object counts by identity, as the ORM's unique filters hash them by id())
        ident = lambda v: ("id", id(v)) if hasattr(type(v), "__mapper__") else v
        for r in self._rows[self._pos:]:
            key = ident(r[0]) if self._scalars else tuple(ident(v) for v in r)
            if key not in seen:
                seen.add(key)
                kept.append(r)
        new._rows = kept
        new._pos = 0
        new._require_unique = False
        return new

    def columns(self, *names):
        new = self._clone()
        idx = [n if isinstance(n, int) else self._keys.index(n if isinstance(n, str) else n.key) for n in names]
        keys = [self._keys[i] for i in idx]
        new._keys = keys
        new._rows = [Row([r[i] for i in idx], keys) for r in self._rows[self._pos:]]
        new._pos = 0
        return new

    def mappings(self):
        new = self._clone(MappingResult)
        new._mappings = True
        return new

    def close(self):
        self._closed = True

    @property
    def closed(self):
        """Whether close() was called (a result read to its end is not closed)."""
        return self._closed

    def freeze(self):
        """The rows left, kept: calling the FrozenResult makes a new Result of them."""
        return FrozenResult(self)

    def merge(self, *others):
        """One result of this one's rows left, then each other's."""
        new = self._clone()
        new._rows = [r for res in (self,) + others for r in res._take_all()]
        new._pos = 0
        return new

    @property
    def inserted_primary_key(self):
        if self._inserted_primary_key is None:
            raise InvalidRequestError("Statement is not an insert() expression construct.")
        if isinstance(self._inserted_primary_key, tuple):
            # worked out when first asked for (most INSERTs never are)
            statement, parameters = self._inserted_primary_key
            self._inserted_primary_key = _inserted_pk(statement, parameters, self)
        return self._inserted_primary_key


class FilterResult:
    """A result that hands out something else than rows (SQLAlchemy's engine/result.py)."""


class ScalarResult(Result, FilterResult):
    """`result.scalars()`: the first column of each row."""


class MappingResult(Result, FilterResult):
    """`result.mappings()`: each row as a dictionary."""


class TupleResult(Result, FilterResult):
    """A result typed as tuples."""


class FrozenResult:
    """`Result.freeze()`: rows kept to make results from, again and again."""

    def __init__(self, result):
        self._keys = result._keys
        self.data = [Row(tuple(r), result._keys) for r in result._take_all()]

    def rewrite_rows(self):
        return [list(row) for row in self.data]

    def __call__(self):
        return Result(self._keys, [tuple(r) for r in self.data])


class RMKeyView:
    def __init__(self, keys):
        self._keys = list(keys)

    def __iter__(self):
        return iter(self._keys)

    def __len__(self):
        return len(self._keys)

    def __contains__(self, k):
        return k in self._keys

    def __repr__(self):
        return f"RMKeyView({self._keys!r})"


class CursorResult(Result):
    """What a Connection's execute() gives (SQLAlchemy's engine/cursor.py)."""

    __module__ = "sqlalchemy.engine.cursor"


# ------------------------------------------------------ engines, connections


# (SQLAlchemy 1.x's name for it, kept as an alias)
ResultProxy = CursorResult
