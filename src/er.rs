//! The relationship graph: the mapped tables (and association tables) as
//! boxes, foreign keys and many-to-many links as edges. This module makes the
//! graph from the ORM snapshot and reads the layout back; the layout itself
//! is dagre's (`www/graph.js`), the drawing the `ErGraph` component's.
//! Pure, so tested natively.

use serde::{Deserialize, Serialize};

use crate::protocol::OrmView;

/// Box sizes, in SVG units.
pub const WIDTH: f64 = 190.0;
pub const HEADER: f64 = 26.0;
pub const ROW: f64 = 18.0;

/// A table to draw: its columns (name, type, flags) and whether it is an
/// association table (`secondary=`) known only by name.
#[derive(Clone, Debug, PartialEq)]
pub struct TableBox {
    pub id: String,
    pub class_name: Option<String>,
    pub columns: Vec<Column>,
    pub association: bool,
}

/// A column as drawn: its name, type and flags (PK, FK, UQ), and the table
/// its foreign key refers to.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub name: String,
    pub ty: String,
    pub flags: String,
    pub refers_to: Option<String>,
}

impl Column {
    /// Whether the column takes part in the links of `table`: one of its
    /// keys, or a foreign key of another table to it.
    pub fn links(&self, own: &str, table: &str) -> bool {
        if own == table {
            self.flags.contains("PK") || self.refers_to.is_some()
        } else {
            self.refers_to.as_deref() == Some(table)
        }
    }
}

/// A link between two tables: a foreign key (`from` holds it) or the
/// relationship through an association table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    pub from: String,
    pub to: String,
    pub label: String,
}

#[derive(Serialize)]
struct SpecNode<'a> {
    id: &'a str,
    width: f64,
    height: f64,
}

