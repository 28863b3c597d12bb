# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""`Mapper`: a class's table, columns and properties (SQLAlchemy's
orm/mapper.py). The registry of mappers is in decl_api.py, as SQLAlchemy's is."""


_registries = []


class Mapper(InspectionAttr):
    """A mapped class: its table, column attributes and relationships."""
    memoized_attribute = _sa.HasMemoized.memoized_attribute
    memoized_instancemethod = _sa.HasMemoized.memoized_instancemethod
    logger = _logging.getLogger("sqlalchemy.orm.mapper.Mapper")
    info = _sa._Info()
    is_aliased_class = False
    is_attribute = False
    is_bundle = False
    is_clause_element = False
    is_instance = False
    is_mapper = True
    is_property = False
    is_selectable = False
    allows_lambda = True
    inherit_cache = None
    logging_name = None
    represents_outer_join = False
    uses_inspection = True

    # deferred_group=: attribute key -> its group
    deferred_groups = {}

    def __init__(self, class_, table, attrs, relationships, registry_, inherits=None, shared=()):
        self.class_ = class_
        self.local_table = table
        self.registry = registry_
        # inheritance: the mapper inherited from, the hierarchy's base, the
        # subclasses' mappers; single-table when the table is the parent's
        self.inherits = inherits
        self.base_mapper = inherits.base_mapper if inherits is not None else self
        self.single = inherits is not None and table is inherits.local_table
        self._subclass_mappers = []
        self.polymorphic_on = inherits.polymorphic_on if inherits is not None else None
        self.polymorphic_identity = None
        self.polymorphic_map = inherits.polymorphic_map if inherits is not None else {}
        self.polymorphic_load = None
        self.column_attrs_list = attrs  # [(key, Column)] in table order
        self.column_keys = [k for k, _ in attrs]
        self.attr_index = {k: i for i, (k, _) in enumerate(attrs)}
        self.column_attr_of = {c.name: k for k, c in attrs}
        self._own_relationships = relationships
        # each attribute's columns (joined inheritance: a subclass table's
        # column named as the parent's attribute is that attribute's first)
        self._attr_columns = {k: [c] for k, c in attrs}
        if inherits is not None:
            inherits._subclass_mappers.append(self)
            self._attr_columns.update({k: list(v) for k, v in inherits._attr_columns.items()})
        for k, c in shared:
            self._attr_columns[k] = [c] + self._attr_columns[k]
        if inherits is None:
            self.primary_key = tuple(c for _, c in attrs if c.primary_key)
            self.pk_keys = [k for k, c in attrs if c.primary_key]
            self._tables = [table]
            self.persist_selectable = table
        else:
            self.primary_key = inherits.primary_key
            self.pk_keys = inherits.pk_keys
            self._tables = list(inherits._tables) + ([] if self.single else [table])
            if self.single:
                self.persist_selectable = inherits.persist_selectable
            else:
                self.inherit_condition = _sa.and_(*[
                    col == c for k, c in shared for col in inherits._attr_columns[k] if col.table is inherits.local_table
                ]) if shared else _sa._join_condition(inherits.local_table, table)
                self.persist_selectable = _sa.Join(inherits.persist_selectable, table, self.inherit_condition)
        self.mid = _retort_orm.mapper(
            self._tables[0], [(k, c.name) for k, c in attrs], f"{class_.__module__}.{class_.__name__}", [c for _, c in attrs]
        )
        if inherits is not None:
            _retort_orm.inherit(self.mid, inherits.mid, [
                (t, [next((c.name for c in self._attr_columns[k] if c.table is t), None) for k in self.column_keys])
                for t in self._tables
            ])
        self.configured = False

    @property
    def _relationships(self):
        """The relationships of the class, its parents' first."""
        if self.inherits is None:
            return self._own_relationships
        out = dict(self.inherits._relationships)
        out.update(self._own_relationships)
        return out

    @property
    def tables(self):
        return list(self._tables)

    @property
    def self_and_descendants(self):
        out = [self]
        for m in self._subclass_mappers:
            out.extend(m.self_and_descendants)
        return out

    def iterate_to_root(self):
        m = self
        while m is not None:
            yield m
            m = m.inherits

    def isa(self, other):
        return any(m is other for m in self.iterate_to_root())

    def is_sibling(self, other):
        """Whether `other` is of the same hierarchy, neither inheriting from the other."""
        return self.base_mapper is other.base_mapper and not self.isa(other) and not other.isa(self)

    def polymorphic_iterator(self):
        return iter(self.self_and_descendants)

    @property
    def entity(self):
        return self.class_

    @property
    def mapper(self):
        return self

    @property
    def entity_namespace(self):
        return self.class_

    @property
    def selectable(self):
        """What the mapper selects from: its table (joined inheritance: the join of its tables)."""
        return self.persist_selectable

    @property
    def primary_base_mapper(self):
        return self.base_mapper

    def primary_mapper(self):
        return self

    @property
    def with_polymorphic_mappers(self):
        """The mappers a query of this class loads columns of (with_polymorphic="*": all of them)."""
        return list(self.self_and_descendants) if getattr(self, "_with_polymorphic_arg", None) else []

    @property
    def composites(self):
        return _ReadOnlyProps({})

    @property
    def iterate_properties(self):
        self._configure()
        return iter(self.attrs)

    def has_property(self, key):
        self._configure()
        return key in self.attr_index or key in self._relationships

    def get_property_by_column(self, column):
        """The column attribute of `column` (one of the mapper's table columns)."""
        key = next((k for k, c in self.column_attrs_list if c is column), None)
        if key is None:
            raise UnmappedColumnError(f"No column {column} is configured on mapper {self}...")
        return self.get_property(key)

    def primary_key_from_instance(self, instance):
        return tuple(getattr(instance, k) for k in self.pk_keys)

    def identity_key_from_instance(self, instance):
        return (self.class_, self.primary_key_from_instance(instance), None)

    def identity_key_from_primary_key(self, primary_key, identity_token=None):
        return (self.class_, tuple(primary_key), identity_token)

    def common_parent(self, other):
        return self.base_mapper is other.base_mapper

    @property
    def _select_columns(self):
        """What selecting the class selects: each attribute's columns in turn."""
        return [(k, c) for k in self.column_keys for c in self._attr_columns[k]]

    def _entity_columns(self):
        """The class in a select's columns: its table, the join of its
        tables (joined inheritance), or its columns (single-table)."""
        cols = [c for _, c in self._select_columns]
        table_cols = self.local_table.columns_list
        if self.inherits is None and len(cols) == len(table_cols) and all(a is b for a, b in zip(cols, table_cols)):
            return [self.local_table]
        if self.inherits is None or self.single:
            # (a single-table hierarchy's table holds its subclasses' columns too)
            return cols
        return [_EntityJoin(self.persist_selectable, cols)]

    def _from_clause(self):
        """The class as a FROM item (select_from(), join())."""
        return self.persist_selectable

    def _single_criterion(self):
        """A single-table subclass's rows: `type IN (its identities)`."""
        if not self.single or self.polymorphic_on is None:
            return None
        ids = [m.polymorphic_identity for m in self.self_and_descendants if m.polymorphic_identity is not None]
        return self.polymorphic_on.in_(ids)

    def _mapper_for_row(self, identity):
        """The mapper of a loaded row's discriminator value."""
        if identity is None or self.polymorphic_on is None:
            return self
        m = self.polymorphic_map.get(identity)
        if m is None:
            raise AssertionError(f"No such polymorphic_identity {identity!r} is defined")
        return m if m.isa(self) else self

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
        if self.inherits is not None:
            self.inherits._configure()
        for prop in list(self._own_relationships.values()):
            if prop.lazy == "noload":
                _sa._deprecated(
                    f"The ``noload`` loader strategy {_NOLOAD_DEPRECATED}", "2.1",
                    " (This warning originated from the `configure_mappers()` process, which was invoked automatically in response to a user-initiated operation.)",
                )
            _configure_relationship(self, prop)
        for prop in list(self._own_relationships.values()):
            _link_reverse(self, prop)


class ColumnProperty(MapperProperty):
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


class _EntityJoin(_sa.Join):
    """A joined-inheritance subclass in a select's columns: the join of its
    tables, selecting its attributes' columns in the mapper's order."""

    def __init__(self, join, columns):
        self.__dict__.update(join.__dict__)
        self.columns_list = columns
        self.c = self.columns = _sa.ColumnCollection(columns)
