//! Every Python module Retort embeds imports, as the build script minified
//! it (`pymin.rs`): a minifier mistake fails here, not in a learner's run.

#[test]
fn every_embedded_module_imports() {
    let script = "\
import abc, collections, contextlib, copy, dataclasses, datetime, decimal, enum, functools, itertools, logging, operator
import pprint, random, string, textwrap, types, typing, uuid, warnings
import sqlalchemy, sqlalchemy.orm, sqlalchemy.event, sqlalchemy.exc, sqlalchemy.ext.hybrid
import flask, flask_sqlalchemy, flask_sqlalchemy.record_queries, werkzeug.exceptions
import alembic, alembic.runtime.migration, alembic.operations.ops, alembic.operations, alembic.autogenerate, alembic.script
import _retort_migrations
print('ok')
";
    let (result, _) = retort_runtime::run(script, retort_python::Budget::default());
    assert_eq!(result.error.map(|e| e.message), None);
    assert_eq!(result.stdout, "ok\n");
}
