# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""`select(User).from_statement(stmt)`: ORM objects loaded from the rows of
another statement — text, a TextualSelect, a SELECT or a UNION — by the
names of its columns (SQLAlchemy's orm/context.py `FromStatement`)."""


class FromStatement(_sa.Executable):
    """Runs `element` as it is; each row's columns named after the entity's
    mapped columns become its object."""

    __visit_name__ = "orm_from_statement"

    def __init__(self, entities, element, options=()):
        if len(entities) != 1 or not isinstance(entities[0][1], type):
            raise _unsupported("from_statement() of a select() of other than one mapped class")
        self._orm_entities = entities
        self.element = element
        self._with_options = list(options)
        self._execution_options = dict(getattr(element, "_execution_options", {}))

    def options(self, *options):
        return FromStatement(self._orm_entities, self.element, self._with_options + list(options))

    def execution_options(self, **kw):
        new = FromStatement(self._orm_entities, self.element, self._with_options)
        new._execution_options = {**self._execution_options, **kw}
        return new

    def __str__(self):
        return str(self.element)

    @property
    def selected_columns(self):
        return self.element.selected_columns


def _from_statement(self, statement):
    """`Select.from_statement`: this select's entity, loaded from `statement`'s rows."""
    if isinstance(statement, str):
        raise ArgumentError("Textual SQL expression should be explicitly declared as text()")
    entities = self._orm_entities
    if len(entities) != 1 or len(self.columns) != len(_sa._column_args([entities[0][1]])):
        raise _unsupported("from_statement() of a select() of other than one mapped class")
    return FromStatement(self._orm_entities, statement, getattr(self, "_with_options", ()))


_sa.Select.from_statement = _from_statement


class _SessionFromStatement:
    """A mixin of `Session`: the objects of a `FromStatement`'s rows."""

    def _from_statement_rows(self, statement, result, populate, expressions=()):
        """Each row's values for the entity's mapped columns (by column name)
        become its object; `expressions`: (attribute, result index) pairs
        `with_expression()` fills."""
        (_, cls), = statement._orm_entities
        mapper = cls.__mapper__
        picks, seen = [], set()
        for i, name in enumerate(result._keys):
            key = mapper.column_attr_of.get(name)
            if key is not None and key not in seen:
                seen.add(key)
                picks.append((key, i))
        keys = _Keys(k for k, _ in picks)
        rows = []
        for r in result._rows[result._pos:]:
            obj = self._load_entity(mapper, tuple(r[i] for _, i in picks), keys, populate)
            for attr, i in expressions:
                if obj is not None:
                    obj.__dict__[attr] = r[i]
            rows.append((obj,))
        return _sa.Result([cls.__name__], rows)
