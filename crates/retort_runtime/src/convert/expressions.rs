//! Column expressions and FROM items: the script's expression objects
//! (each naming its kind in `__visit_name__`) as `retort_sql::expr` trees,
//! with the CTEs and subqueries they refer to collected for the SELECT.

use std::rc::Rc;

use retort_python::{PyResult, Value, Vm};
use retort_sql::expr::{BinOp, ColumnRef, Cte, CteBody, Expr, FromItem, FromName, Literal, ParamName, Select};

use super::*;

/// An `over()`'s frame (the script's `FrameClause`).
pub(super) fn frame(vm: &mut Vm, cx: &mut Conversion, f: &Value) -> PyResult<retort_sql::expr::Frame> {
    use retort_sql::expr::FrameBound;
    let bound = |vm: &mut Vm, cx: &mut Conversion, end: &str| -> PyResult<FrameBound> {
        let kind = attr_str(vm, f, &format!("{end}_type"))?.unwrap_or_default();
        let value = |vm: &mut Vm, cx: &mut Conversion| -> PyResult<Box<Expr>> {
            let bind = attr(vm, f, &format!("{end}_bind"))?;
            Ok(Box::new(expr(vm, cx, &bind)?))
        };
        Ok(match kind.as_str() {
            "current" => FrameBound::Current,
            "preceding" => FrameBound::Preceding(value(vm, cx)?),
            "following" => FrameBound::Following(value(vm, cx)?),
            _ => FrameBound::Unbounded,
        })
    };
    let lower = bound(vm, cx, "lower")?;
    let upper = bound(vm, cx, "upper")?;
    Ok(retort_sql::expr::Frame { unit: attr_str(vm, f, "unit")?.unwrap_or_default(), lower, upper, exclude: attr_str(vm, f, "exclude")? })
}

pub(super) fn bin_op(vm: &Vm, op: &str) -> PyResult<BinOp> {
    Ok(match op {
        "eq" => BinOp::Eq,
        "ne" => BinOp::Ne,
        "lt" => BinOp::Lt,
        "le" => BinOp::Le,
        "gt" => BinOp::Gt,
        "ge" => BinOp::Ge,
        "add" => BinOp::Add,
        "sub" => BinOp::Sub,
        "mul" => BinOp::Mul,
        "div" => BinOp::Div,
        "truediv" => BinOp::TrueDiv,
        "mod" => BinOp::Mod,
        "concat" => BinOp::Concat,
        "is" => BinOp::Is,
        "is_not" => BinOp::IsNot,
        "collate" => BinOp::Collate,
        "bitwise_and" => BinOp::BitAnd,
        "bitwise_or" => BinOp::BitOr,
        "bitwise_xor" => BinOp::BitXor,
        "bitwise_lshift" => BinOp::LShift,
        "bitwise_rshift" => BinOp::RShift,
        "is_distinct_from" => BinOp::IsDistinctFrom,
        "is_not_distinct_from" => BinOp::IsNotDistinctFrom,
        "match" => BinOp::Match,
        "regexp_match" => BinOp::RegexpMatch,
        other => return unsupported(vm, format!("the operator {other}")),
    })
}

/// A column of a table, alias, subquery or CTE as a reference.
pub(super) fn column_ref(vm: &mut Vm, cx: &mut Conversion, c: &Value) -> PyResult<Expr> {
    let name = attr_str(vm, c, "name")?.unwrap_or_default();
    match attr(vm, c, "table")? {
        Value::None => Ok(Expr::Literal(name)),
        t => {
            let table = from_name(vm, &t)?;
            // a CTE or a subquery named by a column is a FROM item of the SELECT
            if matches!(kind(vm, &t)?.as_str(), "cte" | "subquery" | "alias" | "table_valued_alias") {
                cx.refers_to(&table, &t);
            }
            Ok(Expr::Column(ColumnRef { table, name }))
        }
    }
}

