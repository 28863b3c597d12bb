# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""Loader strategies: deferred columns, eager defaults, selectin, subquery,
joined and contains_eager loading (SQLAlchemy's orm/strategies.py).
A mixin of `Session`."""


def _joins_eagerly(options):
    """Whether a loader option joins its relationship (joinedload)."""
    return any(o.strategy == "joinedload" for o in options)


def _deferral(statement, column_options, every_column=False):
    """The statement as the ORM sends it when some entity loads fewer than
    all its columns (deferred ones, `load_only()`, `defer()`, `undefer()`):
    that entity's table in the columns clause replaced by the columns it
    loads; and where each such entity's columns start -> their keys."""
    entities = getattr(statement, "_orm_entities", None)
    if not entities:
        return statement, None
    plans = {}
    for pos, cls in entities:
        mapper = cls.__mapper__
        keys = [k for k in mapper.expression_keys + mapper.column_keys if k not in mapper.deferred_keys or (every_column and k in mapper.attr_index)]
        for o in column_options:
            keys = o.apply(mapper, keys)
        if keys != mapper.column_keys:
            source = mapper.local_table if isinstance(cls, type) else cls.__clause_element__()
            if source is not mapper.local_table and any(k not in mapper.attr_index for k in keys):
                raise _unsupported("column_property() expressions of an aliased() entity")
            plans[pos] = (mapper, keys, source)
    if not plans:
        return statement, None
    stmt = statement._copy()
    # positions count expanded columns (a table stands for all of its own)
    columns, moved, loads = [], {}, {}
    pos = new_pos = 0
    for item in statement.columns:
        width = len(item._table_columns()) if isinstance(item, _sa.FromClause) else 1
        plan = plans.get(pos)
        moved[pos] = new_pos
        if plan is not None and item is plan[2]:
            mapper, keys, source = plan
            loads[new_pos] = keys
            if source is mapper.local_table:
                chosen = getattr(keys, "expressions", {})
                columns.extend(chosen[k] if k in chosen else mapper._selectable(k) for k in keys)
            else:
                columns.extend(source.c[mapper.column_attrs_list[mapper.attr_index[k]][1].name] for k in keys)
            new_pos += len(keys)
        else:
            columns.append(item)
            new_pos += width
        pos += width
    stmt.columns = columns
    stmt._orm_entities = [(moved.get(p, p), cls) for p, cls in entities]
    return stmt, loads


def _innerjoin(step):
    """Whether a joined step joins inner: its option's `innerjoin=`, else its relationship's."""
    given = getattr(step, "innerjoin", None)
    return bool(step[1].innerjoin if given is None else given)


def _keys_with(mapper, column_options):
    """The keys of the columns an eager load of `mapper` selects: the
    undeferred ones, after the column options of its step."""
    keys = [k for k in mapper.column_keys if k not in mapper.deferred_keys]
    for o in column_options:
        keys = o.apply(mapper, keys)
    return keys


def _joined_statement(statement, joined, column_options):
    """The statement a `joinedload()` sends: its entity's table joined to each
    relationship's (the tree of `_JoinedNode`s), their columns after its own.
    Also the tree, the steps after the joined ones, where the entity's columns
    start, which of them it loads, and where the joined columns start."""
    entities = getattr(statement, "_orm_entities", None) or []
    if len(entities) != 1:
        raise _unsupported("joinedload() in a statement of more than one entity")
    index, cls = entities[0]
    if isinstance(cls, AliasedClass):
        raise _unsupported("joinedload() from an aliased() class")
    root = _JoinedNode(None, None, None)
    rest = []
    for o in joined:
        node = root
        for i, (strategy, prop) in enumerate(o.path):
            if strategy != "joinedload":
                rest.append((node, o.path[i:]))
                break
            node = node.child(prop)
            node.joins(o.path[i])
    _joined_defaults(root, cls.__mapper__)
    # the entity's own columns as its deferred ones and column options leave them
    deferred, loads = _deferral(statement, column_options)
    index = deferred._orm_entities[0][0] if loads else index
    own = (loads or {}).get(index)
    stmt = deferred._copy()
    left = stmt.froms.pop() if stmt.froms else cls.__table__
    left, order_by = _join_tree(root, left, cls.__mapper__.local_table)
    stmt.froms.append(left)
    n = len(stmt._expanded_columns())
    stmt.columns = stmt.columns + root.columns(n)
    stmt._with_options = []
    if order_by:
        stmt = stmt.order_by(*order_by)
    return stmt, root, rest, index, own, n


def _joined_defaults(root, mapper, path=()):
    """The `lazy="joined"` relationships of the classes a joined load reaches,
    joined in too; not one back to a class on its path (JoinedLoader's
    `path.contains_mapper`). With a `path` (the classes a selectin load came
    from), the root's own too: `mapper` is the class it loads."""
    def walk(node, on_path):
        if node.prop is not None or path:
            target = node.prop.mapper if node.prop is not None else mapper
            target._configure()
            for prop in target._relationships.values():
                if prop.lazy == "joined" and not any(c.prop is prop for c in node.children) and prop.mapper not in on_path:
                    node.child(prop).innerjoin = bool(prop.innerjoin)
        for c in list(node.children):
            walk(c, on_path + [c.prop.mapper])

    walk(root, list(path) + [mapper])


def _shown_statement(statement):
    """An ORM statement as `str()` shows it, as it would run: the columns its
    entities load (deferred ones, `load_only()`), `joinedload()`s joined in
    (the relationships' own `lazy="joined"` too)."""
    options = getattr(statement, "_with_options", None) or ()
    column_options = [o for o in options if isinstance(o, _ColumnOption)]
    loaders = _default_loads(statement, [o for o in options if isinstance(o, _LoaderOption)])
    joined = [o for o in loaders if o.strategy == "joinedload"]
    if joined and not any(o.strategy == "contains_eager" for o in loaders):
        return _joined_statement(statement, joined, column_options)[0]
    return _deferral(statement, column_options)[0]


def _default_loads(statement, options, loading_from=()):
    """The statement's loader options, and the eager loading its entities'
    relationships ask for themselves (`lazy="selectin"`, `lazy="joined"`)
    where no option names them; `loading_from`: the classes a lazy load
    loads from (a joined load back to one of them is not made)."""
    for o in options:
        for step in o.path:
            if getattr(step, "aliased", None) is not None:
                raise _unsupported(f"{step[0]}() of {step.aliased} with of_type() or from an aliased() class")
    entities = getattr(statement, "_orm_entities", None) or []
    if not entities:
        return options
    named = {id(o.path[0][1]) for o in options}
    everything = any(o.path[0][1] is None for o in options)
    extra = []
    for _, cls in entities:
        mapper = cls.__mapper__
        mapper._configure()
        for prop in mapper._relationships.values():
            if prop.lazy in ("selectin", "joined", "immediate", "subquery") and id(prop) not in named and not everything:
                if prop.lazy == "joined" and any(prop.mapper is m for m in loading_from):
                    # a joined load back to a class the load came from (a lazy load of
                    # User.posts does not join Post.author): JoinedLoader's path check
                    continue
                named.add(id(prop))
                extra.append(_LoaderOption(prop.lazy + "load", [_RelationshipComparator(prop)]))
    return list(options) + extra


def _distinct_objects(rows, index):
    """The objects at `index` of the rows, each once, in row order."""
    objs, seen = [], set()
    for row in rows:
        obj = row[index]
        if obj is not None and id(obj) not in seen:
            seen.add(id(obj))
            objs.append(obj)
    return objs


class _SessionStrategies:
    """Eager loading after a statement's rows, for `Session.execute`."""

    def _eager(self, statement, result, options):
        """Loader options after the main rows: `selectinload` (one IN query per
        relationship), along each option's path (`selectinload(A.b).selectinload(B.c)`);
        `noload`/`lazyload` (nothing now). Paths through a relationship another
        option loads (`defaultload(A.b).selectinload(B.c)`) go after those."""
        entities = getattr(statement, "_orm_entities", None) or []
        self._lazy_overrides(entities, result, options)
        for o in options:
            if o.strategy in ("immediateload", "subqueryload"):
                if _subs(o.path[0]):
                    raise _unsupported(f"sub-options of {o.strategy}() ({o.strategy}(...).load_only(...), .options(...))")
                if len(o.path) != 1 and o.strategy == "immediateload":
                    raise _unsupported(f"{o.strategy}() with a path of relationships")
                prop = o.path[0][1]
                index = next((i for i, (_, cls) in enumerate(entities) if cls.__mapper__ is prop.parent), None)
                if index is None:
                    continue
                objs = [o for o in _distinct_objects(result._rows[result._pos:], index) if prop.key not in o.__dict__]
                if o.strategy == "immediateload":
                    for obj in objs:
                        getattr(obj, prop.key)
                elif objs:
                    self._subquery_load(statement, prop, objs)
                if len(o.path) > 1:
                    # `subqueryload(A.b).selectinload(B.c)`: the rest from the objects reached
                    reached = _related_objects(objs, prop)
                    if reached:
                        self._eager_path(reached, o.path[1:], o.path[:1])
        paths = [o.path for o in options if o.path[0][0] == "selectinload"]
        paths += [o.path for o in options if o.path[0][0] == "defaultload" and any(st[0] == "selectinload" or _subs(st) for st in o.path)]
        rows = result._rows[result._pos:]
        for path in paths:
            prop = path[0][1]
            index = next((i for i, (_, cls) in enumerate(entities) if cls.__mapper__ is prop.parent), None)
            if index is None:
                continue
            objs = _distinct_objects(rows, index)
            self._eager_path(objs, path)

    def _polymorphic_loads(self, statement, result, polymorphic, options):
        """`selectin_polymorphic()` (or a subclass's `polymorphic_load="selectin"`):
        the columns of each subclass's own tables for the objects of that
        class an entity of the statement loaded, one SELECT per subclass;
        loader options of a subclass's relationships after its SELECT."""
        rows = result._rows[result._pos:]
        for index, cls in statement._orm_entities:
            mapper = cls.__mapper__
            wanted = [m for o in polymorphic if o.base is mapper for m in o.mappers]
            wanted += [m for m in mapper.self_and_descendants if m.polymorphic_load == "selectin" and m is not mapper and m not in wanted]
            if not wanted:
                continue
            objs = _distinct_objects(rows, index)
            self._load_subclasses(mapper, objs, wanted, options)

    def _load_subclasses(self, mapper, objs, wanted, options):
        for sub in sorted(wanted, key=lambda m: mapper.self_and_descendants.index(m)):
            mine = [o for o in objs if type(o).__mapper__.isa(sub)]
            keys = [k for k in sub.column_keys if k not in mapper.attr_index]
            # (SQLAlchemy's post load runs for every object of the class, loaded before or not)
            if mine:
                cols = [(k, c) for k, c in sub._select_columns if k in sub.pk_keys or c is sub.polymorphic_on or k not in mapper.attr_index]
                pk = sub.primary_key[0]
                ident = [_state(o).key_values()[0] for o in mine]
                stmt = select(*[c for _, c in cols]).select_from(sub.persist_selectable).set_label_style(_sa.LABEL_STYLE_TABLENAME_PLUS_COL)
                by_key = {}
                for start in range(0, len(ident), 500):
                    for r in self._connection().execute(stmt.where(pk.in_(ident[start:start + 500]))).all():
                        values = {}
                        for (k, _), v in zip(cols, r):
                            values.setdefault(k, v)
                        by_key[values[sub.pk_keys[0]]] = values
                for o, key in zip(mine, ident):
                    values = by_key.get(key)
                    if values is None:
                        continue
                    d = o.__dict__
                    for k in keys:
                        if k not in d and k in values:
                            d[k] = values[k]
                    state = _state(o)
                    if state.deferred_keys:
                        state.deferred_keys = {k for k in state.deferred_keys if k not in d}
            for o in options:
                if o.path[0][0] == "selectinload" and o.path[0][1] is not None and o.path[0][1].parent is sub and mine:
                    self._eager_path(mine, o.path)

    _LAZY_MODES = {"raiseload": "raise", "noload": "noload", "lazyload": "select", "raiseload_sql": "raise_on_sql"}

    def _lazy_overrides(self, entities, result, options):
        """`raiseload()`, `noload()`, `lazyload()` (a relationship, or "*"): how
        the objects this statement loads load that relationship later."""
        wanted = [(o.path[0][1], self._LAZY_MODES[o.strategy]) for o in options if o.strategy in self._LAZY_MODES and len(o.path) == 1]
        if not wanted:
            return
        for index, cls in entities:
            mapper = cls.__mapper__
            marks = {}
            for prop, mode in wanted:
                if prop is None:
                    marks["*"] = mode
                elif prop.parent is mapper:
                    marks[prop.key] = mode
            if not marks:
                continue
            for row in result._rows[result._pos:]:
                obj = row[index]
                if obj is not None:
                    state = _state(obj)
                    state.lazy_overrides = {**(state.lazy_overrides or {}), **marks}

    def _with_defaults(self, statement, options):
        """The statement's loader options and its relationships' own eager loads."""
        return _default_loads(statement, options, self._loading_from)

    # the classes a lazy load is loading from (JoinedLoader's path.contains_mapper)
    _loading_from = ()

    def _eager_defaults(self, objs, path):
        """After an eager load along `path`: the loaded objects' own
        `lazy="selectin"` collections (not those on the path already)."""
        props = {id(p) for _, p in path}
        mappers = []
        for o in objs:
            m = type(o).__mapper__
            if m not in mappers:
                mappers.append(m)
        for m in mappers:
            m._configure()
            for prop in m._relationships.values():
                if id(prop) in props or prop.lazy not in ("selectin", "joined"):
                    continue
                if prop.lazy == "joined" and all(prop.key in o.__dict__ for o in objs if type(o).__mapper__ is m):
                    # joined into the query that loaded them
                    continue
                if prop.lazy == "joined" or prop.direction is MANYTOONE:
                    raise _unsupported(f"lazy={prop.lazy!r} on {prop!r} reached through another eager load")
                self._eager_path([o for o in objs if type(o).__mapper__ is m], [("selectinload", prop)], path)

    def _eager_path(self, objs, path, done=()):
        """Loads one step of a loader option's path for `objs`, then the rest
        of the path for the objects that step reached (`done`: the steps
        that led to `objs`, when the relationships' own lazy="selectin" did)."""
        strategy, prop = path[0]
        if strategy == "selectinload":
            # joinedload() steps right after: joined into the same query
            k = 1
            while k < len(path) and path[k][0] == "joinedload":
                k += 1
            # SQLAlchemy's selectin loader queries a one-to-many for every parent
            # the statement loaded, and fills only those not loaded yet
            todo = objs if prop.direction is ONETOMANY and k == 1 else [o for o in objs if prop.key not in o.__dict__]
            joined = [p for _, p in path[1:k]]
            # `.joinedload(B.c).load_only(...)`: the joined steps, by relationship
            joined_steps = {id(st[1]): st for st in path[1:k]}
            if k == 1 and prop.direction is ONETOMANY:
                # the loaded class's own lazy="joined" relationships join the same query
                on_path = {id(p) for _, p in list(done) + list(path)}
                joined = [p for p in prop.mapper._relationships.values() if p.lazy == "joined" and id(p) not in on_path]
            if todo:
                self._selectin(prop, todo, joined, _subs(path[0], _ColumnOption), joined_steps)
            elif k > 1:
                raise _unsupported(f"joinedload() after selectinload() of {prop!r}, which another option loaded")
            if k > 1:
                reached = objs
                for _, p in path[:k]:
                    reached = _related_objects(reached, p)
                if k < len(path) and reached:
                    self._eager_path(reached, path[k:], list(done) + list(path[:k]))
                return
        elif strategy in self._LAZY_MODES:
            # `selectinload(A.b).raiseload(B.c)`: how the objects reached load B.c later
            for o in objs:
                state = _state(o)
                state.lazy_overrides = {**(state.lazy_overrides or {}), prop.key if prop is not None else "*": self._LAZY_MODES[strategy]}
            return
        elif strategy != "defaultload":
            raise _unsupported(f"{strategy}() after another relationship in a loader option's path")
        if len(path) == 1 and strategy == "selectinload":
            reached = []
            for o in objs:
                value = o.__dict__.get(prop.key)
                reached += [x for x in (value if prop.uselist else [value]) if x is not None] if value is not None else []
            self._sub_options(prop.mapper, reached, path[0])
            if reached:
                self._eager_defaults(reached, list(done) + [(strategy, prop)])
            return
        if len(path) == 1 and not _subs(path[0]):
            return
        reached, seen = [], set()
        for o in objs:
            if prop.key not in o.__dict__:
                # not loaded (`defaultload(A.b)` of a lazy A.b): the rest of the path
                # and the step's sub-options go with A.b's lazy load, when it happens
                state = _state(o)
                options = dict(state.lazy_options or {})
                later = [_option_of_path(path[1:])] if len(path) > 1 else []
                options[prop.key] = options.get(prop.key, []) + _subs(path[0]) + later
                state.lazy_options = options
                continue
            value = o.__dict__[prop.key]
            for x in (value if prop.uselist else [value]):
                if x is not None and id(x) not in seen:
                    seen.add(id(x))
                    reached.append(x)
        self._sub_options(prop.mapper, reached, path[0])
        if reached and len(path) > 1:
            self._eager_path(reached, path[1:])

    def _sub_options(self, mapper, objs, step):
        """A step's sub-options for the objects it reached: the subclass loads of
        `.selectin_polymorphic()`, then the loader options of `.options(...)`
        (those of a subclass's relationships after that subclass's load)."""
        subs = _subs(step)
        if not objs or not subs:
            return
        loaders = _subs(step, _LoaderOption)
        wanted = [m for o in _subs(step, _PolymorphicOption) for m in o.mappers]
        if wanted:
            self._load_subclasses(mapper, objs, wanted, loaders)
        for o in loaders:
            first = o.path[0][1]
            if first is None or (wanted and first.parent in wanted):
                continue
            if mapper.isa(first.parent):
                self._eager_path(objs, o.path)
            elif first.parent.isa(mapper):
                self._eager_path([x for x in objs if type(x).__mapper__.isa(first.parent)], o.path)

    def _selectin(self, prop, parents, joined=(), columns=(), joined_steps=None):
        """SQLAlchemy's selectin loader: the related rows of `parents`, 500 keys
        per IN query, for each kind of relationship; `joined`: relationships
        of the loaded class to joinedload in the same query (a chain);
        `columns`: the column options of the step (`.load_only(...)`), and
        `joined_steps`: the option's joined steps (by id of relationship)."""
        prop.parent._configure()
        target = prop.mapper
        wanted = _keys_with(target, columns)
        if any(not p.deferred for p in target.expressions):
            raise _unsupported(f"selectinload() of {prop!r}, whose class maps column_property() expressions")
        _no_extra_criteria(prop, "selectinload()")
        if prop.direction is MANYTOONE:
            if joined:
                raise _unsupported(f"joinedload() after selectinload() of the many-to-one {prop!r}")
            return self._selectin_many_to_one(prop, parents, wanted)
        if joined and prop.direction is MANYTOMANY:
            raise _unsupported(f"joinedload() after selectinload() of the many-to-many {prop!r}")
        if prop.direction is ONETOMANY:
            if len(prop.pairs) != 1:
                raise _unsupported(f"selectinload() of {prop!r} (a composite foreign key)")
            (pc, key_col), = prop.pairs
            cols = [key_col] + [c for k, c in target.column_attrs_list if c is not key_col and k in wanted]
            base = select(*cols)
        else:
            if prop.target is prop.parent.local_table or hasattr(prop, "_written"):
                raise _unsupported(f"selectinload() of {prop!r} (a many-to-many with its own join conditions)")
            if len(prop.parent_pairs) != 1:
                raise _unsupported(f"selectinload() of {prop!r} (a composite foreign key)")
            (pc, key_col), = prop.parent_pairs
            cols = [key_col] + [c for k, c in target.column_attrs_list if k in wanted]
            on = and_(*[tc == sc for tc, sc in prop.target_pairs])
            base = select(*cols).select_from(_sa.Join(prop.secondary, target.local_table, on, False))
        pkey = prop.parent.column_attr_of[pc.name]
        keys = [getattr(p, pkey) for p in parents]
        # where each of the target's columns is in a row (the key column first: its own for a one-to-many)
        loaded = [(k, c) for k, c in target.column_attrs_list if c in cols and (k in wanted or not columns)]
        order = [cols.index(c, 1) if c in cols[1:] else 0 for _, c in loaded]
        loaded_keys = _Keys.like(wanted, (k for k, _ in loaded))
        found = {}
        extra = [o.criteria for o in self._criteria if o.mapper is target]
        tree, join_order = None, []
        if joined:
            # the loaded class's joined loads, in the same query (unlabelled, as SQLAlchemy's)
            tree = node = _JoinedNode(None, None, None)
            for j in joined:
                # a step from the last one's class continues the chain; else it joins the loaded class
                node = node.child(j) if node is not tree and j.parent is node.prop.mapper else tree.child(j)
                node.joins((joined_steps or {}).get(id(j), ("joinedload", j)))
            _joined_defaults(tree, target, [prop.parent])
            left, join_order = _join_tree(tree, target.local_table, target.local_table)
            base = select(*cols, *tree.columns(len(cols))).select_from(left).set_label_style(_sa.LABEL_STYLE_NONE)
        for start in range(0, len(keys), 500):
            stmt = base.where(key_col.in_(keys[start:start + 500]), *extra)
            if prop.order_by or join_order:
                stmt = stmt.order_by(*prop.order_by, *join_order)
            for r in self._connection().execute(stmt).all():
                child = self._load_entity(target, [r[i] for i in order], loaded_keys)
                kids = found.setdefault(r[0], [])
                if tree is None:
                    kids.append(child)
                    continue
                if not any(child is k for k in kids):
                    kids.append(child)
                tree.take(self, r, child)
        for p, k in zip(parents, keys):
            if prop.key not in p.__dict__:
                p.__dict__[prop.key] = _collection(p, prop, found.get(k, []))
        if tree is not None:
            tree.fill()

    def _subquery_load(self, statement, prop, parents):
        """SQLAlchemy's subquery loader: the statement again, its parent keys
        only, as a subquery the related table joins; the related rows grouped
        by key into each parent's collection."""
        prop.parent._configure()
        target = prop.mapper
        if prop.direction is not ONETOMANY or len(prop.pairs) != 1:
            raise _unsupported(f"subqueryload() of {prop!r} (only a one-to-many on one foreign key)")
        _no_extra_criteria(prop, "subqueryload()")
        if target.expressions or target.deferred_keys:
            raise _unsupported(f"subqueryload() of {prop!r}, whose class has deferred columns or column_property()")
        (pc, fk), = prop.pairs
        inner = statement.with_only_columns(pc)
        if inner.limit_value is None and inner.offset_value is None:
            inner = inner.order_by(None)
        inner = inner.set_label_style(_sa.LABEL_STYLE_TABLENAME_PLUS_COL).subquery()
        key = inner.c[f"{pc.table.name}_{pc.name}"]
        cols = [c for _, c in target.column_attrs_list]
        stmt = select(*cols, key).set_label_style(_sa.LABEL_STYLE_TABLENAME_PLUS_COL)
        stmt = stmt.select_from(inner).join(target.local_table, key == fk)
        stmt = stmt.order_by(*prop.order_by) if prop.order_by else stmt.order_by(key)
        found = {}
        width = len(cols)
        for r in self._connection().execute(stmt).all():
            child = self._load_entity(target, tuple(r[:width]))
            found.setdefault(r[width], []).append(child)
        pkey = prop.parent.column_attr_of[pc.name]
        for p in parents:
            p.__dict__[prop.key] = _collection(p, prop, found.get(getattr(p, pkey), []))

    def _contains_eager(self, statement, params, eager, options):
        """`contains_eager()`: the related entity's columns put before the
        statement's own (the statement joins its table itself), each row's
        related object put in the relationship."""
        entities = getattr(statement, "_orm_entities", None) or []
        if len(eager) != 1 or len(eager[0].path) != 1:
            raise _unsupported("contains_eager() of more than one relationship")
        prop = eager[0].path[0][1]
        prop.parent._configure()
        index = next((i for i, (_, cls) in enumerate(entities) if isinstance(cls, type) and cls.__mapper__ is prop.parent), None)
        target = prop.mapper
        if index is None or prop.direction is MANYTOMANY:
            raise _unsupported(f"contains_eager() of {prop!r} here (its parent entity selected plainly, not many-to-many)")
        stmt = statement._copy()
        keys = [k for k in target.expression_keys + target.column_keys if k not in target.deferred_keys]
        eager = [target._selectable(k) for k in keys] if keys != target.column_keys else [target.local_table]
        width = len(keys)
        # select() puts the related columns first, the legacy Query after its own
        legacy = statement.label_style == _sa.LABEL_STYLE_TABLENAME_PLUS_COL
        stmt.columns = list(statement.columns) + eager if legacy else eager + list(statement.columns)
        self._autoflush()
        raw = self._connection().execute(stmt, params)
        rows = raw._rows[raw._pos:]
        own = len(raw._keys) - width
        theirs, ours = (slice(own, None), slice(None, own)) if legacy else (slice(None, width), slice(width, None))
        related = [self._load_entity(target, tuple(r[theirs]), keys) for r in rows]
        result = self._entity_rows(statement, _sa.Result(list(raw._keys[ours]), [tuple(r[ours]) for r in rows]))
        kids_of = {}
        for row, obj in zip(result._rows[result._pos:], related):
            parent = row[index]
            if parent is None:
                continue
            if prop.uselist:
                kids = kids_of.setdefault(id(parent), (parent, []))[1]
                if obj is not None and not any(obj is k for k in kids):
                    kids.append(obj)
            elif prop.key not in parent.__dict__:
                parent.__dict__[prop.key] = obj
        for parent, kids in kids_of.values():
            if prop.key not in parent.__dict__:
                parent.__dict__[prop.key] = _collection(parent, prop, kids)
        if prop.uselist:
            result._joined_eager = True
            result._require_unique = True
        self._eager(statement, result, options)
        return result

    def _selectin_many_to_one(self, prop, parents, wanted):
        """The targets of a many-to-one by primary key, each key once
        (`wanted`: the keys of the columns to load)."""
        target = prop.mapper
        if len(prop.pairs) != 1:
            raise _unsupported(f"selectinload() of {prop!r} (a composite foreign key)")
        (remote, local), = prop.pairs
        fkey = prop.parent.column_attr_of[local.name]
        keys = []
        for p in parents:
            k = getattr(p, fkey)
            if k is not None and k not in keys:
                keys.append(k)
        cols = [remote] + [c for k, c in target.column_attrs_list if c is not remote and k in wanted]
        loaded = [(k, c) for k, c in target.column_attrs_list if c in cols]
        order = [cols.index(c) for _, c in loaded]
        loaded_keys = _Keys.like(wanted, (k for k, _ in loaded))
        found = {}
        for start in range(0, len(keys), 500):
            stmt = select(*cols).where(remote.in_(keys[start:start + 500]), *[o.criteria for o in self._criteria if o.mapper is target])
            for r in self._connection().execute(stmt).all():
                found[r[0]] = self._load_entity(target, tuple(r[i] for i in order), loaded_keys)
        for p in parents:
            p.__dict__[prop.key] = found.get(getattr(p, fkey))

    def _joined(self, statement, params, joined, options, column_options=()):
        """`joinedload`, chains included (`joinedload(A.b).joinedload(B.c)`):
        each relationship's table joined (LEFT OUTER, aliased `table_1`) in
        path order; the columns of the joined tables after the statement's,
        each relationship's own joined loads before its columns (the order
        SQLAlchemy's eager loaders add them); rows are the parent objects with
        their relationships filled. Steps after the joined ones
        (`joinedload(A.b).selectinload(B.c)`) load from the objects reached."""
        stmt, root, rest, index, own, n = _joined_statement(statement, joined, column_options)
        cls = statement._orm_entities[0][1]
        self._autoflush()
        raw = self._connection().execute(stmt, params)
        width = len(own) if own is not None else len(cls.__mapper__.column_keys)
        rows = []
        for r in raw._rows[raw._pos:]:
            parent = self._load_entity(cls.__mapper__, tuple(r[index:index + width]), own)
            root.take(self, r, parent)
            rows.append(tuple(r[:index]) + (parent,) + tuple(r[index + width:n]))
        root.fill()
        keys = list(raw._keys[:index]) + [cls.__name__] + list(raw._keys[index + width:n])
        result = _sa.Result(keys, rows)
        result._joined_eager = True
        result._require_unique = any(node.prop.uselist for node in root.preorder())
        self._eager(statement, result, [o for o in options if o.strategy != "joinedload"])
        for node, path in rest:
            reached, seen = [], set()
            for _, kids in node.found.values():
                for k in kids:
                    if id(k) not in seen:
                        seen.add(id(k))
                        reached.append(k)
            if reached:
                self._eager_path(reached, path)
        return result
