//! The SELECTs that load objects: a mapper's columns, by primary key
//! (refreshing an expired object during a flush), in the exact form
//! SQLAlchemy's `load_on_ident` emits.

use retort_sql::expr::{BinOp, Expr, FromItem, Literal, Select};

use crate::mapper::Mapper;

/// The mapper's columns, as `select(Model)` lists them.
pub fn columns(mapper: &Mapper) -> Vec<Expr> {
    mapper.attrs.iter().map(|a| Expr::column(&mapper.table.name, &a.column)).collect()
}

/// `SELECT <columns> FROM t WHERE t.pk = ?` (`Session.get`, `load_on_ident`).
pub fn by_primary_key(mapper: &Mapper, key: &[Literal]) -> Select {
    let where_ = mapper
        .pk
        .iter()
        .zip(key)
        .map(|(&i, v)| Expr::column(&mapper.table.name, &mapper.attrs[i].column).compare(BinOp::Eq, Expr::Bind(v.clone())))
        .collect();
    Select { columns: columns(mapper), from: vec![FromItem::table(&mapper.table.name)], where_, ..Select::default() }
}
