//! The SELECTs that load objects: a mapper's columns, by primary key
//! (refreshing an expired object during a flush), in the exact form
//! SQLAlchemy's `load_on_ident` emits.

use retort_sql::expr::{BinOp, Expr, FromItem, Literal, Select};

use crate::mapper::Mapper;

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
    Select { columns, from: vec![FromItem::table(&mapper.table.name)], where_, ..Select::default() }
}
