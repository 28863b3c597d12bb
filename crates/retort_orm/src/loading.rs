//! Loading objects (SQLAlchemy's `orm/loading.py`): a row's columns become
//! an object's state, found in the session's identity map or made new
//! ([`Orm::load_row`], `loading._instance`'s identity lookup and populate
//! step), and the SELECT that loads an object by primary key
//! ([`by_primary_key`], `load_on_ident`).
//!
//! What stays with the host (Python, `python/sqlalchemy/orm/loading.py`):
//! building the Python object of a new state and filling its `__dict__`,
//! the rows of an ORM select (which columns belong to which entity), and
//! eager loaders' queries (`strategies.py`), which call this per row.

use retort_sql::expr::{BinOp, Expr, FromItem, Literal, Select};

use crate::identity::IdentityKey;
use crate::mapper::{Mapper, MapperId};
use crate::session::Orm;
use crate::state::{SessionId, StateId, Status};

/// What loading a row found: the state it stands for, and whether it is new
/// (the host then builds the object; otherwise it is in the identity map).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Loaded {
    pub state: StateId,
    pub fresh: bool,
}

impl Orm {
    /// A row was loaded for `mapper` in session `sid`: the state already in
    /// the identity map (its expired values filled in), or a new persistent
    /// one, entered in the map when the row has its whole primary key.
    ///
    /// `row` holds every column's value, `None` for a column the query did
    /// not load (deferred); `populate` (the `populate_existing` option)
    /// replaces an object's loaded values by the row's and forgets its
    /// pending changes.
    pub fn load_row(&mut self, sid: SessionId, mapper: MapperId, row: Vec<Option<Literal>>, populate: bool) -> Loaded {
        let m = self.registry.get(mapper);
        let key =
            m.pk.iter()
                .map(|&i| row[i].clone())
                .collect::<Option<Vec<_>>>()
                .and_then(|pk| IdentityKey::new(self.registry.base(mapper), pk));
        if let Some(key) = &key {
            if let Some(&st) = self.sessions[sid].identity_map.get(key) {
                let state = &mut self.states[st];
                for (slot, value) in state.committed.iter_mut().zip(row) {
                    if slot.is_none() || (populate && value.is_some()) {
                        *slot = value;
                    }
                }
                if populate {
                    state.modified = false;
                }
                return Loaded { state: st, fresh: false };
            }
        }
        let st = self.new_state(mapper);
        let state = &mut self.states[st];
        state.committed = row;
        state.status = Status::Persistent;
        state.session = Some(sid);
        if let Some(key) = key {
            state.key = Some(key.clone());
            self.sessions[sid].identity_map.insert(key, st);
        }
        Loaded { state: st, fresh: true }
    }
}

/// `SELECT <columns> FROM t WHERE t.pk = ?` (`load_on_ident`), over the
/// attributes `attrs` (in table order).
pub fn by_primary_key(mapper: &Mapper, key: &[Literal], attrs: &[usize]) -> Select {
    let where_ = mapper
        .pk
        .iter()
        .zip(key)
        .map(|(&i, v)| Expr::column(&mapper.table.name, &mapper.attrs[i].column).compare(BinOp::Eq, Expr::Bind(v.clone())))
        .collect();
    let columns = attrs.iter().map(|&i| Expr::column(&mapper.table.name, &mapper.attrs[i].column)).collect();
    debug_assert!(attrs.iter().all(|&i| mapper.tables[0].columns[i].is_some()), "by_primary_key loads the first table's columns");
    Select { columns, from: vec![FromItem::table(&mapper.table.name)], where_, ..Select::default() }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use retort_sql::schema::{Column, Table, TableArg};
    use retort_sql::types::SqlType;

    use super::*;
    use crate::mapper::ColumnAttr;

    /// An ORM with `User(id, name)` mapped and one session.
    fn orm() -> (Orm, SessionId, MapperId) {
        let mut id = Column::new("id", SqlType::Integer);
        id.primary_key = true;
        let table = Table::new("user_account", vec![id, Column::new("name", SqlType::String { length: None })], Vec::<TableArg>::new());
        let attrs = ["id", "name"].iter().map(|c| ColumnAttr { key: (*c).into(), column: (*c).into() }).collect();
        let mut orm = Orm::default();
        let mapper = orm.registry.add(Mapper::new("__main__.User", Rc::new(table), attrs));
        let sid = orm.new_session();
        (orm, sid, mapper)
    }

    fn row(id: i64, name: Option<&str>) -> Vec<Option<Literal>> {
        vec![Some(Literal::Int(id)), name.map(|n| Literal::Str(n.into()))]
    }

    #[test]
    fn a_new_row_is_a_persistent_state_in_the_identity_map() {
        let (mut orm, sid, mapper) = orm();
        let loaded = orm.load_row(sid, mapper, row(1, Some("ada")), false);
        assert!(loaded.fresh);
        let state = orm.state(loaded.state);
        assert_eq!((state.status, state.session), (Status::Persistent, Some(sid)));
        assert_eq!(orm.lookup(sid, &IdentityKey::new(mapper, vec![Literal::Int(1)]).unwrap()), Some(loaded.state));
    }

    #[test]
    fn the_same_row_again_is_the_same_state_and_fills_only_what_was_not_loaded() {
        let (mut orm, sid, mapper) = orm();
        let first = orm.load_row(sid, mapper, row(1, None), false);
        let again = orm.load_row(sid, mapper, row(1, Some("ada")), false);
        assert_eq!(again, Loaded { state: first.state, fresh: false });
        assert_eq!(orm.state(first.state).committed[1], Some(Literal::Str("ada".into())));
        orm.load_row(sid, mapper, row(1, Some("bob")), false);
        assert_eq!(orm.state(first.state).committed[1], Some(Literal::Str("ada".into())), "a loaded value stays");
    }

    #[test]
    fn populate_existing_replaces_loaded_values_and_forgets_changes() {
        let (mut orm, sid, mapper) = orm();
        let first = orm.load_row(sid, mapper, row(1, Some("ada")), false);
        orm.modified(first.state);
        orm.load_row(sid, mapper, row(1, Some("bob")), true);
        let state = orm.state(first.state);
        assert_eq!(state.committed[1], Some(Literal::Str("bob".into())));
        assert!(!state.modified);
    }

    #[test]
    fn a_row_without_its_primary_key_is_never_in_the_identity_map() {
        let (mut orm, sid, mapper) = orm();
        let a = orm.load_row(sid, mapper, vec![None, Some(Literal::Str("x".into()))], false);
        let b = orm.load_row(sid, mapper, vec![None, Some(Literal::Str("x".into()))], false);
        assert!(a.fresh && b.fresh && a.state != b.state);
    }
}
