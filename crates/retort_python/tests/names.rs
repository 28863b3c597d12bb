//! `\N{...}` escapes: the names of common characters are known (the build
//! carries a table of the common blocks, see `vendor/unicode_names2`); any
//! other name is a SyntaxError saying so, never a wrong character.

#[test]
fn common_character_names_work() {
    let r = retort_python::run("print('\\N{SNOWMAN}', '\\N{greek small letter alpha}', '\\N{EURO SIGN}')\n");
    assert!(r.error.is_none(), "{:?}", r.error.map(|e| e.traceback));
    assert_eq!(r.stdout, "\u{2603} \u{3b1} \u{20ac}\n");
}

#[test]
fn other_names_say_what_retort_knows() {
    let r = retort_python::run("print('\\N{PILE OF POO}')\n");
    let e = r.error.expect("a SyntaxError");
    assert_eq!(e.type_name, "SyntaxError");
    assert!(e.message.contains("Retort knows the \\N{...} names of common characters only"), "{}", e.message);
}