/// A CTE as a FROM item: declared with its body, or, inside its own body,
/// only named.
pub(super) fn cte_item(vm: &mut Vm, cx: &mut Conversion, f: &Value) -> PyResult<FromItem> {
    // an unnamed cte() is numbered anon_N by the compiler; its key here is its id
    let anon = match (attr_str(vm, f, "name")?, vm.getattr_opt(f, "anon_id")?) {
        (None, Some(Value::Int(i))) => Some(i as u32),
        _ => None,
    };
    let name = match anon {
        Some(id) => format!("anon#{id}"),
        None => attr_str(vm, f, "name")?.unwrap_or_default(),
    };
    let recursive = attr_bool(vm, f, "recursive")?;
    if cx.declaring.contains(&name) {
        return Ok(FromItem::Cte(Rc::new(Cte { name, body: CteBody::Select(Select::default()), recursive, anon })));
    }
    let element = attr(vm, f, "element")?;
    cx.declaring.push(name.clone());
    let body = if kind(vm, &element)? == "compound_select" {
        compound_select(vm, cx, &element).map(|(c, _)| CteBody::Compound(c))
    } else {
        select(vm, cx, &element).map(|(s, _)| CteBody::Select(s))
    };
    cx.declaring.pop();
    Ok(FromItem::Cte(Rc::new(Cte { name, body: body?, recursive, anon })))
}

/// The name a FROM object is known by (an anonymous subquery's number).
pub(super) fn from_name(vm: &mut Vm, f: &Value) -> PyResult<FromName> {
    match attr_str(vm, f, "name")? {
        Some(name) => Ok(FromName::Named(name)),
        None => match vm.getattr_opt(f, "anon_id")? {
            Some(Value::Int(i)) => match vm.getattr_opt(f, "anon_stem")?.and_then(|s| s.as_str().map(str::to_owned)) {
                Some(stem) => Ok(FromName::AnonOf(i as u32, stem)),
                None => Ok(FromName::Anon(i as u32)),
            },
            _ => unsupported(vm, "an anonymous alias of a table"),
        },
    }
}

pub(super) fn is_compound_subquery(vm: &mut Vm, f: &Value) -> PyResult<bool> {
    let element = attr(vm, f, "element")?;
    Ok(kind(vm, &element)? == "compound_select")
}

pub(super) fn is_text_subquery(vm: &mut Vm, f: &Value) -> PyResult<bool> {
    let element = attr(vm, f, "element")?;
    Ok(kind(vm, &element)? == "text")
}

/// A FROM object: a table, an alias, a join or a subquery.
pub fn from_item(vm: &mut Vm, cx: &mut Conversion, f: &Value) -> PyResult<FromItem> {
    Ok(match kind(vm, f)?.as_str() {
        "table" => FromItem::table(&attr_str(vm, f, "name")?.unwrap_or_default()),
        "alias" => {
            let element = attr(vm, f, "element")?;
            let table = attr_str(vm, &element, "name")?.unwrap_or_default();
            match (attr_str(vm, f, "name")?, from_name(vm, f)?) {
                (None, FromName::AnonOf(id, _)) => FromItem::AnonAlias { table, id },
                (alias, _) => FromItem::Table { name: table, alias },
            }
        }
        "join" => {
            let (l, r, o) = (attr(vm, f, "left")?, attr(vm, f, "right")?, attr(vm, f, "onclause")?);
            let (left, right, on) = (from_item(vm, cx, &l)?, from_item(vm, cx, &r)?, expr(vm, cx, &o)?);
            FromItem::Join { left: Box::new(left), right: Box::new(right), on, outer: attr_bool(vm, f, "isouter")? }
        }
        "subquery" if is_text_subquery(vm, f)? => {
            // text(...).columns(...).subquery(): the text with its own binds
            let element = attr(vm, f, "element")?;
            let sql = attr_str(vm, &element, "text")?.unwrap_or_default();
            let mut binds = Vec::new();
            let own = attr(vm, &element, "binds")?;
            for (k, v) in vm.mapping_pairs(&own)? {
                let key = k.as_str().unwrap_or_default().to_owned();
                binds.push((key, bind_value(vm, &v, None)?));
            }
            let compiled = retort_sql::text::compile(&sql, &binds).map_err(|e| sql_error(vm, &e))?;
            FromItem::TextSubquery { sql: compiled.sql, params: compiled.params, name: from_name(vm, f)? }
        }
        "subquery" if is_compound_subquery(vm, f)? => {
            let element = attr(vm, f, "element")?;
            let (compound, _) = compound_select(vm, cx, &element)?;
            FromItem::CompoundSubquery { compound: Box::new(compound), name: from_name(vm, f)? }
        }
        "subquery" => {
            let element = attr(vm, f, "element")?;
            let (inner, _) = select(vm, cx, &element)?;
            FromItem::Subquery { select: Box::new(inner), name: from_name(vm, f)? }
        }
        "cte" => cte_item(vm, cx, f)?,
        "table_valued_alias" => {
            let func = attr(vm, f, "element")?;
            let derived = if attr_bool(vm, f, "_render_derived")? {
                let mut names = Vec::new();
                for c in attr_list(vm, f, "columns_list")? {
                    names.push(attr_str(vm, &c, "name")?.unwrap_or_default());
                }
                names
            } else {
                Vec::new()
            };
            FromItem::TableValued { func: Box::new(expr(vm, cx, &func)?), name: from_name(vm, f)?, derived }
        }
        other => return unsupported(vm, format!("{other} in FROM")),
    })
}

