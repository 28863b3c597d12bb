//! SELECT and compound SELECT statements: the columns clause and its labels,
//! the FROM list (with correlation), WHERE, GROUP BY, ORDER BY, LIMIT, and
//! the WITH clause of the CTEs they use (SQLAlchemy's `visit_select`,
//! `_get_display_froms`, `visit_compound_select`).

use super::*;

/// Mirrors `SQLCompiler.visit_select` for the clauses modelled so far.
pub fn select(select: &Select) -> Result<Compiled, SqlError> {
    select_with(Writer::default(), select)
}

pub(super) fn select_with(mut w: Writer, select: &Select) -> Result<Compiled, SqlError> {
    let mut ctes = Vec::new();
    collect_ctes(select, &mut ctes);
    w.with_clause(&ctes);
    w.select(select, SelectContext::Top);
    w.finish()
}

/// The CTEs a SELECT's FROM items (and their subqueries) refer to, in order
/// of first appearance: what its WITH clause declares.
pub(super) fn collect_ctes(select: &Select, out: &mut Vec<Rc<Cte>>) {
    pub(super) fn from(item: &FromItem, out: &mut Vec<Rc<Cte>>) {
        match item {
            FromItem::Table { .. } | FromItem::AnonAlias { .. } | FromItem::TextSubquery { .. } | FromItem::TableValued { .. } => {}
            FromItem::Join { left, right, .. } => {
                from(left, out);
                from(right, out);
            }
            FromItem::Subquery { select, .. } => collect_ctes(select, out),
            FromItem::CompoundSubquery { compound, .. } => compound.selects.iter().for_each(|s| collect_ctes(s, out)),
            FromItem::Cte(cte) => {
                if !out.iter().any(|c| c.name == cte.name) {
                    // A CTE's own body may use further CTEs: those come
                    // first, as SQLAlchemy's compiler registers a CTE once
                    // its body is compiled. (It is listed while its body is
                    // looked through, so a recursive one's reference to
                    // itself adds nothing.)
                    let at = out.len();
                    out.push(cte.clone());
                    let inner: Vec<&Select> = match &cte.body {
                        CteBody::Select(s) => vec![s],
                        CteBody::Compound(c) => c.selects.iter().collect(),
                    };
                    for s in inner {
                        collect_ctes(s, out);
                    }
                    let this = out.remove(at);
                    out.push(this);
                }
            }
        }
    }
    let nested = |exprs: &mut dyn Iterator<Item = &Expr>, out: &mut Vec<Rc<Cte>>| {
        let mut selects = Vec::new();
        for e in exprs {
            e.subqueries(&mut selects);
        }
        for s in selects {
            collect_ctes(s, out);
        }
    };
    // in the order SQLAlchemy compiles the clauses: the columns (their
    // subqueries), the FROM list, then WHERE and HAVING
    nested(&mut select.columns.iter(), out);
    for item in &select.from {
        from(item, out);
    }
    nested(&mut select.where_.iter().chain(&select.having), out);
}

impl Writer {
    pub(super) fn select(&mut self, select: &Select, context: SelectContext) {
        let froms = self.froms(select, context);
        self.sql += if select.distinct { "SELECT DISTINCT " } else { "SELECT " };
        let style = match (context, select.label_style) {
            (_, LabelStyle::TablenamePlusCol) => ColumnLabels::TablenamePlusCol,
            (_, LabelStyle::None) => ColumnLabels::Plain,
            (SelectContext::Derived, LabelStyle::Disambiguate) => ColumnLabels::Key,
            (_, LabelStyle::Disambiguate) => ColumnLabels::Disambiguate,
        };
        self.scopes.push(froms.iter().flat_map(FromItem::names).collect());
        let mut seen = Seen::default();
        self.list(&select.columns, ", ", |w, column| w.column(column, style, &mut seen));
        if !froms.is_empty() {
            self.sql += " \nFROM ";
            self.list(&froms, ", ", Self::visit_from_item);
        } else if self.dialect == Dialect::Oracle {
            // OracleCompiler.default_from
            self.sql += " FROM DUAL";
        }
        self.where_clause(" \nWHERE ", &select.where_);
        if !select.group_by.is_empty() {
            self.sql += " GROUP BY ";
            self.list(&select.group_by, ", ", |w, e| w.expr(e, None));
        }
        self.where_clause(" \nHAVING ", &select.having);
        // ORDER BY a label of the columns clause names the label (`ORDER BY n DESC`)
        let labels: Vec<String> =
            select.columns.iter().filter_map(|c| if let Expr::Label { name, .. } = c { Some(name.clone()) } else { None }).collect();
        let outer = std::mem::replace(&mut self.order_labels, labels);
        self.order_by(&select.order_by);
        self.order_labels = outer;
        self.limit(select.limit, select.offset);
        if select.for_update && self.named {
            self.sql += " FOR UPDATE";
        }
        self.scopes.pop();
    }

