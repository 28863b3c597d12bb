# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""`relationship()`: cascades, join conditions, directions, string
arguments resolved late, and the class-level comparator
(SQLAlchemy's orm/relationships.py)."""


_CASCADE_ALL = ["save-update", "merge", "refresh-expire", "expunge", "delete"]


def _parse_cascade(text):
    out = []
    for part in (text or "").replace(" ", "").split(","):
        if not part:
            continue
        names = _CASCADE_ALL if part == "all" else [part]
        for n in names:
            if n not in out:
                out.append(n)
    return out


class RelationshipProperty(MapperProperty):
    is_aliased_class = False
    is_attribute = False
    is_bundle = False
    is_clause_element = False
    is_instance = False
    is_mapper = False
    is_property = True
    is_selectable = False
    inherit_cache = True
    logging_name = None
    strategy_wildcard_key = "relationship"
    info = _sa._Info()
    logger = _logging.getLogger("sqlalchemy.orm.relationships.RelationshipProperty")

    @property
    def class_attribute(self):
        """The attribute of the class (`Parent.children`)."""
        return getattr(self.parent.class_, self.key)

    def __init__(
        self,
        argument=None,
        secondary=None,
        *,
        back_populates=None,
        backref=None,
        cascade="save-update, merge",
        uselist=None,
        lazy="select",
        order_by=False,
        primaryjoin=None,
        secondaryjoin=None,
        foreign_keys=None,
        remote_side=None,
        viewonly=False,
        passive_deletes=False,
        post_update=False,
        collection_class=None,
        innerjoin=False,
        **kw,
    ):
        self.argument = argument
        self.secondary = secondary
        self.back_populates = back_populates
        self.backref = backref
        self.cascade = _parse_cascade(cascade)
        self.uselist = uselist
        self.lazy = lazy
        self.order_by = order_by
        self.remote_side = remote_side
        self.viewonly = viewonly
        self.passive_deletes = passive_deletes
        self.collection_class = collection_class
        # a joined eager load of it uses an inner JOIN
        self.innerjoin = innerjoin
        self._dataclass = {k: kw.pop(k) for k in _DATACLASS_OPTIONS if k in kw}
        self.doc = kw.pop("doc", None)
        if "info" in kw:
            self.info = kw.pop("info")
        self.single_parent = kw.pop("single_parent", False)
        _check_other_arguments(kw)
        self.primaryjoin = primaryjoin
        self.secondaryjoin = secondaryjoin
        self.foreign_keys = foreign_keys
        if secondary is not None and (primaryjoin is not None) != (secondaryjoin is not None):
            raise _unsupported("a many-to-many relationship with primaryjoin= but not secondaryjoin= (or the other way)")
        self.post_update = post_update
        if lazy not in ("select", True, "raise", "raise_on_sql", "noload", "dynamic", "write_only", "selectin", "joined", "immediate", "subquery"):
            raise _unsupported(f"relationship(lazy={lazy!r})")
        self.key = None
        self.parent = None
        self.mapper = None
        self.reverse = None
        self.configured = False
        self.index = None

    def __repr__(self):
        return f"<_RelationshipDeclared at 0x{id(self):x}; no key>" if self.key is None else f"{self.parent.class_.__name__}.{self.key}"


def _sa_warn(message):
    """`util.warn`: an SAWarning, pointing at the script's line."""
    import warnings
    warnings.warn(message, _sa.exc.SAWarning)


# relationship()'s other arguments: those whose value here changes nothing
# Retort does, and the value each must have for that (another is refused)
_INERT_ARGUMENTS = {
    "overlaps": None, "bake_queries": None, "omit_join": None, "enable_typechecks": True, "distinct_target_key": None,
    "cascade_backrefs": False, "query_class": None, "sync_backref": None, "passive_updates": True,
    "active_history": False, "load_on_pending": False, "join_depth": None, "comparator_factory": None,
    "dataclass_metadata": None,
}
# (any value of these is inert: overlaps= only silences a warning Retort does not give)
_ANY_VALUE = ("overlaps", "bake_queries", "query_class", "dataclass_metadata")


def _check_other_arguments(kw):
    for name, value in kw.items():
        if name not in _INERT_ARGUMENTS:
            raise TypeError(f"RelationshipProperty.__init__() got an unexpected keyword argument '{name}'")
        if name not in _ANY_VALUE and value != _INERT_ARGUMENTS[name] and not (name == "cascade_backrefs" and value is None):
            raise _unsupported(f"relationship({name}={value!r})")


def relationship(argument=None, secondary=None, **kw):
    return RelationshipProperty(argument, secondary, **kw)


# (SQLAlchemy 2's name for what relationship() makes)
Relationship = RelationshipProperty


def dynamic_loader(argument=None, **kw):
    """`relationship(argument, lazy="dynamic", ...)`."""
    return relationship(argument, lazy="dynamic", **kw)


def backref(name, **kwargs):
    return (name, kwargs)


# ---------------------------------------------------------------- the registry and mappers


def _fk_pairs(from_table, to_table):
    """(referenced column, foreign key column) pairs of `from_table`'s foreign keys to `to_table`."""
    pairs = []
    for c in from_table.columns_list:
        for fk in c.foreign_keys:
            if _sa._fk_target_table(fk) == to_table.name:
                pairs.append((to_table.c[fk.target.rsplit(".", 1)[-1]], c))
    return pairs


def _resolve_columns(mapper, arg):
    """`foreign_keys=`: columns, mapped_column()s, or text naming them
    (`"User.billing_address_id"`, `"[A.x, A.y]"`)."""
    if isinstance(arg, str):
        arg = _resolve_text(mapper, arg)
    if not isinstance(arg, (list, tuple, set)):
        arg = [arg]
    out = []
    for a in arg:
        c = _resolve_expr(mapper, a) if isinstance(a, str) else a
        if isinstance(c, MappedColumn):
            c = c.__clause_element__()
        if not isinstance(c, Column):
            raise _unsupported(f"relationship(foreign_keys=...) of {a!r} (only columns)")
        out.append(c)
    return out


def _as_written(flipped, i, side, secondary_column):
    """Pair `i` of a many-to-many's join condition as `==` in the order it
    was written (`flipped`: secondary column first; see `_join_pairs`)."""
    if i < len(flipped) and flipped[i]:
        return secondary_column == side
    return side == secondary_column


def _join_pairs(expr, table, secondary, where):
    """A primaryjoin/secondaryjoin of column equalities between `table` and
    the `secondary` table: its (table column, secondary column) pairs, and
    for each whether it was written secondary column first (SQL keeps the
    order it was written in)."""
    if callable(expr) and not isinstance(expr, _sa.ClauseElement):
        expr = expr()
    if isinstance(expr, str):
        raise _unsupported(f"relationship {where} with a join condition given as text (give the expression itself)")
    clauses = expr.clauses if isinstance(expr, _sa.BooleanClauseList) and expr.__visit_name__ == "and" else [expr]
    pairs, flipped = [], []
    for c in clauses:
        if not (isinstance(c, _sa.BinaryExpression) and c.operator == "eq" and isinstance(c.left, Column) and isinstance(c.right, Column)):
            raise _unsupported(f"relationship {where} with a join condition other than column equalities")
        a, b = (c.left, c.right) if c.right.table is secondary else (c.right, c.left)
        if b.table is not secondary or a.table is not table:
            raise _unsupported(f"relationship {where} with a join condition between other tables")
        pairs.append((a, b))
        flipped.append(c.left is b)
    return pairs, flipped


def _annotated(expr, what):
    """`foreign()`/`remote()`: a copy of the column marked for the join condition."""
    c = expr.__clause_element__() if isinstance(expr, MappedColumn) else expr
    if not isinstance(c, Column):
        raise _unsupported(f"{what}() of {expr!r} (only columns)")
    new = Column.__new__(Column)
    new.__dict__.update(c.__dict__)
    new._annotated_of = getattr(c, "_annotated_of", c)
    new._annotations = getattr(c, "_annotations", frozenset()) | {what}
    return new


def foreign(expr):
    return _annotated(expr, "foreign")


def remote(expr):
    return _annotated(expr, "remote")


def _plain_column(c):
    return getattr(c, "_annotated_of", c)


def _references(fk_col, other):
    return any(_sa._fk_target_table(fk) == other.table.name and fk.target.rsplit(".", 1)[-1] == other.name for fk in fk_col.foreign_keys)


def _configure_primaryjoin(mapper, prop, chosen, where):
    """`primaryjoin=` of a one-to-many or many-to-one: its column equalities
    between the two tables are the pairs (the foreign side marked by
    `foreign()`, `foreign_keys=` or the columns' ForeignKey), which give the
    direction; other terms are extra criteria. `prop._terms` keeps every
    term in the order written, for the SQL."""
    expr = prop.primaryjoin
    if isinstance(expr, str):
        expr = _resolve_text(mapper, expr)
    elif callable(expr) and not isinstance(expr, _sa.ClauseElement):
        expr = expr()
    prop._primaryjoin = expr
    parent_table, target_table = mapper.local_table, prop.mapper.local_table
    self_ref = parent_table is target_table
    clauses = expr.clauses if isinstance(expr, _sa.BooleanClauseList) and expr.__visit_name__ == "and" else [expr]

    def joins_sides(c):
        if not (isinstance(c, _sa.BinaryExpression) and c.operator == "eq" and isinstance(c.left, Column) and isinstance(c.right, Column)):
            return False
        lt, rt = _plain_column(c.left).table, _plain_column(c.right).table
        return (lt is parent_table and rt is target_table) or (lt is target_table and rt is parent_table)

    equalities = [c for c in clauses if joins_sides(c)]
    annotated = any("foreign" in getattr(col, "_annotations", ()) for c in equalities for col in (c.left, c.right))

    def is_foreign(col, other):
        if annotated:
            return "foreign" in getattr(col, "_annotations", ())
        if chosen is not None:
            return any(_plain_column(col) is c for c in chosen)
        return _references(_plain_column(col), _plain_column(other))

    remote_side = prop.remote_side
    remote_side = list(remote_side) if isinstance(remote_side, (list, tuple, set)) else ([remote_side] if remote_side is not None else [])
    remote_side = [_plain_column(r) for r in remote_side]
    pairs, terms, directions = [], [], set()
    for c in clauses:
        if not any(c is e for e in equalities):
            terms.append(c)
            continue
        left_fk, right_fk = is_foreign(c.left, c.right), is_foreign(c.right, c.left)
        if not left_fk and not right_fk:
            raise ArgumentError(
                f"Could not locate any relevant foreign key columns for primary join condition '{expr}' on relationship {where}.  "
                "Ensure that referencing columns are associated with a ForeignKey or ForeignKeyConstraint, or are annotated "
                "in the join condition with the foreign() annotation."
            )
        if left_fk and right_fk:
            raise ArgumentError(
                f"Could not determine the relationship direction for primaryjoin condition '{expr}', on relationship {where}. "
                "Ensure that the referencing Column objects have a ForeignKey present, or are otherwise part of a "
                "ForeignKeyConstraint on their parent Table, or specify the foreign_keys parameter to this relationship."
            )
        fk, ref = (c.left, c.right) if left_fk else (c.right, c.left)
        if self_ref:
            marked_remote = [col for col in (c.left, c.right) if "remote" in getattr(col, "_annotations", ())]
            remote_cols = [_plain_column(col) for col in marked_remote] or remote_side
            many_to_one = any(r is _plain_column(ref) for r in remote_cols)
        else:
            many_to_one = _plain_column(fk).table is parent_table
        directions.add(MANYTOONE if many_to_one else ONETOMANY)
        terms.append((len(pairs), left_fk))
        pairs.append((_plain_column(ref), _plain_column(fk)))
    if not pairs:
        raise _unsupported(f"relationship {where} whose primaryjoin= has no column equality between its two tables")
    if len(directions) > 1:
        raise _unsupported(f"relationship {where} whose primaryjoin= has foreign keys both ways")
    prop.direction = directions.pop()
    prop.pairs = pairs  # (referenced column, foreign key column)
    prop._terms = terms
    prop._extra_criteria = any(not isinstance(t, tuple) for t in terms)


def _join_terms(prop, pair, adapt=None):
    """A one-to-many's or many-to-one's join condition, term by term as it
    was written: `pair(i)` gives pair i's (referenced side, foreign key
    side); a condition SQLAlchemy derived from foreign keys has the
    referenced side first."""
    terms = getattr(prop, "_terms", None)
    if terms is None:
        return [a == b for a, b in (pair(i) for i in range(len(prop.pairs)))]
    out = []
    for t in terms:
        if isinstance(t, tuple):
            a, b = pair(t[0])
            out.append(b == a if t[1] else a == b)
        else:
            out.append(adapt(t) if adapt is not None else t)
    return out


def _no_extra_criteria(prop, what):
    if getattr(prop, "_extra_criteria", False):
        raise _unsupported(f"{what} of {prop!r}, whose primaryjoin= has criteria besides its column pairs")


def _configure_relationship(mapper, prop):
    if prop.configured:
        return
    prop.configured = True
    target_cls = _resolve_class(mapper, prop)
    target = target_cls.__mapper__
    prop.mapper = target
    prop.entity = target
    # a list from here on: [] when the relationship has no order
    order = [] if prop.order_by is False or prop.order_by is None else _resolve_expr(mapper, prop.order_by)
    prop.order_by = order if isinstance(order, list) else [order]
    if prop.remote_side is not None:
        prop.remote_side = _resolve_expr(mapper, prop.remote_side)
    prop.target = target.local_table
    parent_table, target_table = mapper.local_table, target.local_table
    secondary = prop.secondary
    if isinstance(secondary, str):
        secondary = mapper.registry.metadata.tables[secondary]
    prop.secondary = secondary
    where = f"{mapper.class_.__name__}.{prop.key}"
    chosen = _resolve_columns(mapper, prop.foreign_keys) if prop.foreign_keys is not None else None

    def only_chosen(pairs):
        return pairs if chosen is None else [(r, f) for r, f in pairs if any(f is c for c in chosen)]

    if secondary is not None:
        prop.direction = MANYTOMANY
        if prop.primaryjoin is not None:
            prop.parent_pairs, parent_flipped = _join_pairs(prop.primaryjoin, parent_table, secondary, where)
            prop.target_pairs, target_flipped = _join_pairs(prop.secondaryjoin, target_table, secondary, where)
            prop._written = (parent_flipped, target_flipped)
        else:
            if parent_table is target_table:
                raise _unsupported(f"the self-referential many-to-many {where} without primaryjoin= and secondaryjoin=")
            prop.parent_pairs = only_chosen(_fk_pairs(secondary, parent_table))  # (parent col, secondary col)
            prop.target_pairs = only_chosen(_fk_pairs(secondary, target_table))  # (target col, secondary col)
        if not prop.parent_pairs or not prop.target_pairs:
            raise NoForeignKeysError(
                f"Could not determine join condition between parent/child tables on relationship {where} - there are no foreign keys linking these tables via secondary table '{secondary.name}'.  Ensure that referencing columns are associated with a ForeignKey or ForeignKeyConstraint, or specify 'primaryjoin' and 'secondaryjoin' expressions."
            )
    elif prop.primaryjoin is not None:
        _configure_primaryjoin(mapper, prop, chosen, where)
    else:
        to_target = only_chosen(_fk_pairs(target_table, parent_table))  # target's FKs pointing at us: one-to-many
        to_parent = only_chosen(_fk_pairs(parent_table, target_table))  # our FKs pointing at the target: many-to-one
        if parent_table is target_table:
            remote = prop.remote_side
            remote = list(remote) if isinstance(remote, (list, tuple, set)) else ([remote] if remote is not None else [])
            if remote and any(r.primary_key for r in remote):
                to_target = []
            else:
                to_parent = []
        if to_target and not to_parent:
            prop.direction = ONETOMANY
            prop.pairs = to_target  # (our referenced column, their foreign key column)
        elif to_parent and not to_target:
            prop.direction = MANYTOONE
            prop.pairs = to_parent  # (their referenced column, our foreign key column)
        elif not to_target and not to_parent:
            raise NoForeignKeysError(
                f"Could not determine join condition between parent/child tables on relationship {where} - there are no foreign keys linking these tables.  Ensure that referencing columns are associated with a ForeignKey or ForeignKeyConstraint, or specify a 'primaryjoin' expression."
            )
        else:
            raise _unsupported(f"relationship {where} between tables with foreign keys both ways")
    if "delete-orphan" in prop.cascade and not prop.single_parent and prop.direction in (MANYTOONE, MANYTOMANY):
        direction = "many-to-one" if prop.direction is MANYTOONE else "many-to-many"
        raise ArgumentError(
            f"For {direction} relationship {prop}, delete-orphan cascade is normally configured only on the \"one\" "
            "side of a one-to-many relationship, and not on the \"many\" side of a many-to-one or many-to-many "
            f"relationship.  To force this relationship to allow a particular \"{target.class_.__name__}\" object to "
            f"be referenced by only a single \"{mapper.class_.__name__}\" object at a time via the {prop} "
            "relationship, which would allow delete-orphan cascade to take place in this direction, set the "
            "single_parent=True flag. (Background on this error at: https://sqlalche.me/e/21/bbf0)"
        )
    if prop.uselist is None:
        if prop._collection is not None:
            prop.uselist = True
        elif getattr(prop, "_scalar_annotation", False):
            prop.uselist = False
        else:
            prop.uselist = prop.direction != MANYTOONE
    prop.index = _retort_orm.relationship(mapper.mid, prop.key, target.mid, prop.direction.name, bool(prop.post_update) and prop.direction is not MANYTOMANY)
    if prop.backref is not None:
        name, kw = prop.backref if isinstance(prop.backref, tuple) else (prop.backref, {})
        if name in target._relationships:
            raise ArgumentError(f"Error creating backref '{name}' on relationship '{where}': property of that name exists on mapper '{target}'")
        if prop.primaryjoin is not None and secondary is not None:
            kw = {"primaryjoin": prop.secondaryjoin, "secondaryjoin": prop.primaryjoin, **kw}
        elif prop.primaryjoin is not None:
            # the same condition, the same foreign side (SQLAlchemy's backref)
            kw = {"primaryjoin": prop._primaryjoin, "foreign_keys": prop.foreign_keys, **kw}
        rev = RelationshipProperty(mapper.class_, secondary, back_populates=prop.key, **kw)
        rev._collection = None
        rev.key = name
        rev.parent = target
        target._own_relationships[name] = rev
        setattr(target.class_, name, _RelationshipAttribute(rev))
        prop.back_populates = name
        _configure_relationship(target, rev)


def _link_reverse(mapper, prop):
    if prop.back_populates and prop.reverse is None:
        target = prop.mapper
        target._configure()
        rev = target._relationships.get(prop.back_populates)
        if rev is None:
            raise InvalidRequestError(
                f"Mapper '{target}' has no property '{prop.back_populates}'.  If this property was indicated from other mappers or configure events, ensure registry.configure() has been called."
            )
        prop.reverse = rev
        rev.reverse = prop


class RelationshipDirection(_enum.Enum):
    ONETOMANY = 1
    MANYTOONE = 2
    MANYTOMANY = 3


ONETOMANY = RelationshipDirection.ONETOMANY
MANYTOONE = RelationshipDirection.MANYTOONE
MANYTOMANY = RelationshipDirection.MANYTOMANY


def _resolve_expr(mapper, arg):
    """A relationship argument given as text (`"Line.id"`) or a callable, as the
    registry resolves it; `mapped_column()` objects stand for their columns."""
    if callable(arg) and not isinstance(arg, (type, _sa.ClauseElement, MappedColumn)):
        arg = arg()
    if isinstance(arg, (list, tuple)):
        return [_resolve_expr(mapper, a) for a in arg]
    if isinstance(arg, str):
        return _resolve_text(mapper, arg)
    return getattr(arg, "_column", arg)


_TEXT_FALLBACK = []


def _text_namespace(mapper):
    """The names relationship text is evaluated with, as SQLAlchemy's class
    resolver looks them up: the registry's classes, then its tables, then
    `sqlalchemy`'s own names with `foreign` and `remote`."""
    if not _TEXT_FALLBACK:
        names = {k: getattr(_sa, k) for k in dir(_sa) if not k.startswith("_")}
        names.update(foreign=foreign, remote=remote)
        _TEXT_FALLBACK.append(names)
    ns = dict(_TEXT_FALLBACK[0])
    ns.update(mapper.registry.metadata.tables)
    ns.update(mapper.registry._class_registry)
    return ns


def _resolve_text(mapper, text):
    """Relationship arguments given as text (`"Address.user_id"`,
    `"and_(User.id == Address.user_id, Address.city == 'Boston')"`),
    evaluated as SQLAlchemy evaluates them."""
    try:
        return eval(text, _text_namespace(mapper))
    except NameError as e:
        raise InvalidRequestError(
            f"When initializing mapper {mapper}, expression {text!r} failed to locate a name ({str(e)!r}). "
            f"If this is a class name, consider adding this relationship() to the {mapper.class_!r} class after "
            "both dependent classes have been defined."
        )


class _RelationshipComparator:
    """`User.addresses` at class level: joins and comparisons along the relationship."""

    def __init__(self, prop, parent_alias=None, target_alias=None):
        self.prop = prop
        self.key = prop.key
        # aliased() sides: `alias.addresses` (the parent), `.of_type(alias)` (the target)
        self._parent_alias = parent_alias
        self._target_alias = target_alias

    def __repr__(self):
        return f"{self.prop.parent.class_.__name__}.{self.key}"

    def of_type(self, entity):
        """The relationship to an `aliased()` class of its target, or to a
        joined-table subclass of it (its tables inner-joined)."""
        target = self._config().mapper
        if isinstance(entity, type) and "__mapper__" in entity.__dict__ and entity.__mapper__ is not target:
            sub = class_mapper(entity)
            if not sub.isa(target) or sub.single:
                raise _unsupported(f"of_type() with {entity!r} (only an aliased() class of the relationship's target or a joined-table subclass)")
            return _RelationshipComparator(self.prop, self._parent_alias, sub._from_clause())
        alias = _sa._from_arg(entity)
        if getattr(entity, "_sa_entity", None) is None or entity.__mapper__ is not target:
            raise _unsupported(f"of_type() with {entity!r} (only an aliased() class of the relationship's target or a joined-table subclass)")
        return _RelationshipComparator(self.prop, self._parent_alias, alias)

    @property
    def property(self):
        return self._config()

    def _sides(self, target_alias):
        """The relationship's (parent column, target column) pairs, each side
        taken from its alias when it has one."""
        prop = self._config()
        if prop.direction is MANYTOMANY:
            raise _unsupported(f"aliased() sides of the many-to-many {self!r}")
        pairs = prop.pairs if prop.direction is ONETOMANY else [(local, remote) for remote, local in prop.pairs]
        return [(_aliased_column(self._parent_alias, p), _aliased_column(target_alias, t)) for p, t in pairs]

    def _sa_join(self, left, isouter=False, target=None):
        prop = self.prop
        prop.parent._configure()
        target_alias = self._target_alias
        if target is not None and target is not prop.mapper.local_table:
            # join(alias, User.manager): the relationship's ON, to that alias
            target_alias = target
        if target is None:
            target = target_alias if target_alias is not None else prop.mapper.local_table
        aliased_sides = self._parent_alias is not None or target_alias is not None
        if prop.direction is MANYTOMANY:
            if not aliased_sides and prop.target is prop.parent.local_table:
                raise InvalidRequestError(f"Can't construct a join from {prop.parent} to {prop.mapper}, they are the same entity")
            return self._m2m_join(left, target, target_alias, isouter)
        if aliased_sides:
            _no_extra_criteria(prop, "a join of an aliased() class along")
            sides = self._sides(target_alias)
            # ON in the order SQLAlchemy writes it: the one side's column first
            on = and_(*_join_terms(prop, lambda i: sides[i] if prop.direction is ONETOMANY else sides[i][::-1]))
            return _sa.Join(left, target, on, isouter)
        on = and_(*_join_terms(prop, lambda i: prop.pairs[i]))
        return _sa.Join(left, target, on, isouter)

    def _plain(self, what):
        if self._parent_alias is not None or self._target_alias is not None:
            raise _unsupported(f"{what} of a relationship of an aliased() class")

    def __clause_element__(self):
        raise _unsupported(f"using the relationship {self!r} as a column expression")

    def __hash__(self):
        return id(self)

    def _config(self):
        self.prop.parent._configure()
        return self.prop

    def _values_of(self, obj, pairs, mapper):
        return [getattr(obj, mapper.column_attr_of[c.name]) for c in pairs]

    def __eq__(self, other):
        self._plain("eq")
        prop = self._config()
        if prop.direction is MANYTOONE:
            _no_extra_criteria(prop, "comparing")
            if other is None:
                return and_(*[fk.is_(None) for _, fk in prop.pairs])
            values = self._values_of(other, [rc for rc, _ in prop.pairs], prop.mapper)
            return and_(*_join_terms(prop, lambda i: (literal(values[i], prop.pairs[i][1].type), prop.pairs[i][1])))
        if other is None:
            return ~self.any()
        raise InvalidRequestError(
            "Can't compare a collection to an object or collection; use contains() to test for membership."
        )

    def __ne__(self, other):
        self._plain("ne")
        prop = self._config()
        if prop.direction is MANYTOONE:
            _no_extra_criteria(prop, "comparing")
            if other is None:
                return and_(*[fk.is_not(None) for _, fk in prop.pairs])
            values = self._values_of(other, [rc for rc, _ in prop.pairs], prop.mapper)
            return _sa.or_(*[fk != v for (_, fk), v in zip(prop.pairs, values)], *[fk.is_(None) for _, fk in prop.pairs])
        if other is None:
            return self.any()
        raise InvalidRequestError(
            "Can't compare a collection to an object or collection; use contains() to test for membership."
        )

    def _m2m_join(self, left, target, target_alias, isouter):
        """A many-to-many join (sides aliased or not: `Author.followers.of_type(Follower)`):
        through `secondary AS secondary_1`, each condition as it was written;
        an outer join nests the secondary and the target in parentheses, as
        SQLAlchemy does."""
        prop = self.prop
        sec = prop.secondary.alias(f"{prop.secondary.name}_1")
        parent_flipped, target_flipped = getattr(prop, "_written", ((), ()))
        on_parent = and_(*[_as_written(parent_flipped, i, _aliased_column(self._parent_alias, pc), sec.c[sc.name]) for i, (pc, sc) in enumerate(prop.parent_pairs)])
        on_target = and_(*[_as_written(target_flipped, i, _aliased_column(target_alias, tc), sec.c[sc.name]) for i, (tc, sc) in enumerate(prop.target_pairs)])
        if isouter:
            return _sa.Join(left, _sa.Join(sec, target, on_target, False), on_parent, True)
        return _sa.Join(_sa.Join(left, sec, on_parent, False), target, on_target, False)

    def _exists(self, criterion, kw):
        self._plain("any()/has()")
        prop = self._config()
        target = prop.mapper
        crit = []
        extra = ([criterion] if criterion is not None else []) + [getattr(target.class_, k) == v for k, v in kw.items()]
        if prop.direction is MANYTOMANY:
            if prop.target is prop.parent.local_table:
                raise _unsupported(f"any()/contains() of the self-referential many-to-many {self!r}")
            crit += [pc == sc for pc, sc in prop.parent_pairs] + [tc == sc for tc, sc in prop.target_pairs]
            froms = [target.local_table, prop.secondary]
        elif target.local_table is prop.parent.local_table:
            # self-referential: the related rows come from an alias of the table (users AS users_1)
            alias = target.local_table.alias()
            _no_extra_criteria(prop, "any()/has()")
            sides = self._sides(alias)
            crit += _join_terms(prop, lambda i: sides[i][::-1] if prop.direction is MANYTOONE else sides[i])
            extra = [_adapt_to(e, target.local_table, alias) for e in extra]
            froms = [alias]
        else:
            crit += _join_terms(prop, lambda i: prop.pairs[i])
            froms = [target.local_table]
        crit += extra
        return _sa.exists(_sa.literal_column("1")).select_from(*froms).where(and_(*crit))

    def any(self, criterion=None, **kwargs):
        if self._config().direction is MANYTOONE:
            raise InvalidRequestError("'any()' not implemented for scalar attributes. Use has().")
        return self._exists(criterion, kwargs)

    def has(self, criterion=None, **kwargs):
        if self._config().direction is not MANYTOONE:
            raise InvalidRequestError("'has()' not implemented for collections. Use any().")
        return self._exists(criterion, kwargs)

    def contains(self, other):
        self._plain("contains")
        prop = self._config()
        if prop.direction is ONETOMANY:
            _no_extra_criteria(prop, "contains()")
            values = self._values_of(other, [fk for _, fk in prop.pairs], prop.mapper)
            return and_(*_join_terms(prop, lambda i: (prop.pairs[i][0], literal(values[i], prop.pairs[i][0].type))))
        if prop.direction is MANYTOMANY:
            if prop.target is prop.parent.local_table:
                raise _unsupported(f"contains() of the self-referential many-to-many {self!r}")
            values = self._values_of(other, [tc for tc, _ in prop.target_pairs], prop.mapper)
            sec = prop.secondary.alias(f"{prop.secondary.name}_1")
            crit = [pc == sec.c[sc.name] for pc, sc in prop.parent_pairs]
            crit += [literal(v, sc.type) == sec.c[sc.name] for (_, sc), v in zip(prop.target_pairs, values)]
            return and_(*crit)
        raise InvalidRequestError("'contains' not implemented for scalar attributes.  Use ==")


# ---------------------------------------------------------------- states


_refused(_RelationshipComparator, "and_", label="a relationship attribute's {name}()")
