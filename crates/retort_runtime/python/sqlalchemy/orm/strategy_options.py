# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""Loader options: `selectinload()`, `joinedload()`, `Load`, `load_only()`,
`defer()`, `with_loader_criteria()` (SQLAlchemy's orm/strategy_options.py)."""


def _with_lazy_options(stmt, state, prop):
    """A lazy load's statement with the loader options its object was
    given for that relationship (the rest of a `defaultload()` path)."""
    options = (state.lazy_options or {}).get(prop.key)
    return stmt.options(*options) if options else stmt


class _Step(tuple):
    """One (strategy, relationship) step of a loader option's path, and the
    options for the objects it reaches (`subs`): `selectinload(A.b).load_only(B.x)`,
    `.selectin_polymorphic([...])`, `.options(...)` (SQLAlchemy's sub-options);
    `innerjoin`: `joinedload(A.b, innerjoin=True)` (None: the relationship's own)."""

    subs = ()
    innerjoin = None
    # `selectinload(A.b.of_type(...))`: what Retort does not load yet
    aliased = None


def _restep(step, **changes):
    """A copy of a path step (a plain pair or a `_Step`) with `changes`."""
    new = _Step(step)
    new.subs, new.innerjoin, new.aliased = _subs(step), getattr(step, "innerjoin", None), getattr(step, "aliased", None)
    for k, v in changes.items():
        setattr(new, k, v)
    return new


def _subs(step, kind=None):
    """A step's sub-options (of one kind: column, polymorphic or loader)."""
    subs = getattr(step, "subs", ())
    return list(subs) if kind is None else [o for o in subs if isinstance(o, kind)]


def _option_of_path(path):
    """A loader option for the steps of an option's path that are left."""
    o = _LoaderOption.__new__(_LoaderOption)
    o.path = list(path)
    o.strategy = o.path[0][0]
    o.props = [o.path[0][1]]
    return o


def _related_objects(objs, prop):
    """The loaded objects `prop` holds for `objs`, each once."""
    out, seen = [], set()
    for o in objs:
        value = o.__dict__.get(prop.key)
        for x in (value if prop.uselist else [value]) if value is not None else []:
            if x is not None and id(x) not in seen:
                seen.add(id(x))
                out.append(x)
    return out


def _join_tree(root, left, table):
    """The LEFT OUTER JOINs of a joinedload() tree onto `left` (whose
    table is `table`), each relationship's table aliased `table_1`, in path
    order; and the relationships' own ORDER BY, adapted to their aliases."""
    tables = [table]
    order_by = []
    for node in root.preorder():
        prop = node.prop
        prop.parent._configure()
        if prop.direction is MANYTOMANY and (prop.target is prop.parent.local_table or hasattr(prop, "_written")):
            raise _unsupported(f"joinedload() of the many-to-many {prop!r} with its own join conditions")
        target = prop.mapper
        if any(t is target.local_table for t in tables[1:]):
            raise _unsupported(f"joinedload() reaching the table {target.local_table.name} twice")
        tables.append(target.local_table)
        node.alias = alias = target.local_table.alias(f"{target.local_table.name}_1")
        up = node.parent.alias
        if node.innerjoin and node.parent.prop is not None and not node.parent.innerjoin:
            raise _unsupported(f"joinedload(innerjoin=True) of {prop!r} after an outer joined load")
        if prop.direction is MANYTOMANY:
            # LEFT OUTER JOIN (secondary AS secondary_1 JOIN target AS target_1 ON ...) ON ...
            left = _RelationshipComparator(prop, up)._m2m_join(left, alias, alias, not node.innerjoin)
        else:
            here = lambda c, a=up: c if a is None else a.c[c.name]
            adapt = lambda e, a=alias, t=target.local_table: _adapt_to(e, t, a)
            if prop.direction is ONETOMANY:
                on = and_(*_join_terms(prop, lambda i: (here(prop.pairs[i][0]), alias.c[prop.pairs[i][1].name]), adapt))
            else:
                on = and_(*_join_terms(prop, lambda i: (alias.c[prop.pairs[i][0].name], here(prop.pairs[i][1])), adapt))
            left = _sa.Join(left, alias, on, not node.innerjoin)
        if prop.uselist:
            for c in prop.order_by:
                if getattr(c, "table", None) is not target.local_table:
                    raise _unsupported(f"joinedload() of {prop!r} with order_by={c!r}")
                order_by.append(alias.c[c.name])
    return left, order_by


class _JoinedNode:
    """One relationship of a joinedload() tree: its alias, where its columns
    sit in a row, and the objects it found for each parent object."""

    def __init__(self, prop, parent, alias):
        self.prop = prop
        self.parent = parent
        self.alias = alias
        self.children = []
        self.offset = 0
        self.found = {}  # id(parent object) -> (parent object, [related objects])
        self.column_options = []  # `joinedload(A.b).load_only(...)`
        self.innerjoin = False

    def child(self, prop):
        for c in self.children:
            if c.prop is prop:
                return c
        c = _JoinedNode(prop, self, None)
        self.children.append(c)
        # SQLAlchemy sets up a mapper's relationships in their declared order
        order = list(prop.parent._relationships)
        self.children.sort(key=lambda n: order.index(n.prop.key) if n.prop.key in order else len(order))
        return c

    def joins(self, step):
        """Takes what the option's step says of this join: inner or outer,
        and its column options (the only sub-options a joined load takes)."""
        if len(_subs(step, _ColumnOption)) != len(_subs(step)):
            raise _unsupported("sub-options of joinedload() other than load_only(), defer() and undefer()")
        self.innerjoin = _innerjoin(step)
        self.column_options += _subs(step, _ColumnOption)

    def columns(self, start):
        """The joined tables' columns, each relationship's own joined loads
        before its columns (SQLAlchemy sets up a mapper's relationships
        before its columns); each node notes where its columns start."""
        out = []
        for node in self.postorder():
            node.offset = start + len(out)
            mapper = node.prop.mapper
            wanted = _keys_with(mapper, node.column_options)
            node.keys = _Keys.like(wanted, (k for k, _ in mapper.column_attrs_list if k in wanted))
            out += [node.alias.c[mapper.column_attrs_list[mapper.attr_index[k]][1].name] for k in node.keys]
        return out

    def preorder(self):
        for c in self.children:
            yield c
            yield from c.preorder()

    def postorder(self):
        for c in self.children:
            yield from c.postorder()
            yield c

    def fill(self):
        """Each object's relationship set from what the rows gave (unless loaded already)."""
        for node in self.preorder():
            prop = node.prop
            for obj, kids in node.found.values():
                if prop.key not in obj.__dict__:
                    obj.__dict__[prop.key] = _collection(obj, prop, kids) if prop.uselist else (kids[0] if kids else None)

    def take(self, session, row, obj):
        """The related objects of one row, under `obj` (this node's object)."""
        for c in self.children:
            mapper = c.prop.mapper
            keys = c.keys if c.keys != mapper.column_keys else None
            kid = session._load_entity(mapper, tuple(row[c.offset:c.offset + len(c.keys)]), keys)
            kids = c.found.setdefault(id(obj), (obj, []))[1]
            if kid is not None:
                if not any(kid is k for k in kids):
                    kids.append(kid)
                c.take(session, row, kid)


class _LoaderOption:
    """`selectinload(User.addresses)` and friends: how relationships load, as
    a path of (strategy, relationship) steps. `selectinload(A.b, B.c)` is
    SQLAlchemy's `defaultload(A.b).selectinload(B.c)`; `.selectinload(...)`
    and the others add a step."""
    inherit_cache = None
    additional_source_entities = ()
    propagate_to_loaders = True

    def __init__(self, strategy, attrs, _path=(), sql_only=False, innerjoin=None):
        if sql_only:
            if strategy != "raiseload":
                raise _unsupported(f"{strategy}(sql_only=True)")
            # raiseload(..., sql_only=True): lazy="raise_on_sql" for these objects
            strategy = "raiseload_sql"
        self.path = list(_path)
        attrs = [a for a in attrs if not (isinstance(a, str) and a == "*" and strategy in ("lazyload", "noload", "raiseload", "raiseload_sql"))]
        for i, a in enumerate(attrs):
            if isinstance(a, str) or not isinstance(a, _RelationshipComparator):
                raise _unsupported(f"{strategy}() of {a!r} (only relationship attributes)")
            step = (strategy if i == len(attrs) - 1 else "defaultload", a.prop)
            if a._target_alias is not None or a._parent_alias is not None:
                # refused when the option is used (see _default_loads)
                step = _restep(step, aliased=repr(a))
            self.path.append(step)
        if innerjoin is not None:
            if strategy != "joinedload" or not self.path:
                raise ArgumentError(f"{strategy}() got an unexpected keyword argument 'innerjoin'")
            self.path[-1] = _restep(self.path[-1], innerjoin=innerjoin)
        if not self.path:
            self.path = [(strategy, None)]
        if len(self.path) > 1 and self.path[-1][0] not in ("selectinload", "defaultload", "joinedload", "raiseload", "lazyload", "noload", "raiseload_sql"):
            raise _unsupported(f"{self.path[-1][0]}() after another relationship in a loader option's path")
        # a joined step loads in the query of the step before it: a joined or a selectin one
        for (before, _), (step, _) in zip(self.path, self.path[1:]):
            if step == "joinedload" and before not in ("joinedload", "selectinload"):
                raise _unsupported(f"joinedload() after {before}() in a loader option's path")
        # the first step (what the rest of the ORM reads)
        self.strategy = self.path[0][0]
        self.props = [self.path[0][1]] if self.path[0][1] is not None else []

    def __repr__(self):
        return f"<_LoaderOption {self.path!r}>"

    def _with_subs(self, *subs):
        """This option with `subs` for the objects its last step reaches."""
        o = _LoaderOption.__new__(_LoaderOption)
        o.__dict__.update(self.__dict__)
        last = self.path[-1]
        if last[1] is None:
            raise _unsupported(f"sub-options of {last[0]}('*')")
        o.path = self.path[:-1] + [_restep(last, subs=_subs(last) + list(subs))]
        return o

    def options(self, *more):
        prop = self.path[-1][1]
        # what a sub-option may start from: the relationship's class, and the
        # classes of a selectin_polymorphic() before it (`_apply_to_parent`)
        sources = [prop.mapper] if prop is not None else []
        for m in more:
            if not isinstance(m, (_LoaderOption, _ColumnOption, _PolymorphicOption)):
                raise ArgumentError(f"Loader option {m} is not compatible with the Load.options() method.")
            owner = m.base if isinstance(m, _PolymorphicOption) else (m.path[0][1].parent if isinstance(m, _LoaderOption) and m.path[0][1] is not None else None)
            if owner is not None and sources and not any(s.isa(owner) for s in sources):
                name = owner.class_.__name__
                attr = name if isinstance(m, _PolymorphicOption) else f"{name}.{m.path[0][1].key}"
                target = prop.mapper.class_.__name__
                hint = ""
                if owner.isa(prop.mapper) or prop.mapper.isa(owner):
                    hint = (f'  Did you mean to use "{prop}.of_type({name})" or '
                            f'"loadopt.options(selectin_polymorphic({target}, [{name}]), ...)" ?')
                raise ArgumentError(f'ORM mapped entity or attribute "{attr}" does not link from relationship "{prop}".{hint}')
            if isinstance(m, _PolymorphicOption):
                sources += m.mappers
        return self._with_subs(*more)

    def load_only(self, *attrs, raiseload=False):
        return self._with_subs(load_only(*attrs, raiseload=raiseload))

    def defer(self, key, *more, raiseload=False):
        return self._with_subs(defer(key, *more, raiseload=raiseload))

    def undefer(self, key, *more):
        return self._with_subs(undefer(key, *more))

    def undefer_group(self, name):
        return self._with_subs(undefer_group(name))

    def selectin_polymorphic(self, classes):
        return self._with_subs(_PolymorphicOption(self.path[-1][1].mapper.class_, classes))


def _chain(strategy):
    def step(self, *attrs, innerjoin=None, **kw):
        return _LoaderOption(strategy, attrs, self.path, innerjoin=innerjoin)

    step.__name__ = strategy
    return step


_LOADER_STRATEGIES = ("selectinload", "joinedload", "subqueryload", "lazyload", "noload", "raiseload", "defaultload", "immediateload")

for _name in _LOADER_STRATEGIES:
    setattr(_LoaderOption, _name, _chain(_name))


class Load:
    """`Load(User).selectinload(User.orders)`: a loader option's path from an entity."""

    inherit_cache = None
    additional_source_entities = ()

    def __init__(self, entity):
        self.entity = entity
        self.path = []

    def __repr__(self):
        name = self.entity.__name__ if isinstance(self.entity, type) else repr(self.entity)
        return f"Load({name})"

    def __getattr__(self, name):
        if name in ("load_only", "defer", "undefer", "contains_eager", "with_expression", "options"):
            raise _unsupported(f"Load(...).{name}()")
        raise AttributeError(f"'Load' object has no attribute '{name}'")


for _name in _LOADER_STRATEGIES:
    setattr(Load, _name, _chain(_name))


_NOLOAD_DEPRECATED = "is deprecated and will be removed in a future release.  This option produces incorrect results by returning ``None`` for related items."


def _loader_option(name, supported=True):
    def option(*attrs, sql_only=False, innerjoin=None, **kw):
        if not supported:
            raise _unsupported(f"the {name}() loader option")
        if kw:
            raise _unsupported(f"{name}({', '.join(f'{k}=...' for k in kw)})")
        if name == "noload":
            _sa._deprecated(f"The noload() option {_NOLOAD_DEPRECATED}", "2.1")
        return _LoaderOption(name, attrs, sql_only=sql_only, innerjoin=innerjoin)

    option.__name__ = name
    return option


joinedload = _loader_option("joinedload")
selectinload = _loader_option("selectinload")
lazyload = _loader_option("lazyload")
raiseload = _loader_option("raiseload")
noload = _loader_option("noload")
defaultload = _loader_option("defaultload")
subqueryload = _loader_option("subqueryload")
contains_eager = _loader_option("contains_eager")


class _ColumnOption:
    """`load_only()`, `defer()`, `undefer()`: which columns an entity's
    query loads (the others load on first access)."""

    def __init__(self, strategy, attrs, raiseload=False):
        if raiseload and strategy == "undefer":
            raise _unsupported("undefer(..., raiseload=True)")
        # the columns it leaves out raise on access instead of loading
        self.raiseload = raiseload
        self.strategy = strategy
        self.columns = []
        # undefer("*"), defer("*"): every column; undefer_group(name): that group's
        self.wildcard = False
        self.group = None
        if strategy == "undefer_group":
            self.group = attrs[0]
            attrs = ()
        elif strategy == "with_expression":
            # with_expression(User.attr, expression): a query_expression() filled by it
            self.prop = getattr(attrs[0], "_sa_expression_prop", None)
            if self.prop is None or not self.prop.query_expression:
                raise ArgumentError(f"with_expression() needs a query_expression() attribute, got {attrs[0]!r}")
            self.expression = attrs[1]
            attrs = ()
        elif list(attrs) == ["*"] and strategy in ("undefer", "defer"):
            self.wildcard = True
            attrs = ()
        for a in attrs:
            owner = getattr(a, "_sa_attribute_of", None) if isinstance(a, Column) else None
            if owner is None:
                raise _unsupported(f"{strategy}() of {a!r} (only mapped column attributes)")
            self.columns.append(a)
        self.path = [(strategy, None)]

    def __repr__(self):
        return f"<_ColumnOption {self.strategy} {self.columns!r}>"

    def apply(self, mapper, keys):
        """`keys` (the columns `mapper`'s entity loads) after this option."""
        mine = [mapper.column_attr_of[c.name] for c in self.columns if c.table is mapper.local_table]
        if self.strategy == "with_expression":
            if not any(p is self.prop for p in mapper.expressions):
                return keys
            kept = _Keys(k for k in mapper.expression_keys + mapper.column_keys if k in keys or k == self.prop.key)
            kept.raising = getattr(keys, "raising", ())
            kept.expressions = {**getattr(keys, "expressions", {}), self.prop.key: _sa._coerce(self.expression).label(None)}
            return kept
        if self.wildcard:
            mine = [k for k in mapper.column_keys if k not in mapper.pk_keys]
        elif self.group is not None:
            mine = [k for k in mapper.column_keys if mapper.deferred_groups.get(k) == self.group]
        if not mine:
            return keys
        if self.strategy == "load_only":
            kept = _Keys(k for k in keys if k in mine or k in mapper.pk_keys)
        elif self.strategy == "defer":
            kept = _Keys(k for k in keys if k not in mine)
        else:
            # undefer(), undefer_group()
            kept = _Keys(k for k in mapper.expression_keys + mapper.column_keys if k in keys or k in mine)
        kept.raising = set(getattr(keys, "raising", ())) - set(kept)
        kept.expressions = getattr(keys, "expressions", {})
        if self.raiseload:
            kept.raising |= {k for k in mapper.column_keys if k not in kept}
        return kept


class _Keys(list):
    """The column keys an entity's query loads, and (`raising`) those of
    the others that raise on access (`raiseload=True`); `expressions`:
    what `with_expression()` selects for a query_expression() key."""

    raising = frozenset()
    expressions = {}

    @classmethod
    def like(cls, source, keys):
        """`keys`, raising as `source` (keys or a `_Keys`) raises."""
        out = cls(keys)
        out.raising = getattr(source, "raising", ())
        return out


def with_expression(key, expression):
    return _ColumnOption("with_expression", [key, expression])


def load_only(*attrs, raiseload=False):
    return _ColumnOption("load_only", attrs, raiseload)


def defer(key, *more, raiseload=False):
    if more:
        raise _unsupported("defer() of a path of attributes")
    return _ColumnOption("defer", [key], raiseload)


def undefer(key, *more):
    if more:
        raise _unsupported("undefer() of a path of attributes")
    return _ColumnOption("undefer", [key])


def undefer_group(name):
    return _ColumnOption("undefer_group", [name])

immediateload = _loader_option("immediateload")


class _CriteriaOption:
    """`with_loader_criteria(Address, Address.email != "foo")`: the criteria
    join every SELECT of that class this statement makes: its own FROM or
    JOIN of the table, its selectin loads, and the later lazy loads of the
    objects it loads."""

    strategy = "with_loader_criteria"

    def __init__(self, entity, criteria, loader_only=False, include_aliases=False, propagate_to_loaders=True,
                 track_closure_variables=True):
        if not (isinstance(entity, type) and "__mapper__" in entity.__dict__):
            raise _unsupported("with_loader_criteria() of anything but a mapped class")
        if loader_only or include_aliases or not propagate_to_loaders:
            raise _unsupported("with_loader_criteria(loader_only / include_aliases / propagate_to_loaders=False)")
        if callable(criteria) and not isinstance(criteria, _sa.ClauseElement):
            criteria = criteria(entity)
        self.entity = entity
        self.mapper = entity.__mapper__
        self.criteria = criteria
        self.path = [(self.strategy, None)]


def with_loader_criteria(entity, criteria, **kw):
    return _CriteriaOption(entity, criteria, **kw)


def _with_criteria(statement, criteria):
    """The statement with each class's criteria: in the ON of a JOIN to its
    table, else in WHERE when the statement selects from the table."""
    stmt = statement
    for opt in criteria:
        table = opt.mapper.local_table
        joined = False
        froms = []
        for f in stmt.froms:
            if isinstance(f, _sa.Join):
                f, hit = _criteria_in_join(f, table, opt.criteria)
                joined = joined or hit
            froms.append(f)
        if joined:
            stmt = stmt._copy()
            stmt.froms = froms
            continue
        uses = any(c is table or getattr(c, "table", None) is table for c in stmt.columns) or table in stmt.froms
        if uses:
            stmt = stmt.where(opt.criteria)
    return stmt


def _criteria_in_join(join, table, criteria):
    left, hit = (_criteria_in_join(join.left, table, criteria) if isinstance(join.left, _sa.Join) else (join.left, False))
    if join.right is table:
        return _sa.Join(left, join.right, and_(join.onclause, criteria), join.isouter), True
    if hit:
        return _sa.Join(left, join.right, join.onclause, join.isouter), True
    return join, False


class _PolymorphicOption:
    """`selectin_polymorphic(Employee, [Manager, Engineer])`: after the
    statement's `Employee` rows, one SELECT per subclass loads the columns
    of its own tables for the objects of that class."""

    def __init__(self, base, classes):
        self.base = class_mapper(base)
        self.mappers = [class_mapper(c) for c in classes]
        for m in self.mappers:
            if not m.isa(self.base):
                raise ArgumentError(f"{m.class_.__name__} is not a subclass of {self.base.class_.__name__}")

    def __repr__(self):
        return f"selectin_polymorphic({self.base.class_.__name__}, {[m.class_.__name__ for m in self.mappers]})"


def selectin_polymorphic(base, classes):
    return _PolymorphicOption(base, classes)


_refused(_LoaderOption, "with_expression", label="{name}() chained on a loader option")