    /// Mirrors `SQLCompiler._render_cte_clause`.
    pub(super) fn with_clause(&mut self, ctes: &[Rc<Cte>]) {
        if ctes.is_empty() {
            return;
        }
        self.sql += if ctes.iter().any(|c| c.recursive) { "WITH RECURSIVE " } else { "WITH " };
        // (SQLCompiler._render_cte_clause's layout: `name AS \n(...)`, joined
        // by `, \n`, then `\n ` before the statement)
        for (i, cte) in ctes.iter().enumerate() {
            if i > 0 {
                self.sql += ", \n";
            }
            let name = self.render_from_name(&cte.from_name());
            self.sql += &name;
            let selects: Vec<&Select> = match &cte.body {
                CteBody::Select(s) => vec![s],
                CteBody::Compound(c) => c.selects.iter().collect(),
            };
            if cte.recursive {
                let names: Vec<String> = selects[0].columns.iter().filter_map(column_key).map(|n| quote(&n)).collect();
                self.sql += &format!("({})", names.join(", "));
            }
            self.sql += " AS \n(";
            let keyword = match &cte.body {
                CteBody::Compound(c) => set_keyword(c.op),
                CteBody::Select(_) => "",
            };
            self.list(&selects, keyword, |w, select| w.select(select, SelectContext::Derived));
            self.sql += ")";
        }
        self.sql += "\n ";
    }

    pub(super) fn order_by(&mut self, items: &[OrderBy]) {
        if !items.is_empty() {
            self.sql += " ORDER BY ";
            self.list(items, ", ", Self::order_item);
        }
    }

    pub(super) fn order_item(&mut self, item: &OrderBy) {
        if let OrderBy::Plain(Expr::Label { name, .. }) | OrderBy::Asc(Expr::Label { name, .. }) | OrderBy::Desc(Expr::Label { name, .. }) =
            item
        {
            if self.order_labels.contains(name) {
                let name = self.label_name(name);
                self.sql += &name;
                match item {
                    OrderBy::Asc(_) => self.sql += " ASC",
                    OrderBy::Desc(_) => self.sql += " DESC",
                    _ => {}
                }
                return;
            }
        }
        match item {
            OrderBy::Plain(e) => self.expr(e, None),
            OrderBy::Asc(e) => {
                self.expr(e, Some(AND));
                self.sql += " ASC";
            }
            OrderBy::Desc(e) => {
                self.expr(e, Some(AND));
                self.sql += " DESC";
            }
            OrderBy::Nulls(inner, first) => {
                self.order_item(inner);
                self.sql += if *first { " NULLS FIRST" } else { " NULLS LAST" };
            }
        }
    }

    /// Mirrors `SQLiteCompiler.limit_clause`: SQLite needs LIMIT before
    /// OFFSET, so each implies the other (-1 and 0 are "no limit", "no offset").
    pub(super) fn limit(&mut self, limit: Option<i64>, offset: Option<i64>) {
        match self.dialect {
            Dialect::Postgresql => {
                // PGCompiler.limit_clause
                if let Some(l) = limit {
                    self.sql += " \n LIMIT ";
                    self.bind(&Literal::Int(l));
                }
                if let Some(o) = offset {
                    if limit.is_none() {
                        self.sql += " \n LIMIT ALL";
                    }
                    self.sql += " OFFSET ";
                    self.bind(&Literal::Int(o));
                }
                return;
            }
            Dialect::Mysql => {
                // MySQLCompiler.limit_clause: `LIMIT offset, count`
                if let Some(o) = offset {
                    self.sql += " \n LIMIT ";
                    self.bind(&Literal::Int(o));
                    self.sql += ", ";
                    match limit {
                        Some(l) => self.bind(&Literal::Int(l)),
                        None => self.sql += "18446744073709551615",
                    }
                } else if let Some(l) = limit {
                    self.sql += " \n LIMIT ";
                    self.bind(&Literal::Int(l));
                }
                return;
            }
            Dialect::Oracle => {
                // SQLCompiler.fetch_clause, the values rendered at execution
                if let Some(o) = offset {
                    self.sql += "\n OFFSET ";
                    self.literal_execute(&Literal::Int(o));
                    self.sql += " ROWS";
                }
                if let Some(l) = limit {
                    self.sql += "\n FETCH FIRST ";
                    self.literal_execute(&Literal::Int(l));
                    self.sql += " ROWS ONLY";
                }
                return;
            }
            _ => {}
        }
        if self.named {
            // `SQLCompiler.limit_clause`, the default dialect's
            if let Some(l) = limit {
                self.sql += "\n LIMIT ";
                self.bind(&Literal::Int(l));
            }
            if let Some(o) = offset {
                if limit.is_none() {
                    self.sql += "\n LIMIT -1";
                }
                self.sql += " OFFSET ";
                self.bind(&Literal::Int(o));
            }
            return;
        }
        if limit.is_some() || offset.is_some() {
            self.sql += "\n LIMIT ";
            self.bind(&Literal::Int(limit.unwrap_or(-1)));
            self.sql += " OFFSET ";
            self.bind(&Literal::Int(offset.unwrap_or(0)));
        }
    }

