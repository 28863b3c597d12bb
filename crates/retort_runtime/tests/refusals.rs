//! What Retort cannot do yet it refuses plainly: `NotImplementedError:
//! Retort does not support … yet`, naming the construct, never a guess or
//! a different SQL text. One script per construct, data-driven.

const MODELS: &str = r#"
from typing import List, Optional
from sqlalchemy import *
from sqlalchemy.orm import *

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    addresses: Mapped[List["Address"]] = relationship()

class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
"#;

/// (the lines after the models, what the error message names)
const CASES: &[(&str, &str)] = &[
    ("print(select(User).join(Address, full=True))", "FULL OUTER JOIN"),
    (
        "class Tag(Base):\n    __tablename__ = 'tag'\n    id: Mapped[int] = mapped_column(primary_key=True)\n    user_id: Mapped[int] = mapped_column(ForeignKey('user_account.id'))\n    user: Mapped[User] = relationship(primaryjoin='and_(User.id == Tag.user_id, User.id > 1)')\ne = create_engine('sqlite://')\nBase.metadata.create_all(e)\ns = Session(e)\ns.add(Tag(id=1, user_id=1))\ns.flush()\ns.scalars(select(Tag).options(selectinload(Tag.user))).all()",
        "selectinload() of Tag.user, whose primaryjoin= has criteria besides",
    ),
    ("print(select(User).outerjoin(Address, full=True))", "FULL OUTER JOIN"),
    (
        "class Order(Base):\n    __tablename__ = 'order'\n    id: Mapped[int] = mapped_column(primary_key=True)\n    kind: Mapped[str] = mapped_column()\n    __mapper_args__ = {'concrete': True}",
        "__mapper_args__ 'concrete'",
    ),
    (
        "class Note(Base):\n    __tablename__ = 'note'\n    id: Mapped[int] = mapped_column(primary_key=True)\n    user_id: Mapped[int] = mapped_column(ForeignKey('user_account.id'))\n    user: Mapped[User] = relationship(primaryjoin=lambda: Note.id > 5)\nconfigure_mappers()",
        "primaryjoin= has no column equality",
    ),
    ("select(User).options(with_loader_criteria(Address, Address.id > 1, include_aliases=True))", "with_loader_criteria(loader_only"),
    // methods SQLAlchemy's classes have (not AttributeError)
    ("func.jsonb_each('{}').scalar_table_valued('key')", "Function.scalar_table_valued()"),
    ("func.json_each('[]').table_valued('value', with_ordinality='o')", "table_valued(with_ordinality=...)"),
    ("select(User.id).lateral()", "Select.lateral()"),
    ("select(User, User.id).from_statement(select(User))", "from_statement() of a select() of other than one mapped class"),
    ("select(User).column_descriptions", "Select.column_descriptions"),
    ("update(User).entity_description", "Update.entity_description"),
    ("selectinload(User.addresses).with_expression(Address.id, 1)", "with_expression() chained on a loader option"),
    (
        "e = create_engine('sqlite://')\nBase.metadata.create_all(e)\nSession(e).scalars(select(User).options(subqueryload(User.addresses).load_only(Address.id))).all()",
        "sub-options of subqueryload()",
    ),
    ("User.addresses.and_(Address.id > 1)", "a relationship attribute's and_()"),
    ("aliased(User, select(User).subquery(), adapt_on_names=True)", "aliased(adapt_on_names=True)"),
    (
        "e = create_engine('sqlite://')\nBase.metadata.create_all(e)\na = aliased(Address)\nSession(e).scalars(select(User).options(selectinload(User.addresses.of_type(a)))).all()",
        "selectinload() of User.addresses with of_type()",
    ),
    // SQLAlchemy's names and modules Retort has not (not "cannot import name")
    ("from sqlalchemy import Computed", "sqlalchemy.Computed"),
    ("from sqlalchemy.types import PickleType", "sqlalchemy.PickleType"),
    ("import sqlalchemy\nsqlalchemy.Identity()", "sqlalchemy.Identity"),
    ("from sqlalchemy.orm import composite", "sqlalchemy.orm.composite"),
    ("from sqlalchemy.orm.collections import attribute_keyed_dict", "sqlalchemy.orm.collections"),
    ("from sqlalchemy.dialects.postgresql import JSONB", "sqlalchemy.dialects.postgresql.JSONB"),
    ("from sqlalchemy.dialects import oracle\nprint(select(type_coerce({}, JSON)['a']).compile(dialect=oracle.dialect()))", "JSON indexing in the Oracle dialect"),
    ("try:\n    import sqlalchemy.ext.mutable\nexcept NotImplementedError:\n    pass\nimport sqlalchemy.ext.mutable", "sqlalchemy.ext.mutable"),
];

#[test]
fn names_sqlalchemy_has_are_found_or_refused() {
    let ok = "from sqlalchemy import CreateTable, extract, collate, over, between, nullslast, TypeDecorator, Sequence\nfrom sqlalchemy.types import String\nfrom sqlalchemy.engine import Engine\nfrom sqlalchemy.future import select\nfrom sqlalchemy.ext.declarative import declarative_base\nfrom sqlalchemy.orm import declarative_mixin\nimport sqlalchemy\nprint(hasattr(sqlalchemy, 'nothing'))\n";
    let (result, _) = retort_runtime::run(ok, retort_python::Budget::default());
    assert!(result.error.is_none(), "{:?}", result.error);
    assert_eq!(result.stdout, "False\n");
    // a name SQLAlchemy has not either is an ImportError, as in CPython
    let (result, _) = retort_runtime::run("from sqlalchemy import nothing\n", retort_python::Budget::default());
    let error = result.error.expect("an error");
    assert_eq!(
        (error.type_name.as_str(), error.message.as_str()),
        ("ImportError", "cannot import name 'nothing' from 'sqlalchemy' (unknown location)")
    );
}

#[test]
fn unsupported_constructs_say_so() {
    for (lines, named) in CASES {
        let script = format!("{MODELS}\n{lines}\n");
        let (result, _) = retort_runtime::run(&script, retort_python::Budget::default());
        let error = result.error.unwrap_or_else(|| panic!("no error for {lines}"));
        assert_eq!(error.type_name, "NotImplementedError", "{lines}: {}", error.message);
        assert!(error.message.starts_with("Retort does not support "), "{lines}: {}", error.message);
        assert!(error.message.contains(named), "{lines}: {} should name {named}", error.message);
    }
}
