//! DDL against real SQLAlchemy: each test builds, in Rust, the schema of an
//! oracle case (its Python source is beside its trace under `tests/oracle/`)
//! and compares the CREATE and DROP statements `create_all`/`drop_all` would
//! send with the ones SQLAlchemy sent. Within one table the CREATE INDEX
//! statements are compared as a set: SQLAlchemy keeps `Table.indexes` in a
//! Python set, so their order follows object addresses.

use retort_sql::ddl::{create_index, create_table, drop_table, table_info_pragma};
use retort_sql::schema::{Column, Constraint, ForeignKey, Index, MetaData, PrimaryKey, ServerDefault, Table, TableArg};
use retort_sql::sort::sort_tables;
use retort_sql::types::SqlType;

fn trace(path: &str) -> serde_json::Value {
    let full = format!("{}/../../tests/oracle/{path}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))).unwrap()
}

fn normalize(sql: &str) -> String {
    sql.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The DDL statements of a trace, each table's CREATE INDEX run sorted.
fn ddl_of(trace: &serde_json::Value) -> Vec<String> {
    let statements: Vec<String> = trace["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["sql"].as_str())
        .filter(|s| s.starts_with("CREATE") || s.starts_with("DROP"))
        .map(normalize)
        .collect();
    assert!(!statements.is_empty(), "a DDL case without DDL: was its trace recorded?");
    sort_index_runs(statements)
}

fn sort_index_runs(mut statements: Vec<String>) -> Vec<String> {
    let mut i = 0;
    while i < statements.len() {
        let j = (i..statements.len()).find(|&k| !is_index(&statements[k])).unwrap_or(statements.len());
        statements[i..j].sort();
        i = j.max(i + 1);
    }
    statements
}

fn is_index(sql: &str) -> bool {
    sql.starts_with("CREATE INDEX") || sql.starts_with("CREATE UNIQUE INDEX")
}

/// What create_all then drop_all send for `metadata`, as Retort compiles it.
fn create_then_drop(metadata: &MetaData) -> Vec<String> {
    metadata.resolve_foreign_keys().unwrap();
    let sorted = sort_tables(metadata.tables()).tables;
    let mut out = Vec::new();
    for table in &sorted {
        out.push(normalize(&create_table(table)));
        out.extend(table.indexes.iter().map(|i| normalize(&create_index(table, i))));
    }
    for table in sorted.iter().rev() {
        out.push(normalize(&drop_table(table)));
    }
    sort_index_runs(out)
}

fn col(name: &str, ty: SqlType) -> Column {
    Column::new(name, ty)
}
fn pk(name: &str) -> Column {
    Column { primary_key: true, ..col(name, SqlType::Integer) }
}
fn not_null(c: Column) -> Column {
    Column { nullable: Some(false), ..c }
}
fn string(n: u32) -> SqlType {
    SqlType::String { length: Some(n) }
}
fn fk(name: &str, target: &str) -> Column {
    Column { foreign_keys: vec![ForeignKey::to(target).unwrap()], ..col(name, SqlType::Integer) }
}
fn named(name: &str, args: &[u32]) -> SqlType {
    SqlType::Named { name: name.into(), args: args.to_vec() }
}
fn metadata(tables: Vec<Table>) -> MetaData {
    let mut m = MetaData::new();
    for t in tables {
        m.add(t).unwrap();
    }
    m
}

#[test]
fn every_type_default_and_nullability() {
    let columns = vec![
        pk("id"),
        col("big", SqlType::BigInteger),
        not_null(col("small", SqlType::SmallInteger)),
        Column { server_default: Some(ServerDefault::Literal("anon".into())), ..not_null(col("name", string(40))) },
        col("plain", SqlType::String { length: None }),
        col("body", SqlType::Text),
        col("uni", string(10)),
        col("unitext", SqlType::Text),
        Column { server_default: Some(ServerDefault::Sql("1".into())), ..col("flag", SqlType::Boolean) },
        col("ratio", SqlType::Float),
        col("precise", SqlType::Double),
        col("price", SqlType::Numeric { precision: Some(10), scale: Some(2) }),
        col("num", SqlType::Numeric { precision: None, scale: None }),
        col("born", SqlType::Date),
        Column { server_default: Some(ServerDefault::Sql("CURRENT_TIMESTAMP".into())), ..col("seen", SqlType::DateTime) },
        col("at", SqlType::Time),
        col("span", SqlType::Interval),
        col(
            "color",
            SqlType::Enum {
                name: Some("color".into()),
                members: vec!["red".into(), "green".into(), "blue".into()],
                keys: vec![],
                length: 5,
                validate_strings: false,
            },
        ),
        col(
            "size",
            SqlType::Enum {
                name: Some("size".into()),
                members: vec!["small".into(), "medium".into(), "large".into()],
                keys: vec![],
                length: 6,
                validate_strings: false,
            },
        ),
        col("data", SqlType::Json),
        col("blob", SqlType::LargeBinary),
        col("uid", SqlType::Uuid),
        col("v", named("VARCHAR", &[12])),
        col("c", named("CHAR", &[3])),
        col("i", named("INTEGER", &[])),
        col("ts", named("TIMESTAMP", &[])),
        col("d", named("DECIMAL", &[8, 3])),
        col("r", named("REAL", &[])),
        col("b", named("BLOB", &[])),
        col("cl", named("CLOB", &[])),
    ];
    let m = metadata(vec![Table::new("all_types", columns, vec![])]);
    assert_eq!(create_then_drop(&m), ddl_of(&trace("ddl/types.trace.json")));
}

#[test]
fn constraints_in_sqlalchemys_order_and_indexes_after_their_table() {
    let parent = Table::new(
        "parent",
        vec![
            pk("id"),
            Column { unique: true, ..not_null(col("code", string(10))) },
            Column { index: true, ..col("email", string(100)) },
            Column { unique: true, index: true, ..col("nick", string(20)) },
        ],
        vec![TableArg::Constraint(Constraint::Check {
            name: Some("code_len".into()),
            sqltext: "length(code) > 1".into(),
            sqlite_only: false,
        })],
    );
    let mut cascade = ForeignKey::to("parent.id").unwrap();
    cascade.ondelete = Some("CASCADE".into());
    let mut set_null = ForeignKey::to("parent.id").unwrap();
    set_null.ondelete = Some("SET NULL".into());
    set_null.onupdate = Some("SET NULL".into());
    let child = Table::new(
        "child",
        vec![
            pk("id"),
            Column { foreign_keys: vec![cascade], ..not_null(col("parent_id", SqlType::Integer)) },
            Column { foreign_keys: vec![set_null], ..col("other_id", SqlType::Integer) },
            Column { checks: vec!["score >= 0".into()], ..col("score", SqlType::Integer) },
            col("label", string(30)),
        ],
        vec![
            TableArg::Constraint(Constraint::Unique {
                name: Some("uq_child_label".into()),
                columns: vec!["parent_id".into(), "label".into()],
            }),
            TableArg::Index(Index { name: "ix_child_label_score".into(), columns: vec!["label".into(), "score".into()], unique: false }),
            TableArg::Index(Index { name: "ux_child_score".into(), columns: vec!["score".into()], unique: true }),
        ],
    );
    let fk_constraint = |name: Option<&str>, column: &str| {
        TableArg::Constraint(Constraint::ForeignKey {
            name: name.map(Into::into),
            columns: vec![column.into()],
            ref_table: "child".into(),
            ref_columns: vec!["id".into()],
            ondelete: None,
            onupdate: None,
        })
    };
    let pair = Table::new(
        "pair",
        vec![not_null(col("left_id", SqlType::Integer)), not_null(col("right_id", SqlType::Integer)), col("weight", SqlType::Integer)],
        vec![
            TableArg::PrimaryKey(PrimaryKey { name: Some("pk_pair".into()), columns: vec!["left_id".into(), "right_id".into()] }),
            fk_constraint(None, "left_id"),
            fk_constraint(Some("fk_right"), "right_id"),
        ],
    );
    let m = metadata(vec![parent, child, pair]);
    assert_eq!(create_then_drop(&m), ddl_of(&trace("ddl/constraints.trace.json")));
}

#[test]
fn tables_are_created_in_dependency_layers_and_dropped_in_reverse() {
    let m = metadata(vec![
        Table::new("c", vec![pk("id"), fk("b_id", "b.id"), fk("a_id", "a.id")], vec![]),
        Table::new("b", vec![pk("id"), fk("a_id", "a.id")], vec![]),
        Table::new("z", vec![pk("id"), fk("up_id", "z.id")], vec![]),
        Table::new("a", vec![pk("id")], vec![]),
        Table::new("d", vec![pk("id"), fk("c_id", "c.id")], vec![]),
    ]);
    let want = ddl_of(&trace("ddl/ordering.trace.json"));
    assert_eq!(create_then_drop(&m), want);
}

#[test]
fn reserved_and_mixed_case_names_are_quoted() {
    let order = Table::new(
        "order",
        vec![
            pk("id"),
            col("select", string(10)),
            Column { unique: true, ..col("UserName", string(10)) },
            col("first name", string(10)),
            col("1st", SqlType::Integer),
            col("$cost", SqlType::Integer),
            col("user", string(10)),
            Column { index: true, ..col("group", string(10)) },
        ],
        vec![],
    );
    let line_item = Table::new(
        "Line Item",
        vec![pk("id"), fk("order_id", "order.id")],
        vec![TableArg::Index(Index { name: "IX_Line".into(), columns: vec!["order_id".into()], unique: false })],
    );
    let m = metadata(vec![order, line_item]);
    let quoting = trace("ddl/quoting.trace.json");
    assert_eq!(create_then_drop(&m), ddl_of(&quoting));
    let first = quoting["events"][1]["sql"].as_str().unwrap();
    assert_eq!(table_info_pragma("main", "order"), first);
}

#[test]
fn the_public_cases_schemas() {
    let student = Table::new("student", vec![pk("id"), not_null(col("name", string(40)))], vec![]);
    let course = Table::new("course", vec![pk("id"), not_null(col("title", string(40)))], vec![]);
    let enrollment = Table::new(
        "enrollment",
        vec![Column { primary_key: true, ..fk("student_id", "student.id") }, Column { primary_key: true, ..fk("course_id", "course.id") }],
        vec![],
    );
    let m = metadata(vec![student, course, enrollment]);
    let want: Vec<String> = ddl_of(&trace("public/05_many_to_many.trace.json")).into_iter().filter(|s| s.starts_with("CREATE")).collect();
    let got: Vec<String> = create_then_drop(&m).into_iter().filter(|s| s.starts_with("CREATE")).collect();
    assert_eq!(got, want);

    let dept = Table::new("dept", vec![pk("id"), not_null(col("name", string(30)))], vec![]);
    let emp = Table::new(
        "emp",
        vec![
            pk("id"),
            not_null(col("name", string(30))),
            not_null(col("salary", SqlType::Integer)),
            fk("manager_id", "emp.id"),
            fk("dept_id", "dept.id"),
        ],
        vec![],
    );
    let m = metadata(vec![dept, emp]);
    let want: Vec<String> = ddl_of(&trace("public/06_queries.trace.json")).into_iter().filter(|s| s.starts_with("CREATE")).collect();
    let got: Vec<String> = create_then_drop(&m).into_iter().filter(|s| s.starts_with("CREATE")).collect();
    assert_eq!(got, want);
}

#[test]
fn bad_schemas_fail_as_sqlalchemy_does() {
    let m = metadata(vec![Table::new("child", vec![pk("id"), fk("parent_id", "nope.id")], vec![])]);
    let err = m.resolve_foreign_keys().unwrap_err();
    assert_eq!(err.class_name(), "NoReferencedTableError");
    assert_eq!(
        err.to_string(),
        "Foreign key associated with column 'child.parent_id' could not find table 'nope' with which to generate a foreign key to target column 'id'"
    );
    let mut m = metadata(vec![Table::new("t", vec![pk("id")], vec![])]);
    assert_eq!(m.add(Table::new("t", vec![pk("id")], vec![])).unwrap_err().class_name(), "ArgumentError");
    let cycle =
        vec![Table::new("x", vec![pk("id"), fk("y_id", "y.id")], vec![]), Table::new("y", vec![pk("id"), fk("x_id", "x.id")], vec![])];
    // a cycle: its tables' foreign keys leave the sort (SQLAlchemy warns), definition order stays
    let order = sort_tables(&cycle);
    assert_eq!(order.cycles, ["x", "y"]);
    assert_eq!(order.tables.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), ["x", "y"]);
    let with_child = vec![
        Table::new("z", vec![pk("id"), fk("y_id", "y.id")], vec![]),
        Table::new("y", vec![pk("id"), fk("x_id", "x.id")], vec![]),
        Table::new("x", vec![pk("id"), fk("y_id", "y.id")], vec![]),
    ];
    let order = sort_tables(&with_child);
    assert_eq!(order.cycles, ["x", "y"]);
    assert_eq!(order.tables.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), ["y", "x", "z"]);
}