    /// Mirrors `Select._get_display_froms`: the explicit FROM items, then the
    /// tables the columns and the WHERE criteria name, less those the
    /// explicit items cover; then `_correlate_froms`: a nested SELECT leaves
    /// out the enclosing SELECTs' FROMs it correlates to.
    pub(super) fn froms(&mut self, select: &Select, context: SelectContext) -> Vec<FromItem> {
        let mut implied: Vec<&FromName> = Vec::new();
        for e in select.columns.iter().chain(&select.where_) {
            e.tables(&mut implied);
        }
        let mut froms = select.from.clone();
        let mut extra: Vec<FromName> = Vec::new();
        for name in implied {
            if !froms.iter().any(|f| f.covers(name)) && !extra.contains(name) {
                extra.push(name.clone());
            }
        }
        froms.extend(extra.into_iter().filter_map(|name| match name {
            FromName::Named(name) => Some(match select.aliases.iter().find(|(alias, _)| *alias == name) {
                Some((alias, table)) => FromItem::Table { name: table.clone(), alias: Some(alias.clone()) },
                None => FromItem::table(&name),
            }),
            FromName::AnonOf(id, table) => Some(FromItem::AnonAlias { table, id }),
            FromName::Anon(_) => None,
        }));
        // a table a JOIN among them joins is not listed again (`_hide_froms`)
        let joined: Vec<FromName> = froms.iter().filter(|f| matches!(f, FromItem::Join { .. })).flat_map(FromItem::names).collect();
        froms.retain(|f| matches!(f, FromItem::Join { .. }) || !matches!(f.names().as_slice(), [name] if joined.contains(name)));
        self.correlate(select, context, froms)
    }

    /// `SelectState._correlate_froms` with the FROMs `_enclosing_correlate_froms`
    /// gives: explicit correlation to any enclosing SELECT's FROMs (a subquery
    /// in a FROM clause: any but the immediately enclosing one's), automatic
    /// to the immediately enclosing SELECT's, when more than one FROM.
    pub(super) fn correlate(&mut self, select: &Select, context: SelectContext, mut froms: Vec<FromItem>) -> Vec<FromItem> {
        let (explicit, implicit): (Vec<&FromName>, &[FromName]) = match (context, self.scopes.split_last()) {
            (SelectContext::Nested, Some((last, _))) => (self.scopes.iter().flatten().collect(), last),
            (SelectContext::Derived, Some((_, outer))) => (outer.iter().flatten().collect(), &[]),
            _ => (Vec::new(), &[]),
        };
        // (a FROM item is one of a set when it is one table, alias or subquery of it)
        let single = |item: &FromItem| match item.names().as_slice() {
            [name] => Some(name.clone()),
            _ => None,
        };
        let in_explicit = |item: &FromItem| single(item).is_some_and(|n| explicit.contains(&&n));
        match &select.correlation {
            Some(correlation) => {
                froms.retain(|f| !(in_explicit(f) && single(f).is_some_and(|n| correlation.only.contains(&n))));
                if let Some(except) = &correlation.except {
                    froms.retain(|f| !(in_explicit(f) && single(f).is_some_and(|n| !except.contains(&n))));
                }
            }
            None if !implicit.is_empty() && froms.len() > 1 => {
                froms.retain(|f| !single(f).is_some_and(|n| implicit.contains(&n)));
                if froms.is_empty() {
                    self.fail(SqlError::InvalidRequest(format!(
                        "Select statement '<sqlalchemy.sql.selectable.Select object at {:#x}>' returned no FROM clauses due to auto-correlation; specify correlate(<tables>) to control correlation manually.",
                        select.origin
                    )));
                }
            }
            None => {}
        }
        froms
    }