/// The layout dagre computed.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<Placed>,
    pub edges: Vec<Routed>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Placed {
    pub id: String,
    pub x: f64,
    pub y: f64,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Routed {
    pub points: Vec<(f64, f64)>,
}

/// The tables and links of the mapped classes.
pub fn graph(view: &OrmView) -> (Vec<TableBox>, Vec<Link>) {
    let mut tables: Vec<TableBox> = Vec::new();
    let mut links = Vec::new();
    for m in &view.models {
        if tables.iter().any(|t| t.id == m.table) {
            continue;
        }
        let columns = m
            .columns
            .iter()
            .map(|c| {
                let mut flags = Vec::new();
                if c.primary_key {
                    flags.push("PK");
                }
                if c.foreign_key.is_some() {
                    flags.push("FK");
                }
                if c.unique {
                    flags.push("UQ");
                }
                Column {
                    name: c.name.clone(),
                    ty: c.ty.clone(),
                    flags: flags.join(" "),
                    refers_to: c.foreign_key.as_deref().map(|fk| fk.split('.').next().unwrap_or(fk).to_owned()),
                }
            })
            .collect();
        tables.push(TableBox { id: m.table.clone(), class_name: Some(m.class_name.clone()), columns, association: false });
        for c in &m.columns {
            if let Some(fk) = &c.foreign_key {
                let target = fk.split('.').next().unwrap_or(fk).to_owned();
                links.push(Link { from: m.table.clone(), to: target, label: c.name.clone() });
            }
        }
    }
    let table_of = |class: &str| view.models.iter().find(|m| m.class_name == class).map(|m| m.table.clone());
    for m in &view.models {
        for r in &m.relationships {
            let Some(secondary) = &r.secondary else { continue };
            if !tables.iter().any(|t| &t.id == secondary) {
                tables.push(TableBox { id: secondary.clone(), class_name: None, columns: Vec::new(), association: true });
            }
            for end in [Some(m.table.clone()), table_of(&r.target)].into_iter().flatten() {
                if !links.iter().any(|l| &l.from == secondary && l.to == end) {
                    links.push(Link { from: secondary.clone(), to: end, label: String::new() });
                }
            }
        }
    }
    // links to tables that are not mapped (a Core table) draw nothing
    links.retain(|l| tables.iter().any(|t| t.id == l.to));
    (tables, links)
}

/// An object of the session's graph.
#[derive(Clone, Debug, PartialEq)]
pub struct ObjectBox {
    pub id: String,
    pub label: String,
    pub state: String,
}

/// Object boxes' size.
pub const OBJECT_WIDTH: f64 = 170.0;
pub const OBJECT_HEIGHT: f64 = 34.0;

/// The live mapped objects and their loaded links (a link and its backref
/// drawn once).
pub fn objects(view: &OrmView) -> (Vec<ObjectBox>, Vec<Link>) {
    let nodes: Vec<ObjectBox> = view
        .objects
        .iter()
        .map(|o| {
            let mut label = o.repr.clone();
            if label.chars().count() > 24 {
                label = label.chars().take(23).collect::<String>() + "…";
            }
            ObjectBox { id: o.id.to_string(), label, state: o.state.clone() }
        })
        .collect();
    let mut links: Vec<Link> = Vec::new();
    for o in &view.objects {
        for (key, target) in &o.links {
            let (from, to) = (o.id.to_string(), target.to_string());
            let known = nodes.iter().any(|n| n.id == to);
            let drawn = links.iter().any(|l| (l.from == from && l.to == to) || (l.from == to && l.to == from));
            if known && !drawn && from != to {
                links.push(Link { from, to, label: key.clone() });
            }
        }
    }
    (nodes, links)
}

/// The JSON dagre takes for the objects' graph.
pub fn objects_spec(nodes: &[ObjectBox], links: &[Link]) -> String {
    layout_spec(nodes.iter().map(|n| SpecNode { id: &n.id, width: OBJECT_WIDTH, height: OBJECT_HEIGHT }).collect(), links)
}

fn layout_spec(nodes: Vec<SpecNode>, links: &[Link]) -> String {
    serde_json::json!({ "nodes": nodes, "edges": links }).to_string()
}

/// A box's height.
pub fn height(t: &TableBox) -> f64 {
    HEADER + ROW * t.columns.len().max(if t.association { 1 } else { 0 }) as f64 + 6.0
}

/// The JSON dagre's `layoutGraph` takes.
pub fn spec(tables: &[TableBox], links: &[Link]) -> String {
    layout_spec(tables.iter().map(|t| SpecNode { id: &t.id, width: WIDTH, height: height(t) }).collect(), links)
}

/// The layout dagre sent back (an empty one if it is not readable).
pub fn layout(json: &str) -> Layout {
    serde_json::from_str(json).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{Model, ModelColumn, ModelRelationship};

    fn column(name: &str, fk: Option<&str>) -> ModelColumn {
        ModelColumn {
            key: name.into(),
            name: name.into(),
            ty: "INTEGER".into(),
            primary_key: name == "id",
            foreign_key: fk.map(str::to_owned),
            nullable: name != "id",
            unique: false,
            default: None,
        }
    }

    fn relationship(target: &str, secondary: Option<&str>) -> ModelRelationship {
        ModelRelationship {
            key: "r".into(),
            target: target.into(),
            direction: if secondary.is_some() { "MANYTOMANY" } else { "ONETOMANY" }.into(),
            uselist: true,
            secondary: secondary.map(str::to_owned),
            cascade: "save-update, merge".into(),
            lazy: "select".into(),
            back_populates: None,
        }
    }

    #[test]
    fn tables_foreign_keys_and_association_tables() {
        let view = OrmView {
            models: vec![
                Model {
                    class_name: "Author".into(),
                    table: "author".into(),
                    columns: vec![column("id", None)],
                    relationships: vec![relationship("Book", None)],
                },
                Model {
                    class_name: "Book".into(),
                    table: "book".into(),
                    columns: vec![column("id", None), column("author_id", Some("author.id"))],
                    relationships: vec![relationship("Tag", Some("book_tag"))],
                },
                Model { class_name: "Tag".into(), table: "tag".into(), columns: vec![column("id", None)], relationships: vec![] },
            ],
            objects: vec![],
        };
        let (tables, links) = graph(&view);
        let ids: Vec<&str> = tables.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["author", "book", "tag", "book_tag"]);
        assert!(tables[3].association);
        let id = &tables[1].columns[0];
        assert_eq!((id.name.as_str(), id.ty.as_str(), id.flags.as_str(), id.refers_to.as_deref()), ("id", "INTEGER", "PK", None));
        let fk = &tables[1].columns[1];
        assert_eq!((fk.flags.as_str(), fk.refers_to.as_deref()), ("FK", Some("author")));
        // selecting author lights book.author_id; selecting book lights its own keys
        assert!(fk.links("book", "author") && fk.links("book", "book") && !fk.links("book", "tag"));
        assert!(!tables[0].columns[0].links("author", "book") && tables[0].columns[0].links("author", "author"));
        let pairs: Vec<(&str, &str)> = links.iter().map(|l| (l.from.as_str(), l.to.as_str())).collect();
        assert_eq!(pairs, [("book", "author"), ("book_tag", "book"), ("book_tag", "tag")]);
        let spec: serde_json::Value = serde_json::from_str(&spec(&tables, &links)).unwrap();
        assert_eq!(spec["nodes"][1]["height"], HEADER + 2.0 * ROW + 6.0);
        assert_eq!(spec["edges"][0]["from"], "book");
        let placed = layout(
            r#"{"width": 300, "height": 100, "nodes": [{"id": "author", "x": 1, "y": 2}], "edges": [{"points": [[0, 0], [5, 5]]}]}"#,
        );
        assert_eq!((placed.nodes[0].x, placed.edges[0].points[1]), (1.0, (5.0, 5.0)));
        assert_eq!(layout("not json"), Layout::default());
    }

    #[test]
    fn objects_and_their_links_once() {
        let object = |id: u64, state: &str, links: Vec<(String, u64)>| crate::protocol::MappedObject {
            id,
            class_name: "X".into(),
            repr: format!("<X {id} with a rather long representation>"),
            state: state.into(),
            session: Some(1),
            identity: None,
            modified: false,
            attributes: vec![],
            links,
            changed: vec![],
        };
        let view = OrmView {
            models: vec![],
            objects: vec![
                object(1, "persistent", vec![("posts".into(), 2), ("posts".into(), 3)]),
                object(2, "pending", vec![("author".into(), 1)]),
                object(3, "persistent", vec![("author".into(), 1), ("other".into(), 99)]),
            ],
        };
        let (nodes, links) = objects(&view);
        assert_eq!(nodes[1].state, "pending");
        assert_eq!(nodes[0].label, "<X 1 with a rather long…");
        let pairs: Vec<(&str, &str, &str)> = links.iter().map(|l| (l.from.as_str(), l.to.as_str(), l.label.as_str())).collect();
        assert_eq!(pairs, [("1", "2", "posts"), ("1", "3", "posts")]);
    }
}
