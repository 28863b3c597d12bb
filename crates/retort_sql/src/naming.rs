//! `MetaData(naming_convention=...)`: the names SQLAlchemy gives constraints
//! and indexes from templates such as `"fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"`.
//! The default convention names only indexes (`ix_%(column_0_label)s`).

use crate::schema::{Constraint, Table};

/// Templates by kind: `pk`, `uq`, `ck`, `fk`, `ix`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NamingConvention {
    pub templates: Vec<(String, String)>,
}

impl NamingConvention {
    fn template(&self, kind: &str) -> Option<&str> {
        self.templates.iter().find(|(k, _)| k == kind).map(|(_, t)| t.as_str())
    }
}

/// The tokens of one constraint or index.
struct Tokens<'a> {
    table: &'a str,
    columns: &'a [String],
    referred_table: Option<&'a str>,
    referred_columns: &'a [String],
    constraint_name: Option<&'a str>,
}

fn render(template: &str, t: &Tokens) -> Option<String> {
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find("%(") {
        out += &rest[..start];
        let after = &rest[start + 2..];
        let end = after.find(")s")?;
        let token = &after[..end];
        let col = |i: usize| t.columns.get(i).map(String::as_str);
        let value = match token {
            "table_name" => Some(t.table.to_owned()),
            "column_0_name" | "column_0_key" => col(0).map(str::to_owned),
            "column_0_label" => col(0).map(|c| format!("{}_{c}", t.table)),
            "column_0N_name" => Some(t.columns.concat()),
            "column_0_N_name" => Some(t.columns.join("_")),
            "referred_table_name" => t.referred_table.map(str::to_owned),
            "referred_column_0_name" => t.referred_columns.first().cloned(),
            "constraint_name" => t.constraint_name.map(str::to_owned),
            _ => None,
        }?;
        out += &value;
        rest = &after[end + 2..];
    }
    out += rest;
    Some(out)
}

/// Names the table's unnamed constraints (and, for `ck` templates using
/// `%(constraint_name)s`, the named checks) as SQLAlchemy does.
pub fn apply(table: &mut Table, convention: &NamingConvention) {
    let name = table.name.clone();
    if let (None, Some(t)) = (&table.primary_key.name, convention.template("pk")) {
        if !table.primary_key.columns.is_empty() {
            let tk = Tokens {
                table: &name,
                columns: &table.primary_key.columns,
                referred_table: None,
                referred_columns: &[],
                constraint_name: None,
            };
            table.primary_key.name = render(t, &tk);
        }
    }
    for c in &mut table.constraints {
        match c {
            Constraint::Unique { name: n, columns } => {
                if let (None, Some(t)) = (&*n, convention.template("uq")) {
                    *n = render(t, &Tokens { table: &name, columns, referred_table: None, referred_columns: &[], constraint_name: None });
                }
            }
            Constraint::Check { name: n, .. } => {
                if let (Some(given), Some(t)) = (n.clone(), convention.template("ck")) {
                    *n = render(
                        t,
                        &Tokens { table: &name, columns: &[], referred_table: None, referred_columns: &[], constraint_name: Some(&given) },
                    );
                }
            }
            Constraint::ForeignKey { name: n, columns, ref_table, ref_columns, .. } => {
                if let (None, Some(t)) = (&*n, convention.template("fk")) {
                    *n = render(
                        t,
                        &Tokens {
                            table: &name,
                            columns,
                            referred_table: Some(ref_table),
                            referred_columns: ref_columns,
                            constraint_name: None,
                        },
                    );
                }
            }
        }
    }
    if let Some(t) = convention.template("ix") {
        for ix in &mut table.indexes {
            // an index=True column's index was named by the default convention
            if ix.name == format!("ix_{}_{}", name, ix.columns.first().map(String::as_str).unwrap_or("")) {
                if let Some(n) = render(
                    t,
                    &Tokens { table: &name, columns: &ix.columns, referred_table: None, referred_columns: &[], constraint_name: None },
                ) {
                    ix.name = n;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{Column, ForeignKey, TableArg};
    use crate::types::SqlType;

    #[test]
    fn unnamed_constraints_get_the_convention_s_names() {
        // expected names from SQLAlchemy 2.1 (tests/oracle/core/naming_convention.trace.json)
        let conv = NamingConvention {
            templates: vec![
                ("ix".into(), "ix_%(column_0_label)s".into()),
                ("uq".into(), "uq_%(table_name)s_%(column_0_name)s".into()),
                ("ck".into(), "ck_%(table_name)s_%(constraint_name)s".into()),
                ("fk".into(), "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s".into()),
                ("pk".into(), "pk_%(table_name)s".into()),
            ],
        };
        let mut id = Column::new("id", SqlType::Integer);
        id.primary_key = true;
        let mut p_id = Column::new("p_id", SqlType::Integer);
        p_id.foreign_keys.push(ForeignKey::to("p.id").unwrap());
        let check = TableArg::Constraint(Constraint::Check { name: Some("positive".into()), sqltext: "n > 0".into(), sqlite_only: false });
        let mut table = Table::new("c", vec![id, p_id], vec![check]);
        apply(&mut table, &conv);
        assert_eq!(table.primary_key.name.as_deref(), Some("pk_c"));
        let names: Vec<Option<String>> = table
            .constraints
            .iter()
            .map(|c| match c {
                Constraint::Unique { name, .. } | Constraint::Check { name, .. } | Constraint::ForeignKey { name, .. } => name.clone(),
            })
            .collect();
        assert_eq!(names, vec![Some("ck_c_positive".to_owned()), Some("fk_c_p_id_p".to_owned())]);
    }
}
