//! Core statements against real SQLAlchemy: each test builds, in Rust, the
//! statements of an oracle case (`tests/oracle/core/*.py`) and compares the
//! SQL text and parameters with those SQLAlchemy sent, in order.

use retort_sql::compiler::{self, Compiled};
use retort_sql::expr::{
    BinOp, ColumnRef, CompoundSelect, Cte, CteBody, Delete, Expr, FromItem, FromName, Insert, InsertSource, LabelStyle, Literal, OrderBy,
    Select, SetOp, Update,
};
use retort_sql::schema::{Column, Table};
use retort_sql::types::SqlType;
use serde_json::Value as Json;
use std::rc::Rc;

mod common;

/// The statements of a case's trace after its DDL, as (SQL, params).
fn statements(case: &str) -> Vec<(String, Json)> {
    let path = format!("{}/../../tests/oracle/core/{case}.trace.json", env!("CARGO_MANIFEST_DIR"));
    let trace: Json = serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))).unwrap();
    let out: Vec<(String, Json)> = trace["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| Some((e["sql"].as_str()?, e["params"].clone())))
        .filter(|(sql, _)| !sql.starts_with("PRAGMA") && !sql.starts_with("CREATE"))
        .map(|(sql, params)| (normalize(sql), params))
        .collect();
    assert!(!out.is_empty(), "{case}: no statements: was the trace recorded?");
    out
}

