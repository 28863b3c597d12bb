//! Every Python module Retort embeds imports, as the build script minified
//! it (`pymin.rs`): a minifier mistake fails here, not in a learner's run.
//! The host modules come from the table the build script generated from
//! `python/`, so a new file is checked as soon as it exists.

use retort_runtime::host::{Kind, FILES, UNSUPPORTED_MODULES};

#[test]
fn every_embedded_module_imports() {
    let mut script = String::from(
        "import abc, collections, contextlib, copy, dataclasses, datetime, decimal, enum, functools, itertools, logging, operator\n\
         import pprint, random, string, textwrap, types, typing, uuid, warnings\n",
    );
    let modules: Vec<&str> = FILES.iter().filter(|f| f.kind == Kind::Module).map(|f| f.name).collect();
    assert!(modules.contains(&"sqlalchemy.orm") && modules.contains(&"alembic.runtime.migration"), "{modules:?}");
    for name in &modules {
        script += &format!("import {name}\n");
    }
    script += "print('ok')\n";
    let (result, _) = retort_runtime::run(&script, retort_python::Budget::default());
    assert_eq!(result.error.map(|e| e.traceback), None);
    assert_eq!(result.stdout, "ok\n");
}

#[test]
fn every_part_belongs_to_a_module_that_includes_it() {
    for part in FILES {
        let Kind::PartOf(owner) = part.kind else { continue };
        let package = FILES.iter().find(|f| f.name == owner && f.kind == Kind::Module);
        let package = package.unwrap_or_else(|| panic!("{}: no module {owner}", part.path));
        assert!(package.source.contains(&format!("\"{}\"", part.name)), "{}: {} does not include it", part.path, package.path);
    }
}

#[test]
fn a_refused_module_is_not_also_a_module_of_python() {
    for name in UNSUPPORTED_MODULES {
        assert!(!FILES.iter().any(|f| f.name == name && f.kind == Kind::Module), "{name}");
    }
}

#[test]
fn a_traceback_names_the_file_of_the_module() {
    let script = "from sqlalchemy.orm import Session\nSession().get(int, 1)\n";
    let (result, _) = retort_runtime::run(script, retort_python::Budget::default());
    let traceback = result.error.expect("an error").traceback;
    assert!(traceback.contains("File \"<retort>/sqlalchemy/orm/session.py\", line "), "{traceback}");
}
