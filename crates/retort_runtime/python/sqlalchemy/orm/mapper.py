# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""`Mapper`: a class's table, columns and properties (SQLAlchemy's
orm/mapper.py). The registry of mappers is in decl_api.py, as SQLAlchemy's is."""


_registries = []


class Mapper:
    """A mapped class: its table, column attributes and relationships."""

    def __init__(self, class_, table, attrs, relationships, registry_):
        self.class_ = class_
        self.local_table = table
        self.persist_selectable = table
        self.registry = registry_
        self.column_attrs_list = attrs  # [(key, Column)] in table order
        self.column_keys = [k for k, _ in attrs]
        self.attr_index = {k: i for i, (k, _) in enumerate(attrs)}
        self.column_attr_of = {c.name: k for k, c in attrs}
        self._relationships = relationships
        self.primary_key = tuple(c for _, c in attrs if c.primary_key)
        self.pk_keys = [k for k, c in attrs if c.primary_key]
        self.mid = _retort_orm.mapper(
            table, [(k, c.name) for k, c in attrs], f"{class_.__module__}.{class_.__name__}", [c for _, c in attrs]
        )
        self.configured = False

    def __repr__(self):
        return f"<Mapper at 0x{id(self):x}; {self.class_.__name__}>"

    def __str__(self):
        return f"Mapper[{self.class_.__name__}({self.local_table.name})]"

    @property
    def columns(self):
        return _sa.ColumnCollection([c for _, c in self.column_attrs_list])

    c = columns

    @property
    def relationships(self):
        self._configure()
        return _ReadOnlyProps(self._relationships)

    @property
    def attrs(self):
        self._configure()
        props = {}
        for k, c in self.column_attrs_list:
            props[k] = ColumnProperty(k, c, self)
        props.update({p.key: p for p in self.expressions})
        props.update(self._relationships)
        props.update(self.synonyms)
        return _ReadOnlyProps(props)

    @property
    def column_attrs(self):
        props = {p.key: p for p in self.expressions}
        props.update({k: ColumnProperty(k, c, self) for k, c in self.column_attrs_list})
        return _ReadOnlyProps(props)

    @property
    def tables(self):
        return [self.local_table]

    def _selectable(self, key):
        """What the ORM selects for an attribute: its column, or a column_property()'s labelled expression."""
        if key in self.attr_index:
            return self.column_attrs_list[self.attr_index[key]][1]
        return next(p.label for p in self.expressions if p.key == key)

    def get_property(self, key):
        self._configure()
        if key in self._relationships:
            return self._relationships[key]
        if key in self.attr_index:
            return ColumnProperty(key, self.column_attrs_list[self.attr_index[key]][1], self)
        raise InvalidRequestError(f"Mapper '{self}' has no property '{key}'.  If this property was indicated from other mappers or configure events, ensure registry.configure() has been called.")

    def _configure(self):
        if self.configured:
            return
        self.configured = True
        for prop in list(self._relationships.values()):
            if prop.lazy == "noload":
                _sa._deprecated(
                    f"The ``noload`` loader strategy {_NOLOAD_DEPRECATED}", "2.1",
                    " (This warning originated from the `configure_mappers()` process, which was invoked automatically in response to a user-initiated operation.)",
                )
            _configure_relationship(self, prop)
        for prop in list(self._relationships.values()):
            _link_reverse(self, prop)


class ColumnProperty:
    def __init__(self, key, column, parent):
        self.key = key
        self.columns = [column]
        self.expression = column
        self.parent = parent

    def __repr__(self):
        return f"{self.parent.class_.__name__}.{self.key}"


class _ReadOnlyProps:
    def __init__(self, props):
        self._props = props

    def __getattr__(self, key):
        try:
            return self._props[key]
        except KeyError:
            raise AttributeError(key)

    def __getitem__(self, key):
        return self._props[key]

    def __iter__(self):
        return iter(self._props.values())

    def __len__(self):
        return len(self._props)

    def __contains__(self, key):
        return key in self._props

    def keys(self):
        return list(self._props.keys())

    def values(self):
        return list(self._props.values())

    def items(self):
        return list(self._props.items())


def _all_mappers(reg):
    for m in reg.mappers:
        m._configure()


def _resolve_class(mapper, prop):
    arg = prop.argument
    if callable(arg) and not isinstance(arg, type):
        arg = arg()
    name = _target_name(arg) if not isinstance(arg, type) else None
    if name is not None:
        cls = mapper.registry._class_registry.get(name)
        if cls is None:
            raise InvalidRequestError(
                f"When initializing mapper {mapper}, expression '{name}' failed to locate a name ('{name}'). "
                f"If this is a class name, consider adding this relationship() to the {mapper.class_!r} class after "
                "both dependent classes have been defined."
            )
        return cls
    return arg
