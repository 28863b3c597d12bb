# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""Declarative scanning: a class body's columns and relationships turned
into a `Mapper` (SQLAlchemy's orm/decl_base.py)."""


def _is_mapped_class(c):
    return isinstance(c, type) and "__mapper__" in c.__dict__


def _mapped_parent(cls):
    """The nearest mapped class `cls` inherits from, if any."""
    for klass in cls.__mro__[1:]:
        if _is_mapped_class(klass):
            return klass
    return None


def _declared_items(cls):
    """(key, annotation, value) of the class, then of its mixins in MRO
    order (the class's own columns come first, as SQLAlchemy orders them);
    what a mapped superclass declares is its own mapper's."""
    seen = {}
    parent = _mapped_parent(cls)
    for klass in cls.__mro__:
        if klass is object or klass is DeclarativeBase or "registry" in klass.__dict__:
            continue
        if parent is not None and issubclass(parent, klass):
            continue
        own = klass.__dict__
        ann = own.get("__annotations__", {})
        # (the class's attributes and annotations merged as SQLAlchemy's
        # `merge_lists_w_ordering` merges them)
        for key in _merge_lists_w_ordering(list(own), list(ann)):
            if key in seen:
                continue
            value = own.get(key, _NO_VALUE)
            if key in ann:
                a = ann[key]
                if isinstance(a, str) or isinstance(a, _MappedAnnotation) or isinstance(value, (MappedColumn, RelationshipProperty, Column, SynonymProperty, _DeferredColumn, _ExpressionProperty)):
                    seen[key] = (a, value, klass is cls)
            elif not key.startswith("__") and isinstance(value, (MappedColumn, RelationshipProperty, Column, declared_attr, SynonymProperty, _DeferredColumn, _ExpressionProperty)):
                seen[key] = (None, value, klass is cls)
    return [(k, a, v) for k, (a, v, _) in seen.items()]


def _merge_lists_w_ordering(a, b):
    """`util.merge_lists_w_ordering`: two lists merged keeping each one's order
    as far as possible (a class's `vars()` and its annotations)."""
    overlap = set(a).intersection(b)
    result = []
    current, other = iter(a), iter(b)
    while True:
        for element in current:
            if element in overlap:
                overlap.discard(element)
                other, current = current, other
                break
            result.append(element)
        else:
            result.extend(other)
            break
    return result


def _copy_column(c):
    new = Column.__new__(Column)
    new.__dict__.update(c.__dict__)
    new.foreign_keys = set()
    for fk in c.foreign_keys:
        f = ForeignKey(fk.target, ondelete=fk.ondelete, onupdate=fk.onupdate, name=fk.name)
        f.parent = new
        new.foreign_keys.add(f)
    new.table = None
    return new


def _own_tablename(cls, parent):
    """`__tablename__` of the class or of a mixin it adds (a subclass
    without one is single-table inheritance)."""
    if parent is None:
        return getattr(cls, "__tablename__", None)
    for klass in cls.__mro__:
        if issubclass(parent, klass):
            break
        if "__tablename__" in klass.__dict__:
            return klass.__dict__["__tablename__"]
    return None


def _map(cls):
    reg = cls.registry
    parent = _mapped_parent(cls)
    tablename = _own_tablename(cls, parent)
    if isinstance(tablename, declared_attr):
        tablename = tablename.fget(cls)
    table = cls.__dict__.get("__table__")
    if tablename is None and table is None and parent is not None:
        return _map_single(cls, parent)
    if tablename is None and table is None:
        raise InvalidRequestError(
            f"Class {cls!r} does not have a __table__ or __tablename__ specified and does not inherit from an existing table-mapped class."
        )
    columns, relationships, synonyms, deferred, expressions, raising = _scan(cls, table is not None)
    if table is None:
        extra = getattr(cls, "__table_args__", ())
        if isinstance(extra, declared_attr):
            extra = extra.fget(cls)
        kw = {}
        if isinstance(extra, dict):
            extra, kw = (), extra
        elif extra and isinstance(extra[-1], dict):
            extra, kw = extra[:-1], extra[-1]
        table = Table(tablename, reg.metadata, *columns, *extra, **kw)
        cls.__table__ = table
    table._sa_mapped = True
    table._sa_class = cls
    attrs = [(c.key if c.key else c.name, c) for c in table.columns_list]
    if parent is not None:
        # joined inheritance: the parent's attributes first, then the table's
        # own (a column named as one of the parent's is that attribute's too)
        pm = parent.__mapper__
        own = [(k, c) for k, c in attrs if k not in pm.attr_index]
        shared = [(k, c) for k, c in attrs if k in pm.attr_index]
        mapper = Mapper(cls, table, pm.column_attrs_list + own, relationships, reg, inherits=pm, shared=shared)
    else:
        mapper = Mapper(cls, table, attrs, relationships, reg)
    _finish_mapping(cls, mapper, synonyms, deferred, expressions, raising, relationships, attrs if parent is None else own + shared)


def _scan(cls, table_given):
    """A class body's mapped items: its columns (none when the class gives
    its `__table__`), relationships, synonyms, deferred keys,
    column_property() expressions and raiseload keys."""
    columns, relationships, synonyms, deferred, expressions, raising = [], {}, {}, set(), [], set()
    type_map = cls.registry.type_annotation_map
    for key, ann, value in _declared_items(cls):
        if isinstance(value, declared_attr):
            value = value.fget(cls)
        if isinstance(value, RelationshipProperty) or (value is _NO_VALUE and ann is not None and _unwrap(ann)[2] is not None):
            if value is _NO_VALUE:
                raise ArgumentError(f"Could not interpret annotation {ann!r} for {cls.__name__}.{key} without relationship()")
            prop = value
            if prop.argument is None and ann is not None:
                prop.argument = _unwrap(ann)[0]
            prop._collection = _unwrap(ann)[2] if ann is not None else None
            origin = getattr(ann, "__origin__", None)
            if origin is WriteOnlyMapped or origin is DynamicMapped:
                # WriteOnlyMapped[X] / DynamicMapped[X]: a collection, loaded in its own way
                prop.lazy = "write_only" if origin is WriteOnlyMapped else "dynamic"
                prop._collection = list
            # Mapped[Child] (no list/set): one object, whatever the direction
            prop._scalar_annotation = ann is not None and prop._collection is None
            if prop.argument is None:
                raise ArgumentError(f"relationship {cls.__name__}.{key} needs a target class or a Mapped[] annotation")
            prop.key = key
            relationships[key] = prop
            continue
        if table_given:
            continue
        if isinstance(value, SynonymProperty):
            value.key = key
            synonyms[key] = value
            continue
        if isinstance(value, _ExpressionProperty):
            value.key = key
            value.label = value.expression.label(None)
            # (how `with_expression(User.attr, ...)` names the attribute)
            value.label._sa_expression_prop = value
            expressions.append(value)
            continue
        if isinstance(value, _DeferredColumn):
            deferred.add(key)
            value = value.column
        if isinstance(value, Column):
            col = value if value.table is None else _copy_column(value)
            if col.name is None:
                col.name = key
            col.key = key
            columns.append(col)
            continue
        mc = value if isinstance(value, MappedColumn) else MappedColumn((), {})
        if mc.deferred:
            deferred.add(key)
        if mc.raiseload:
            raising.add(key)
        args = list(mc.args)
        kw = dict(mc.kw)
        name = args.pop(0) if args and isinstance(args[0], str) else kw.pop("name", key)
        type_ = None
        if args and (isinstance(args[0], TypeEngine) or (isinstance(args[0], type) and issubclass(args[0], TypeEngine))):
            type_ = args.pop(0)
        # (without an annotation a column is nullable, as Column's default)
        optional = ann is None
        if ann is not None:
            python_type, optional, _ = _unwrap(ann)
            if type_ is None:
                type_ = _sql_type(python_type, type_map, key)
        elif type_ is None and not any(isinstance(a, ForeignKey) for a in args):
            raise ArgumentError(f"Python typing annotation is required for attribute '{cls.__name__}.{key}' when primary argument(s) for \"MappedColumn\" construct are None or not present")
        if "nullable" not in kw and not kw.get("primary_key"):
            kw["nullable"] = optional
        col = Column(name, type_, *args, **kw) if type_ is not None else Column(name, *args, **kw)
        if "_early" in mc.__dict__:
            col = _adopt(mc._early, col)
        col.key = key
        col._deferred_group = mc.group
        mc._column = col
        columns.append(col)
    return columns, relationships, synonyms, deferred, expressions, raising


def _map_single(cls, parent):
    """Single-table inheritance: the class's columns join its parent's
    table, its attributes follow the parent's."""
    pm = parent.__mapper__
    table = pm.local_table
    columns, relationships, synonyms, deferred, expressions, raising = _scan(cls, False)
    own = []
    for col in columns:
        existing = next((c for c in table.columns_list if c.name == col.name), None)
        if existing is None:
            table.append_column(col)
        own.append((col.key, existing if existing is not None else col))
    mapper = Mapper(cls, table, pm.column_attrs_list + own, relationships, cls.registry, inherits=pm)
    _finish_mapping(cls, mapper, synonyms, deferred, expressions, raising, relationships, own)


def _finish_mapping(cls, mapper, synonyms, deferred, expressions, raising, relationships, own):
    reg = cls.registry
    attrs = mapper.column_attrs_list
    _mapper_args(cls, mapper)
    inherited = mapper.inherits
    mapper.synonyms = dict(inherited.synonyms, **synonyms) if inherited else synonyms
    mapper.deferred_keys = {k for k, c in attrs if k in deferred} | {p.key for p in expressions if p.deferred}
    # deferred_group=: the deferred columns that load together
    mapper.deferred_groups = {k: c._deferred_group for k, c in attrs if getattr(c, "_deferred_group", None) is not None}
    if inherited:
        mapper.deferred_keys |= inherited.deferred_keys
        expressions = inherited.expressions + expressions
        raising = inherited.raise_keys | raising
    # column_property() expressions, selected before the table's columns (as SQLAlchemy orders its properties)
    mapper.expressions = expressions
    # deferred columns that raise instead of loading (deferred_raiseload=True)
    mapper.raise_keys = raising
    mapper.expression_keys = [p.key for p in expressions]
    mapper.validators = {}
    for klass in reversed(cls.__mro__):
        for fn in klass.__dict__.values():
            marker = getattr(fn, "__sa_validators__", None)
            if marker is not None:
                for name in marker[0]:
                    mapper.validators[name] = (fn, marker[1])
    cls.__mapper__ = mapper
    reg.mappers.append(mapper)
    reg._class_registry[cls.__name__] = cls
    for key, c in own:
        setattr(cls, key, _ColumnAttribute(key, mapper.attr_index[key], c))
        c._sa_attribute_of = (id(cls), key)
    for key, prop in relationships.items():
        prop.parent = mapper
        setattr(cls, key, _RelationshipAttribute(prop))
    for prop in expressions:
        setattr(cls, prop.key, _ExpressionAttribute(prop))
    reg._configured = False


def _mapper_args(cls, mapper):
    """`__mapper_args__`: `version_id_col` and `eager_defaults` (False, or
    True/"auto": an INSERT fetches what the database filled in by RETURNING,
    which Retort's flush does either way; True fetching an UPDATE's server
    onupdate values is refused)."""
    args = getattr(cls, "__mapper_args__", None) or {}
    if isinstance(args, declared_attr):
        args = args.fget(cls)
    for key, value in args.items():
        if key == "version_id_col":
            if isinstance(value, MappedColumn):
                value = value.__clause_element__()
            key_of = {id(c): k for k, c in mapper.column_attrs_list}
            if id(value) not in key_of:
                raise ArgumentError(f"version_id_col {value!r} is not a column of {cls.__name__}'s table")
            _retort_orm.version_column(mapper.mid, mapper.attr_index[key_of[id(value)]])
        elif key == "polymorphic_on":
            if isinstance(value, str):
                value = mapper._attr_columns[value][0] if value in mapper._attr_columns else mapper.local_table.c[value]
            elif hasattr(value, "__clause_element__"):
                value = value.__clause_element__()
            mapper.polymorphic_on = value
        elif key == "polymorphic_identity":
            mapper.polymorphic_identity = value
            mapper.polymorphic_map[value] = mapper
        elif key == "polymorphic_load":
            if value not in ("selectin", "inline", None):
                raise ArgumentError(f"Unknown polymorphic_load {value!r}")
            mapper.polymorphic_load = value
        elif key == "with_polymorphic":
            mapper._with_polymorphic_arg = value
        elif key == "polymorphic_abstract":
            mapper.polymorphic_abstract = bool(value)
        elif key == "eager_defaults":
            if value is True and any(getattr(c, "server_onupdate", None) is not None for c in cls.__table__.columns_list):
                raise _unsupported("__mapper_args__ eager_defaults=True with server_onupdate columns")
        else:
            raise _unsupported(f"__mapper_args__ {key!r}")


class _SameDecorator:
    """`declared_attr.directive` / `.cascading`: the decorator itself (for typing in SQLAlchemy)."""

    def __get__(self, obj, owner=None):
        return owner if obj is None else type(obj)


class declared_attr:
    def __init__(self, fget):
        self.fget = fget

    def __get__(self, obj, owner=None):
        return self.fget(owner)

    directive = _SameDecorator()
    cascading = _SameDecorator()


# ---------------------------------------------------------------- instrumentation
