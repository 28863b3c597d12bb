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
    ("joinedload(User.addresses, innerjoin=True)", "joinedload(innerjoin=...)"),
    (
        "class Order(Base):\n    __tablename__ = 'order'\n    id: Mapped[int] = mapped_column(primary_key=True)\n    kind: Mapped[str] = mapped_column()\n    __mapper_args__ = {'polymorphic_on': kind}",
        "__mapper_args__ 'polymorphic_on'",
    ),
    (
        "class Note(Base):\n    __tablename__ = 'note'\n    id: Mapped[int] = mapped_column(primary_key=True)\n    user_id: Mapped[int] = mapped_column(ForeignKey('user_account.id'))\n    user: Mapped[User] = relationship(primaryjoin=lambda: Note.id > 5)\nconfigure_mappers()",
        "primaryjoin= has no column equality",
    ),
    ("select(User).options(with_loader_criteria(Address, Address.id > 1, include_aliases=True))", "with_loader_criteria(loader_only"),
];

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
