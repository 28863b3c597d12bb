# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""What a flush's relationships imply: foreign keys to copy, association
rows, orphans (SQLAlchemy's orm/dependency.py). A mixin of `Session`."""


class _SessionDependencies:
    """The relationship work of a flush, for `Session._flush`."""

    def _relationship_work(self, new, dirty, deleted):
        """What the relationships of the flushed objects imply: foreign
        keys to copy, association rows, orphans to delete."""
        syncs, links, cascaded, seen_links = [], [], [], set()

        def st(o):
            return _state(o)._st

        def link(prop, a, b, insert):
            # a: the relationship's parent, b: its target
            cols = [(sc.name, st(a), prop.parent.attr_index[prop.parent.column_attr_of[pc.name]]) for pc, sc in prop.parent_pairs]
            cols += [(sc.name, st(b), prop.mapper.attr_index[prop.mapper.column_attr_of[tc.name]]) for tc, sc in prop.target_pairs]
            key = (prop.secondary.name, insert, tuple(sorted((c, s) for c, s, _ in cols)))
            order = f"{prop.parent.class_.__module__}.{prop.parent.class_.__name__}_{prop.key}"
            links.append((order, key, (prop.parent.mid, prop.index, prop.secondary, insert, cols)))

        def sync(prop, parent, child, timing=None):
            # timing: a post_update relationship's key is written by an UPDATE of
            # its own, after the saves ("post") or before the deletes ("pre")
            pairs = prop.__dict__.get("_sync_pairs")
            if pairs is None:
                if prop.direction is ONETOMANY:
                    pm, cm = prop.parent, prop.mapper
                else:
                    pm, cm = prop.mapper, prop.parent
                pairs = prop._sync_pairs = [(pm.attr_index[pm.column_attr_of[a.name]], cm.attr_index[cm.column_attr_of[b.name]]) for a, b in prop.pairs]
            if prop.post_update and timing is None:
                timing = "post"
            syncs.append((prop.parent.mid, prop.index, None if parent is None else _state(parent)._st, _state(child)._st, pairs, timing))

        deleted_ids = [st(o) for o in deleted]
        # orphans are deleted as session.delete() would: with their own
        # cascade, and their relationships worked out like the others'
        orphans = set()
        work = new + dirty + deleted
        i = 0
        while i < len(work):
            obj = work[i]
            i += 1
            state = _state(obj)
            state.mapper._configure()
            status = _retort_orm.status(state._st)
            is_new = status[0] == "pending"
            is_deleted = status[2] or state._st in orphans
            d = obj.__dict__
            for prop in state.mapper._relationships.values():
                if prop.viewonly:
                    continue
                if is_deleted:
                    if prop.post_update and prop.direction is MANYTOONE and "delete-orphan" not in prop.cascade:
                        # the row's key to the other row is cleared before either is deleted
                        if getattr(obj, prop.key) is not None:
                            sync(prop, None, obj, "pre")
                    elif prop.post_update and prop.direction is ONETOMANY and prop.passive_deletes != "all":
                        for child in getattr(obj, prop.key):
                            sync(prop, None, child, "pre")
                    elif prop.direction is ONETOMANY and "delete" not in prop.cascade and not prop.passive_deletes:
                        for child in getattr(obj, prop.key):
                            if st(child) not in deleted_ids:
                                sync(prop, None, child)
                    elif prop.direction is MANYTOMANY:
                        for other in getattr(obj, prop.key):
                            link(prop, obj, other, False)
                    continue
                ev = state.rel_events.get(prop.key)
                if is_new:
                    value = d.get(prop.key)
                    added = [x for x in (list(value) if prop.uselist else [value]) if x is not None] if value is not None else []
                    if ev is not None:
                        added += [x for x in ev[0] if x is not None and not any(x is a for a in added)]
                    removed = []
                elif ev is not None:
                    added, removed = list(ev[0]), list(ev[1])
                else:
                    continue
                if prop.direction is ONETOMANY:
                    for c in added:
                        if c not in self:
                            # (`UOWTransaction.register_object`: a child the
                            # session does not hold, such as one a backref put
                            # in the collection, is left out with a warning)
                            if not _retort_orm.status(st(c))[2]:
                                _sa_warn(f"Object of type <{type(c).__name__}> not in session, add operation along '{prop!r}' will not proceed")
                            continue
                        sync(prop, obj, c)
                    for c in removed:
                        if c is None or any(c is a for a in added):
                            continue
                        if prop.reverse is not None and c.__dict__.get(prop.reverse.key) is not None:
                            # moved to another parent (hasparent): that parent's relationship syncs it
                            continue
                        if "delete-orphan" in prop.cascade:
                            if _retort_orm.status(st(c))[0] == "persistent" and st(c) not in deleted_ids:
                                gone = [c]
                                self._delete_cascade(c, _state(c), [c], gone)
                                for x in gone:
                                    if st(x) not in deleted_ids:
                                        cascaded.append(st(x))
                                        deleted_ids.append(st(x))
                                        orphans.add(st(x))
                                        work.append(x)
                        elif st(c) not in deleted_ids:
                            sync(prop, None, c)
                elif prop.direction is MANYTOONE:
                    target = added[-1] if added else None
                    if added or removed:
                        sync(prop, target, obj)
                else:
                    for other in removed:
                        if other is not None:
                            link(prop, obj, other, False)
                    for other in added:
                        link(prop, obj, other, True)
        # a pair of objects is linked once, by the relationship whose
        # dependency processor runs first (SQLAlchemy's sort key order)
        links.sort(key=lambda l: l[0])
        unique = []
        for _, key, link_ in links:
            if key not in seen_links:
                seen_links.add(key)
                unique.append(link_)
        return syncs, unique, cascaded

    # -- loading