fn normalize(sql: &str) -> String {
    sql.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn json_of(compiled: &Compiled) -> (String, Json) {
    let params = compiled.params.iter().map(common::literal_json).collect();
    (normalize(&compiled.sql), Json::Array(params))
}

fn c(table: &str, name: &str) -> Expr {
    Expr::column(table, name)
}
fn int(i: i64) -> Expr {
    Expr::Bind(Literal::Int(i))
}
fn s(v: &str) -> Expr {
    Expr::Bind(Literal::Str(v.into()))
}
fn func(name: &str, args: Vec<Expr>) -> Expr {
    Expr::Function { name: name.into(), args }
}

#[test]
fn selects() {
    let u = |name: &str| c("user_account", name);
    let base = |columns: Vec<Expr>| Select { columns, ..Select::default() };
    let all = || vec![u("id"), u("name"), u("age")];
    let with_where = |columns: Vec<Expr>, where_: Vec<Expr>| Select { where_, ..base(columns) };
    let selects = vec![
        base(all()),
        with_where(vec![u("name")], vec![u("id").compare(BinOp::Eq, int(2))]),
        Select {
            order_by: vec![OrderBy::Plain(u("name"))],
            ..with_where(vec![u("id"), u("name")], vec![u("age").compare(BinOp::Gt, int(18)), u("name").compare(BinOp::Ne, s("cy"))])
        },
        Select {
            order_by: vec![OrderBy::Desc(u("id"))],
            ..with_where(vec![u("name")], vec![Expr::Or(vec![u("age").compare(BinOp::Lt, int(30)), u("age").compare(BinOp::Ge, int(36))])])
        },
        with_where(
            vec![u("name")],
            vec![Expr::And(vec![u("age").compare(BinOp::Le, int(40)), u("name").compare(BinOp::Eq, s("ada")).negate()])],
        ),
        with_where(vec![u("name")], vec![u("age").compare(BinOp::Eq, Expr::Bind(Literal::None))]),
        Select {
            order_by: vec![OrderBy::Desc(u("age")), OrderBy::Asc(u("name"))],
            ..with_where(vec![u("name")], vec![Expr::IsNull { expr: Box::new(u("age")), negated: true }])
        },
        with_where(
            vec![u("name")],
            vec![Expr::In { expr: Box::new(u("id")), values: vec![Literal::Int(1), Literal::Int(3)], negated: false }],
        ),
        with_where(vec![u("name")], vec![Expr::In { expr: Box::new(u("id")), values: vec![], negated: false }]),
        with_where(vec![u("name")], vec![Expr::In { expr: Box::new(u("id")), values: vec![Literal::Int(1)], negated: true }]),
        with_where(vec![u("name")], vec![u("name").compare(BinOp::Like, s("a%"))]),
        with_where(vec![u("name")], vec![Expr::Between { expr: Box::new(u("age")), low: Box::new(int(18)), high: Box::new(int(30)) }]),
        Select { order_by: vec![OrderBy::Plain(u("id"))], limit: Some(2), ..base(vec![u("name")]) },
        Select { order_by: vec![OrderBy::Plain(u("id"))], limit: Some(2), offset: Some(1), ..base(vec![u("name")]) },
        Select { offset: Some(1), ..base(vec![u("name")]) },
        Select { distinct: true, ..base(vec![u("age")]) },
        Select { from: vec![FromItem::table("user_account")], ..base(vec![func("count", vec![])]) },
        base(vec![func("count", vec![u("id")]), func("max", vec![u("age")])]),
        Select {
            group_by: vec![u("age")],
            having: vec![func("count", vec![u("id")]).compare(BinOp::Gt, int(0))],
            ..base(vec![u("age"), func("count", vec![u("id")]).label("n")])
        },
        base(vec![u("id").compare(BinOp::Add, int(1)), u("name").compare(BinOp::Concat, s("!"))]),
    ];
    let want = statements("select_basics");
    let got: Vec<(String, Json)> = selects.iter().map(|s| json_of(&compiler::select(s).unwrap())).collect();
    // The trace starts with the executemany INSERT.
    assert_eq!(got.len(), want.len() - 1);
    for (got, want) in got.iter().zip(&want[1..]) {
        assert_eq!(got, want);
    }
}

#[test]
fn inserts_updates_and_deletes() {
    let table = Table::new(
        "item",
        vec![
            Column { primary_key: true, ..Column::new("id", SqlType::Integer) },
            Column { nullable: Some(false), ..Column::new("label", SqlType::String { length: Some(20) }) },
            Column { nullable: Some(false), ..Column::new("qty", SqlType::Integer) },
        ],
        vec![],
    );
    let i = |name: &str| c("item", name);
    let values = |pairs: Vec<(&str, Expr)>| pairs.into_iter().map(|(n, e)| (n.to_owned(), e)).collect::<Vec<_>>();
    let insert = |v: Vec<(&str, Expr)>, returning: Vec<&str>| Insert {
        table: "item".into(),
        source: InsertSource::Values(vec![values(v)]),
        returning: returning.into_iter().map(Into::into).collect(),
        on_conflict: None,
        prefixes: Vec::new(),
    };
    let update = |v: Vec<(&str, Expr)>, where_: Vec<Expr>, returning: Vec<&str>| Update {
        table: "item".into(),
        values: values(v),
        ordered: false,
        where_,
        returning: returning.into_iter().map(Into::into).collect(),
    };
    let got = [
        compiler::insert(&insert(vec![("label", s("bolt")), ("qty", int(5))], vec![]), &table).unwrap(),
        compiler::insert(&insert(vec![("qty", int(2)), ("label", s("nut"))], vec!["id"]), &table).unwrap(),
        compiler::update(&update(vec![("qty", int(6))], vec![i("label").compare(BinOp::Eq, s("bolt"))], vec![]), &table).unwrap(),
        compiler::update(
            &update(
                vec![("qty", i("qty").compare(BinOp::Add, int(10))), ("label", s("x"))],
                vec![i("id").compare(BinOp::Gt, int(2))],
                vec![],
            ),
            &table,
        )
        .unwrap(),
        compiler::update(&update(vec![("qty", int(0))], vec![i("id").compare(BinOp::Eq, int(1))], vec!["id", "qty"]), &table).unwrap(),
        compiler::delete(&Delete { table: "item".into(), where_: vec![i("qty").compare(BinOp::Gt, int(10))], ..Delete::default() })
            .unwrap(),
        compiler::delete(&Delete {
            table: "item".into(),
            where_: vec![i("id").compare(BinOp::Eq, int(2))],
            returning: vec!["label".into()],
            ..Delete::default()
        })
        .unwrap(),
    ];
    let want = statements("dml_basics");
    // Skip the executemany INSERT (compared by text only) and the final SELECT.
    let got: Vec<(String, Json)> = got.iter().map(json_of).collect();
    let want_single: Vec<(String, Json)> = want.iter().filter(|(_, p)| !p.get(0).is_some_and(Json::is_array)).cloned().collect();
    assert_eq!(got[..], want_single[..got.len()]);
    let many = want.iter().find(|(_, p)| p.get(0).is_some_and(Json::is_array)).unwrap();
    let one_row = compiler::insert(&insert(vec![("label", s("a")), ("qty", int(1))], vec![]), &table).unwrap();
    assert_eq!(normalize(&one_row.sql), many.0);
    let unknown = compiler::insert(&insert(vec![("nope", int(1))], vec![]), &table).unwrap_err();
    assert_eq!(unknown.to_string(), "Unconsumed column names: nope");
}

#[test]
fn joins_and_subqueries() {
    let e = |name: &str| c("emp", name);
    let d = |name: &str| c("dept", name);
    let boss = |name: &str| c("boss", name);
    let join =
        |left: FromItem, right: FromItem, on: Expr, outer: bool| FromItem::Join { left: Box::new(left), right: Box::new(right), on, outer };
    let base = |columns: Vec<Expr>| Select { columns, ..Select::default() };
    let anon = |name: &str| Expr::Column(ColumnRef { table: FromName::Anon(7), name: name.into() });
    let totals = Select { group_by: vec![e("dept_id")], ..base(vec![e("dept_id"), func("sum", vec![e("salary")]).label("total")]) };
    let exists = || Expr::Exists(Box::new(Select { where_: vec![e("dept_id").compare(BinOp::Eq, d("id"))], ..base(vec![Expr::Star]) }));
    let selects = vec![
        Select {
            from: vec![join(FromItem::table("emp"), FromItem::table("dept"), e("dept_id").compare(BinOp::Eq, d("id")), false)],
            order_by: vec![OrderBy::Plain(e("name"))],
            ..base(vec![e("name"), d("name")])
        },
        Select {
            from: vec![join(FromItem::table("dept"), FromItem::table("emp"), d("id").compare(BinOp::Eq, e("dept_id")), true)],
            group_by: vec![d("name")],
            order_by: vec![OrderBy::Plain(d("name"))],
            ..base(vec![d("name"), func("count", vec![e("id")])])
        },
        Select {
            where_: vec![e("dept_id").compare(BinOp::Eq, d("id")), d("name").compare(BinOp::Eq, s("eng"))],
            order_by: vec![OrderBy::Plain(e("id"))],
            ..base(vec![e("name"), d("name")])
        },
        Select {
            from: vec![join(
                FromItem::table("emp"),
                FromItem::Table { name: "emp".into(), alias: Some("boss".into()) },
                e("dept_id").compare(BinOp::Eq, boss("dept_id")),
                false,
            )],
            where_: vec![boss("salary").compare(BinOp::Gt, e("salary"))],
            ..base(vec![e("name"), boss("name")])
        },
        Select {
            where_: vec![e("salary").compare(BinOp::Eq, Expr::ScalarSubquery(Box::new(base(vec![func("max", vec![e("salary")])]))))],
            ..base(vec![e("name")])
        },
        Select { where_: vec![exists()], order_by: vec![OrderBy::Plain(d("name"))], ..base(vec![d("name")]) },
        Select { where_: vec![exists().negate()], ..base(vec![d("name")]) },
        Select {
            from: vec![join(
                FromItem::table("dept"),
                FromItem::Subquery { select: Box::new(totals), name: FromName::Anon(7) },
                d("id").compare(BinOp::Eq, anon("dept_id")),
                false,
            )],
            order_by: vec![OrderBy::Plain(anon("total"))],
            ..base(vec![d("name"), anon("total")])
        },
        Select {
            from: vec![FromItem::Subquery {
                select: Box::new(Select { where_: vec![e("salary").compare(BinOp::Gt, int(6))], ..base(vec![e("id"), e("name")]) }),
                name: FromName::Anon(3),
            }],
            ..base(vec![func("count", vec![])])
        },
        Select {
            where_: vec![Expr::And(vec![
                e("salary").compare(BinOp::Gt, int(1)),
                Expr::InSelect {
                    expr: Box::new(e("dept_id")),
                    select: Box::new(Select { where_: vec![d("name").compare(BinOp::Ne, s("ops"))], ..base(vec![d("id")]) }),
                    negated: false,
                },
            ])],
            ..base(vec![e("name")])
        },
    ];
    let want: Vec<(String, Json)> = statements("joins_subqueries").into_iter().filter(|(sql, _)| sql.starts_with("SELECT")).collect();
    assert_eq!(want.len(), selects.len());
    for (select, want) in selects.iter().zip(&want) {
        assert_eq!(&json_of(&compiler::select(select).unwrap()), want);
    }
}

#[test]
fn operators_functions_and_unions() {
    let p = |name: &str| c("product", name);
    let base = |columns: Vec<Expr>| Select { columns, ..Select::default() };
    let name_where = |criterion: Expr| Select { where_: vec![criterion], ..base(vec![p("name")]) };
    let like = |pattern: &str, escape: Option<char>, negated: bool| Expr::Like {
        expr: Box::new(p("name")),
        pattern: Box::new(s(pattern)),
        escape,
        negated,
        wrapped: false,
    };
    let selects = vec![
        name_where(p("name").ilike(s("bolt%"))),
        name_where(p("name").like_parts("100%", true, true, true)),
        name_where(p("name").like_parts("Bolt", false, true, false)),
        name_where(p("name").like_parts("er", true, false, false)),
        name_where(like("%!_%", Some('!'), false)),
        name_where(like("w%", None, true)),
        base(vec![
            p("name"),
            Expr::Case {
                value: None,
                whens: vec![(p("stock").compare(BinOp::Eq, int(0)), s("out")), (p("stock").compare(BinOp::Lt, int(5)), s("low"))],
                else_: Some(Box::new(s("ok"))),
            },
        ]),
        base(vec![
            p("name"),
            Expr::Case { value: Some(Box::new(p("price"))), whens: vec![(int(10), s("ten"))], else_: Some(Box::new(s("other"))) }
                .label("kind"),
        ]),
        base(vec![Expr::Cast { expr: Box::new(p("price")), ty: SqlType::String { length: None } }]),
        base(vec![func("coalesce", vec![p("stock"), int(0)]), func("lower", vec![p("name")]), func("length", vec![p("name")])]),
        Select { order_by: vec![OrderBy::Nulls(Box::new(OrderBy::Asc(p("price"))), true)], ..base(vec![p("name")]) },
        Select { order_by: vec![OrderBy::Nulls(Box::new(OrderBy::Desc(p("stock"))), false)], ..base(vec![p("name")]) },
        base(vec![
            Expr::Neg(Box::new(p("price"))),
            p("price").compare(BinOp::Add, int(1)).compare(BinOp::Mul, int(2)),
            p("price").compare(BinOp::Sub, p("stock").compare(BinOp::Sub, int(1))),
        ]),
        name_where(Expr::Or(vec![
            Expr::And(vec![p("price").compare(BinOp::Gt, int(1)), p("stock").compare(BinOp::Gt, int(0))]),
            p("name").compare(BinOp::Eq, s("washer")),
        ])),
    ];
    let mut got: Vec<(String, Json)> = selects.iter().map(|s| json_of(&compiler::select(s).unwrap())).collect();
    let ids = |op: BinOp, v: i64| Select { where_: vec![p("id").compare(op, int(v))], ..base(vec![p("id")]) };
    got.push(json_of(
        &compiler::compound_select(&CompoundSelect {
            op: SetOp::UnionAll,
            selects: vec![name_where(p("price").compare(BinOp::Gt, int(5))), name_where(p("stock").compare(BinOp::Eq, int(0)))],
            order_by: vec![],
            limit: None,
            offset: None,
        })
        .unwrap(),
    ));
    got.push(json_of(
        &compiler::compound_select(&CompoundSelect {
            op: SetOp::Union,
            selects: vec![ids(BinOp::Lt, 2), ids(BinOp::Gt, 2)],
            order_by: vec![OrderBy::Plain(Expr::Literal("id".into()))],
            limit: None,
            offset: None,
        })
        .unwrap(),
    ));
    got.push(json_of(&compiler::select(&Select { limit: Some(1), ..base(vec![int(1), p("name")]) }).unwrap()));
    let want: Vec<(String, Json)> = statements("operators").into_iter().filter(|(sql, _)| sql.starts_with("SELECT")).collect();
    assert_eq!(got.len(), want.len());
    for (got, want) in got.iter().zip(&want) {
        assert_eq!(got, want);
    }
}

#[test]
fn text_multirow_values_insert_from_select_and_ctes() {
    let n = |name: &str| c("node", name);
    let base = |columns: Vec<Expr>| Select { columns, ..Select::default() };
    let node = Table::new(
        "node",
        vec![
            Column { primary_key: true, ..Column::new("id", SqlType::Integer) },
            Column::new("parent_id", SqlType::Integer),
            Column::new("name", SqlType::String { length: Some(20) }),
        ],
        vec![],
    );
    let archive = Table::new(
        "archive",
        vec![
            Column { primary_key: true, ..Column::new("id", SqlType::Integer) },
            Column::new("name", SqlType::String { length: Some(20) }),
        ],
        vec![],
    );
    let row = |parent: Expr, name: &str| vec![("parent_id".to_owned(), parent), ("name".to_owned(), s(name))];
    let mut got = vec![compiler::insert(
        &Insert {
            table: "node".into(),
            source: InsertSource::Values(vec![row(Expr::Bind(Literal::None), "root"), row(int(1), "a"), row(int(2), "b")]),
            returning: vec![],
            on_conflict: None,
            prefixes: Vec::new(),
        },
        &node,
    )
    .unwrap()];
    let x = [("x".to_owned(), Literal::Int(1))];
    got.push(retort_sql::text::compile("SELECT name FROM node WHERE id = :x OR parent_id = :x ORDER BY id", &x).unwrap());
    got.push(
        retort_sql::text::compile("SELECT '10:30' AS t, name FROM node WHERE name = :n", &[("n".into(), Literal::Str("a".into()))])
            .unwrap(),
    );
    got.push(retort_sql::text::compile("SELECT 'a\\:b' AS t, :v AS v", &[("v".into(), Literal::Int(5))]).unwrap());
    got.push(
        compiler::insert(
            &Insert {
                table: "archive".into(),
                source: InsertSource::Select {
                    columns: vec!["id".into(), "name".into()],
                    select: Box::new(Select { where_: vec![n("id").compare(BinOp::Gt, int(1))], ..base(vec![n("id"), n("name")]) }),
                },
                returning: vec![],
                on_conflict: None,
                prefixes: Vec::new(),
            },
            &archive,
        )
        .unwrap(),
    );
    got.push(compiler::select(&Select { order_by: vec![OrderBy::Plain(c("archive", "id"))], ..base(vec![c("archive", "name")]) }).unwrap());
    let big = Rc::new(Cte {
        name: "big".into(),
        body: CteBody::Select(Select { where_: vec![n("id").compare(BinOp::Gt, int(1))], ..base(vec![n("id"), n("name")]) }),
        recursive: false,
        anon: None,
    });
    got.push(
        compiler::select(&Select {
            from: vec![FromItem::Cte(big)],
            where_: vec![c("big", "id").compare(BinOp::Lt, int(3))],
            ..base(vec![c("big", "name")])
        })
        .unwrap(),
    );
    let t = |name: &str| c("tree", name);
    // The recursive part refers to the CTE by name; its declaration comes
    // from the outer reference.
    let tree_ref = Rc::new(Cte { name: "tree".into(), body: CteBody::Select(Select::default()), recursive: true, anon: None });
    let tree = Rc::new(Cte {
        name: "tree".into(),
        body: CteBody::Compound(CompoundSelect {
            op: SetOp::UnionAll,
            selects: vec![
                Select {
                    where_: vec![n("parent_id").compare(BinOp::Eq, Expr::Null)],
                    ..base(vec![n("id"), n("name"), int(0).label("depth")])
                },
                Select {
                    from: vec![FromItem::Join {
                        left: Box::new(FromItem::table("node")),
                        right: Box::new(FromItem::Cte(tree_ref)),
                        on: n("parent_id").compare(BinOp::Eq, t("id")),
                        outer: false,
                    }],
                    ..base(vec![n("id"), n("name"), t("depth").compare(BinOp::Add, int(1)).label("depth")])
                },
            ],
            order_by: vec![],
            limit: None,
            offset: None,
        }),
        recursive: true,
        anon: None,
    });
    got.push(
        compiler::select(&Select {
            from: vec![FromItem::Cte(tree)],
            order_by: vec![OrderBy::Plain(t("depth"))],
            ..base(vec![t("name"), t("depth")])
        })
        .unwrap(),
    );
    got.push(
        compiler::select(&Select {
            from: vec![FromItem::Subquery {
                select: Box::new(Select { label_style: LabelStyle::TablenamePlusCol, ..base(vec![n("id"), n("name")]) }),
                name: FromName::Anon(1),
            }],
            ..base(vec![func("count", vec![])])
        })
        .unwrap(),
    );
    let got: Vec<(String, Json)> = got.iter().map(json_of).collect();
    let want = statements("text_cte_values");
    assert_eq!(got, want);
}