    pub(super) fn visit_from_item(&mut self, item: &FromItem) {
        match item {
            FromItem::Table { name, alias: None } => self.sql += &quote(name),
            FromItem::Table { name, alias: Some(alias) } => self.sql += &format!("{} AS {}", quote(name), quote(alias)),
            FromItem::Join { left, right, on, outer } => {
                self.visit_from_item(left);
                self.sql += if *outer { " LEFT OUTER JOIN " } else { " JOIN " };
                // a join on the right is grouped: `a LEFT OUTER JOIN (b JOIN c ON ...) ON ...`
                let nested = matches!(**right, FromItem::Join { .. });
                if nested {
                    self.sql.push('(');
                }
                self.visit_from_item(right);
                if nested {
                    self.sql.push(')');
                }
                self.sql += " ON ";
                self.expr(on, None);
            }
            FromItem::Cte(cte) => {
                let name = self.render_from_name(&cte.from_name());
                self.sql += &name;
            }
            FromItem::AnonAlias { table, id } => {
                let alias = self.render_from_name(&FromName::AnonOf(*id, table.clone()));
                self.sql += &format!("{} AS {alias}", quote(table));
            }
            FromItem::TableValued { func, name, derived } => {
                // OracleCompiler.visit_function: `TABLE (f(...))` in FROM
                let oracle = self.dialect == Dialect::Oracle;
                if oracle {
                    self.sql += "TABLE (";
                }
                self.expr(func, None);
                if oracle {
                    self.sql.push(')');
                }
                let name = self.render_from_name(name);
                // (Oracle's alias suffix has no AS)
                self.sql += if oracle { " " } else { " AS " };
                self.sql += &name;
                if !derived.is_empty() {
                    self.sql += &format!("({})", derived.iter().map(|c| quote(c)).collect::<Vec<_>>().join(", "));
                }
            }
            FromItem::CompoundSubquery { compound, name } => {
                let name = self.render_from_name(name);
                self.sql.push('(');
                let scopes = std::mem::take(&mut self.scopes);
                self.list(&compound.selects, set_keyword(compound.op), |w, select| w.select(select, SelectContext::Derived));
                self.order_by(&compound.order_by);
                self.limit(compound.limit, compound.offset);
                self.scopes = scopes;
                self.sql += ") AS ";
                self.sql += &name;
            }
            FromItem::TextSubquery { sql, params, name } => {
                let name = self.render_from_name(name);
                self.sql.push('(');
                self.sql += sql;
                self.params.extend(params.iter().cloned());
                self.sql += ") AS ";
                self.sql += &name;
            }
            FromItem::Subquery { select, name } => {
                // named before its contents, as SQLAlchemy numbers anonymous names
                let name = self.render_from_name(name);
                self.sql.push('(');
                // A derived table does not correlate to the SELECT around it.
                let scopes = std::mem::take(&mut self.scopes);
                self.select(select, SelectContext::Derived);
                self.scopes = scopes;
                self.sql += ") AS ";
                self.sql += &name;
            }
        }
    }
}

/// Mirrors `SQLCompiler.visit_compound_select`.
pub fn compound_select(compound: &CompoundSelect) -> Result<Compiled, SqlError> {
    compound_with(Writer::default(), compound)
}

pub(super) fn compound_with(mut w: Writer, compound: &CompoundSelect) -> Result<Compiled, SqlError> {
    let keyword = set_keyword(compound.op);
    let mut ctes = Vec::new();
    for select in &compound.selects {
        collect_ctes(select, &mut ctes);
    }
    w.with_clause(&ctes);
    w.list(&compound.selects, keyword, |w, select| w.select(select, SelectContext::Top));
    w.order_by(&compound.order_by);
    w.limit(compound.limit, compound.offset);
    w.finish()
}

pub(super) fn set_keyword(op: SetOp) -> &'static str {
    match op {
        SetOp::Union => " UNION ",
        SetOp::UnionAll => " UNION ALL ",
        SetOp::Intersect => " INTERSECT ",
        SetOp::IntersectAll => " INTERSECT ALL ",
        SetOp::Except => " EXCEPT ",
        SetOp::ExceptAll => " EXCEPT ALL ",
    }
}

/// The name a SELECT column is known by in a CTE or subquery.
pub(super) fn column_key(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Label { name, .. } => Some(name.clone()),
        Expr::Column(c) => Some(c.name.clone()),
        _ => None,
    }
}
