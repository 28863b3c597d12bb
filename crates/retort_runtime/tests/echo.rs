//! The playground's text view of the SQL log (the echo cases themselves
//! are oracle cases: `tests/oracle/main.rs`).

/// The playground's text view of the SQL log: every statement in echo's
/// format whether echo is on or not, and, when it is on, the very lines
/// echo logged.
#[test]
fn the_text_view_is_the_echo_format() {
    let script = "from sqlalchemy import create_engine, text\n\
e = create_engine('sqlite://', echo=ECHO)\n\
with e.begin() as c:\n    c.execute(text('CREATE TABLE t (x INTEGER)'))\n    c.execute(text('INSERT INTO t VALUES (:x)'), [{'x': 1}, {'x': 2}])\n    c.execute(text('SELECT x FROM t WHERE x = :x'), {'x': 1}).all()\n";
    for echo in ["False", "True"] {
        let (result, runtime) = retort_runtime::run_with(&script.replace("ECHO", echo), retort_python::Budget::default(), true);
        assert_eq!(result.error.map(|e| e.message), None);
        let text = &runtime.echo_text;
        let at = |prefix: &str| text.iter().position(|l| l.starts_with(prefix)).unwrap_or_else(|| panic!("{prefix} in {text:?}"));
        assert!(
            at("BEGIN (implicit)") < at("CREATE TABLE t")
                && at("CREATE TABLE t") < at("INSERT INTO t")
                && at("INSERT INTO t") < at("COMMIT")
        );
        assert!(text[at("INSERT INTO t") + 1].ends_with("] [(1,), (2,)]"), "{text:?}");
        assert!(text[at("SELECT x FROM t") + 1].starts_with("[generated in "), "{text:?}");
        if echo == "True" {
            for line in text {
                assert!(result.stderr.contains(line.as_str()), "{line} not logged: {}", result.stderr);
            }
        } else {
            assert!(!result.stderr.contains("BEGIN"), "{}", result.stderr);
        }
        // without steps (the CLI) nothing is kept
        let (_, runtime) = retort_runtime::run_with(&script.replace("ECHO", echo), retort_python::Budget::default(), false);
        assert!(runtime.echo_text.is_empty());
    }
}
