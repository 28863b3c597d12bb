# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""`column_property()`, `synonym()`, `deferred()`, `with_parent()`,
`validates()` (SQLAlchemy's orm/_orm_constructors.py)."""


def column_property(*columns, deferred=False, **kw):
    import warnings
    for arg in ("init", "default", "default_factory", "kw_only"):
        if arg in kw:
            warnings.warn(
                f"The column_property.{arg} parameter is deprecated for column_property().  This parameter applies to a writeable-attribute in a Declarative Dataclasses configuration only, and column_property() is treated as a read-only attribute in this context.",
                _sa.exc.SADeprecationWarning,
                stacklevel=2,
            )
    dataclass_options = {k: kw.pop(k) for k in _DATACLASS_OPTIONS if k in kw}
    made = _column_property(columns, deferred, kw)
    made._dataclass = dataclass_options
    return made


def _column_property(columns, deferred, kw):
    if len(columns) != 1 or any(v not in (None, False, True) for v in kw.values()) or kw.get("group") or kw.get("raiseload"):
        raise _unsupported("column_property() of several columns or with group/raiseload/comparator_factory")
    if kw.get("expire_on_flush") is False or kw.get("active_history"):
        raise _unsupported("column_property(expire_on_flush=False / active_history=True)")
    c = columns[0]
    if isinstance(c, MappedColumn):
        c = c.__clause_element__()
    if isinstance(c, Column):
        if deferred:
            return _DeferredColumn(c)
        return c
    if hasattr(c, "__clause_element__"):
        c = c.__clause_element__()
    return _ExpressionProperty(c, deferred)


def query_expression(default_expr=None, *, repr=True, compare=False, expire_on_flush=True, info=None, doc=None):
    """An attribute a query fills with `with_expression()`: None otherwise,
    or (`default_expr`) that expression's value, loaded with its object."""
    prop = _ExpressionProperty(default_expr if default_expr is not None else _sa.null(), default_expr is None)
    prop.query_expression = True
    return prop


def synonym(name, **kw):
    return SynonymProperty(name, **kw)


def deferred(*columns, **kw):
    if len(columns) != 1 or not isinstance(columns[0], Column) or any(kw.values()):
        raise _unsupported("deferred() of several columns, an expression, or with group/raiseload")
    return _DeferredColumn(columns[0])


def with_parent(instance, prop, from_entity=None):
    """The criteria that select `instance`'s related objects along `prop` (as its lazy load does)."""
    if from_entity is not None:
        raise _unsupported("with_parent(..., from_entity=...)")
    if not isinstance(prop, _RelationshipComparator):
        raise ArgumentError(f"Expected relationship property for with_parent(), got {prop!r}")
    prop.prop.parent._configure()
    return and_(*_lazy_criteria(instance, prop.prop))


def validates(*names, include_removes=False, include_backrefs=True):
    """`@validates("email")`: the method sees (and may change or refuse) each value set."""

    def wrap(fn):
        fn.__sa_validators__ = (names, include_removes)
        return fn

    return wrap


def _validator(obj, key):
    v = type(obj).__mapper__.validators.get(key)
    return v


# ---------------------------------------------------------------- the playground's view