/// An expression node (`Column`, `BinaryExpression`, `func.count()`...).
pub fn expr(vm: &mut Vm, cx: &mut Conversion, e: &Value) -> PyResult<Expr> {
    let k = kind(vm, e)?;
    let sub = |vm: &mut Vm, cx: &mut Conversion, name: &str| -> PyResult<Expr> {
        let v = attr(vm, e, name)?;
        expr(vm, cx, &v)
    };
    Ok(match k.as_str() {
        "column" => column_ref(vm, cx, e)?,
        "bindparam" => {
            let mut value = attr(vm, e, "value")?;
            if let (Value::None, Some(key)) = (&value, attr_str(vm, e, "key")?) {
                match cx.bind_value(&key) {
                    Some(v) => value = v,
                    None if cx.lenient => {}
                    None => return Err(missing_bind(vm, &key)),
                }
            }
            let ty = type_of_expr(vm, e)?;
            let lit = match bind_value(vm, &value, ty.as_ref()) {
                Ok(lit) => lit,
                // a statement shown (not run) does not process its values, as SQLAlchemy's str() does not
                Err(_) if cx.lenient => Literal::None,
                Err(e) => return Err(e),
            };
            match (attr_str(vm, e, "key")?, attr_str(vm, e, "stem")?) {
                (Some(key), _) => Expr::Param { name: ParamName::Exact(key), value: lit },
                (None, Some(stem)) => Expr::Param { name: ParamName::Anon(stem), value: lit },
                (None, None) => Expr::Bind(lit),
            }
        }
        "null" => Expr::Null,
        "true" => Expr::BoolConst(true),
        "false" => Expr::BoolConst(false),
        "binary" => {
            let left = sub(vm, cx, "left")?;
            let right = sub(vm, cx, "right")?;
            let op = attr_str(vm, e, "operator")?.unwrap_or_default();
            left.compare(bin_op(vm, &op)?, right)
        }
        "custom_op" => Expr::CustomOp {
            left: Box::new(sub(vm, cx, "left")?),
            op: attr_str(vm, e, "opstring")?.unwrap_or_default(),
            right: Box::new(sub(vm, cx, "right")?),
            precedence: attr_i64(vm, e, "precedence")?.unwrap_or(0) as i32,
        },
        "unary" => match attr_str(vm, e, "operator")?.as_deref() {
            Some("bitwise_not") => Expr::BitNot(Box::new(sub(vm, cx, "element")?)),
            _ => Expr::Neg(Box::new(sub(vm, cx, "element")?)),
        },
        "and" | "or" => {
            let mut clauses = Vec::new();
            for c in attr_list(vm, e, "clauses")? {
                clauses.push(expr(vm, cx, &c)?);
            }
            if k == "and" {
                Expr::And(clauses)
            } else {
                Expr::Or(clauses)
            }
        }
        "not" => sub(vm, cx, "element")?.negate(),
        "as_boolean" => Expr::AsBoolean { expr: Box::new(sub(vm, cx, "element")?), negated: attr_bool(vm, e, "negated")? },
        "like" => {
            let element = sub(vm, cx, "element")?;
            let pattern = sub(vm, cx, "pattern")?;
            if attr_bool(vm, e, "ilike")? {
                element.ilike(pattern)
            } else {
                let escape = attr_str(vm, e, "escape")?.and_then(|s| s.chars().next());
                Expr::Like { expr: Box::new(element), pattern: Box::new(pattern), escape, negated: false, wrapped: false }
            }
        }
        "like_parts" => {
            let element = sub(vm, cx, "element")?;
            let value = attr_str(vm, e, "value")?.unwrap_or_default();
            let (leading, trailing, autoescape) =
                (attr_bool(vm, e, "leading")?, attr_bool(vm, e, "trailing")?, attr_bool(vm, e, "autoescape")?);
            let stem = element.bind_stem();
            match element.like_parts(&value, leading, trailing, autoescape) {
                Expr::Like { expr, pattern, escape, negated, wrapped } => {
                    Expr::Like { expr, pattern: Box::new(name_binds(*pattern, &stem)), escape, negated, wrapped }
                }
                other => other,
            }
        }
        "in" => {
            let element = sub(vm, cx, "element")?;
            let ty_value = attr(vm, e, "value_type")?;
            let ty = sql_type(vm, &ty_value)?;
            let mut given = attr_list(vm, e, "values")?;
            if let Some(key) = vm.getattr_opt(e, "expanding")?.and_then(|k| k.as_str().map(str::to_owned)) {
                // an expanding bindparam(): its list of values comes with the execution
                match cx.bind_value(&key) {
                    Some(list) => given = vm.iterate(&list)?,
                    None if cx.lenient => {}
                    None => return Err(missing_bind(vm, &key)),
                }
            }
            let mut values = Vec::new();
            for v in given {
                values.push(bind_value(vm, &v, ty.as_ref())?);
            }
            Expr::In { expr: Box::new(element), values, negated: false }
        }
        "between" => Expr::Between {
            expr: Box::new(sub(vm, cx, "element")?),
            low: Box::new(sub(vm, cx, "low")?),
            high: Box::new(sub(vm, cx, "high")?),
        },
        "function" => {
            let name = attr_str(vm, e, "name")?.unwrap_or_default();
            let mut args = Vec::new();
            for a in attr_list(vm, e, "clauses")? {
                args.push(expr(vm, cx, &a)?);
            }
            Expr::Function { name, args }
        }
        "label" => {
            let name = match (attr_str(vm, e, "name")?, e) {
                (Some(name), _) => name,
                (None, Value::Instance(i)) => {
                    // `_anonymous_label.safe_construct(id, getattr(element, "name", "anon"))`
                    let element = attr(vm, e, "element")?;
                    let stem = match kind(vm, &element)?.as_str() {
                        "function" | "column" => attr_str(vm, &element, "name")?.unwrap_or_default(),
                        _ => String::new(),
                    };
                    retort_sql::expr::anon_label(i.serial, &stem)
                }
                (None, _) => String::new(),
            };
            sub(vm, cx, "element")?.label(&name)
        }
        "cast" => {
            let ty_value = attr(vm, e, "type")?;
            match sql_type(vm, &ty_value)? {
                Some(ty) => Expr::Cast { expr: Box::new(sub(vm, cx, "element")?), ty },
                None => return unsupported(vm, "cast() to this type"),
            }
        }
        "case" => {
            let value = match attr(vm, e, "value")? {
                Value::None => None,
                v => Some(Box::new(expr(vm, cx, &v)?)),
            };
            let mut whens = Vec::new();
            for pair in attr_list(vm, e, "whens")? {
                let [w, r] = <[Value; 2]>::try_from(vm.unpack(&pair, 2)?).map_err(|_| vm.new_error("ValueError", "a (when, then) pair"))?;
                whens.push((expr(vm, cx, &w)?, expr(vm, cx, &r)?));
            }
            let else_ = match attr(vm, e, "else_")? {
                Value::None => None,
                v => Some(Box::new(expr(vm, cx, &v)?)),
            };
            Expr::Case { value, whens, else_ }
        }
        "scalar_subquery" => {
            let inner = attr(vm, e, "element")?;
            Expr::ScalarSubquery(Box::new(select(vm, cx, &inner)?.0))
        }
        "exists" => {
            let inner = attr(vm, e, "element")?;
            let (mut s, _) = select(vm, cx, &inner)?;
            if s.columns.is_empty() {
                s.columns.push(Expr::Star);
            }
            Expr::Exists(Box::new(s))
        }
        "in_select" => {
            let element = sub(vm, cx, "element")?;
            let inner = attr(vm, e, "select")?;
            Expr::InSelect { expr: Box::new(element), select: Box::new(select(vm, cx, &inner)?.0), negated: false }
        }
        "over" => {
            let func = sub(vm, cx, "element")?;
            let mut partition_by = Vec::new();
            for p in attr_list(vm, e, "partition_by")? {
                partition_by.push(expr(vm, cx, &p)?);
            }
            let mut order = Vec::new();
            for o in attr_list(vm, e, "order_by")? {
                order.push(order_by(vm, cx, &o)?);
            }
            let frame = match vm.getattr_opt(e, "frame")? {
                Some(f @ Value::Instance(_)) => Some(frame(vm, cx, &f)?),
                _ => None,
            };
            Expr::Over { func: Box::new(func), partition_by, order_by: order, frame }
        }
        "json_getitem" => Expr::JsonGet { expr: Box::new(sub(vm, cx, "element")?), path: Box::new(sub(vm, cx, "path")?) },
        "within_group" | "aggregate_order_by" => {
            let func = Box::new(sub(vm, cx, "element")?);
            let mut order = Vec::new();
            for o in attr_list(vm, e, "order_by")? {
                order.push(order_by(vm, cx, &o)?);
            }
            if k == "within_group" {
                Expr::WithinGroup { func, order_by: order }
            } else {
                Expr::AggregateOrderBy { func, order_by: order }
            }
        }
        "table_valued_column" => {
            // the function is a FROM item of the SELECT, as a column's table is
            let alias = attr(vm, e, "scalar_alias")?;
            let name = from_name(vm, &alias)?;
            cx.refers_to(&name, &alias);
            Expr::TableValuedColumn(name)
        }
        "filter" => Expr::Filter { func: Box::new(sub(vm, cx, "func")?), criterion: Box::new(sub(vm, cx, "criterion")?) },
        "distinct" => Expr::Distinct(Box::new(sub(vm, cx, "element")?)),
        // (quoted as an identifier is: "NOCASE", nocase)
        "collation" => Expr::Literal(retort_sql::quote::quote(&attr_str(vm, e, "collation")?.unwrap_or_default())),
        "extract" => {
            let field = attr_str(vm, e, "field")?.unwrap_or_default();
            if retort_sql::expr::sqlite_extract_format(&field).is_none() && !cx.lenient {
                return Err(sa_error(vm, "CompileError", format!("{field} is not a valid extract argument.")));
            }
            Expr::Extract { field, expr: Box::new(sub(vm, cx, "expr")?) }
        }
        "literal_column" => Expr::Literal(attr_str(vm, e, "text")?.unwrap_or_default()),
        // text() among a SELECT's columns or in an expression: as written
        "text" if matches!(vm.getattr_opt(e, "binds")?, Some(Value::Dict(d)) if d.borrow().is_empty()) => {
            let sql = attr_str(vm, e, "text")?.unwrap_or_default();
            if sql.contains(':') {
                return unsupported(vm, "text() with bound parameters inside an expression");
            }
            Expr::Literal(sql)
        }
        "type_coerce" => sub(vm, cx, "element")?,
        "tuple_in" => {
            let tuple = attr(vm, e, "tuple")?;
            let clauses = attr_list(vm, &tuple, "clauses")?;
            let mut exprs = Vec::new();
            let mut types = Vec::new();
            for c in &clauses {
                exprs.push(expr(vm, cx, c)?);
                types.push(type_of_expr(vm, c)?);
            }
            let mut rows = Vec::new();
            for row in attr_list(vm, e, "rows")? {
                let mut out = Vec::new();
                for (i, v) in vm.iterate(&row)?.iter().enumerate() {
                    out.push(bind_value(vm, v, types.get(i).and_then(Option::as_ref))?);
                }
                rows.push(out);
            }
            Expr::TupleIn { exprs, rows, negated: false }
        }
        "label_reference" => Expr::Literal(attr_str(vm, e, "name")?.unwrap_or_default()),
        other => return unsupported(vm, format!("{other} expressions")),
    })
}
