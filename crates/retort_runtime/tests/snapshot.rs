//! The ORM snapshot the playground's Models and Session panels show: the
//! mapped classes with their columns and relationships, and every live
//! mapped object with its state, identity and loaded attributes.

use serde_json::Value;

const SCRIPT: &str = r#"
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session

class Base(DeclarativeBase):
    pass

class Author(Base):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)
    books: Mapped[List["Book"]] = relationship(back_populates="author", cascade="all, delete-orphan")

class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    author_id: Mapped[Optional[int]] = mapped_column(ForeignKey("author.id"))
    author: Mapped[Optional[Author]] = relationship(back_populates="books")

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
ada = Author(name="Ada", books=[Book(title="Notes")])
session.add(ada)
session.commit()
draft = Book(title="Draft")
session.add(draft)
loose = Book(title="Loose")
ada.name = "Ada L."
"#;

fn snapshot() -> Value {
    let source = SCRIPT.to_owned();
    let (error, orm) = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let (result, runtime) = retort_runtime::run_keeping(&source, retort_python::Budget::default());
            (result.error.map(|e| e.message), runtime.orm)
        })
        .expect("a thread")
        .join()
        .expect("no panic");
    assert!(error.is_none(), "{error:?}");
    serde_json::from_str(orm.as_deref().expect("a snapshot")).expect("JSON")
}

#[test]
fn models_list_columns_and_relationships() {
    let s = snapshot();
    let models = s["models"].as_array().expect("models");
    let names: Vec<&str> = models.iter().map(|m| m["class_name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Author", "Book"]);
    let author = &models[0];
    assert_eq!(author["table"], "author");
    let name = &author["columns"][1];
    assert_eq!((name["key"].as_str(), name["type"].as_str(), name["unique"].as_bool()), (Some("name"), Some("VARCHAR(30)"), Some(true)));
    let books = &author["relationships"][0];
    assert_eq!(books["direction"], "ONETOMANY");
    assert_eq!(books["target"], "Book");
    assert_eq!(books["uselist"], true);
    assert_eq!(books["back_populates"], "author");
    assert!(books["cascade"].as_str().unwrap().contains("delete-orphan"));
    let fk = &models[1]["columns"][2];
    assert_eq!((fk["foreign_key"].as_str(), fk["nullable"].as_bool()), (Some("author.id"), Some(true)));
}

#[test]
fn objects_carry_their_state_and_values() {
    let s = snapshot();
    let objects = s["objects"].as_array().expect("objects");
    let find = |repr_part: &str| {
        objects
            .iter()
            .find(|o| o["attributes"].as_array().unwrap().iter().any(|a| a[1].as_str().is_some_and(|v| v.contains(repr_part))))
            .unwrap_or_else(|| panic!("no object with {repr_part}"))
    };
    let ada = find("Ada L.");
    assert_eq!((ada["state"].as_str(), ada["modified"].as_bool(), ada["session"].as_i64()), (Some("persistent"), Some(true), Some(1)));
    assert_eq!(ada["identity"], "(1,)");
    assert_eq!(find("'Draft'")["state"], "pending");
    assert_eq!(find("'Loose'")["state"], "transient");
}
