//! Stand-in for the `unicode_names2` crate, which ruff's parser uses for
//! one thing: the character a `\N{NAME}` escape names. The real crate's
//! table of every Unicode name is about 400 KB of the worker's gzip
//! download (a tenth of it); this one knows the names of the common blocks
//! (`names.txt`, written by `gen.py` from CPython's `unicodedata`: Latin,
//! Greek, Cyrillic, punctuation, currency, arrows, mathematical operators,
//! box drawing, shapes, symbols, dingbats), 14 KB gzip. For any other
//! name `retort_python` says plainly that Retort does not know it, never a
//! wrong character.

/// `HEX NAME` per line, in code point order.
const NAMES: &str = include_str!("names.txt");

/// The character `name` names (case-insensitively, as CPython looks names up),
/// if it is in the table.
pub fn character(name: &str) -> Option<char> {
    NAMES.lines().find_map(|line| {
        let (hex, known) = line.split_once(' ')?;
        if known.eq_ignore_ascii_case(name) {
            char::from_u32(u32::from_str_radix(hex, 16).ok()?)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::character;

    #[test]
    fn common_names_and_unknown_ones() {
        assert_eq!(character("SNOWMAN"), Some('\u{2603}'));
        assert_eq!(character("greek small letter alpha"), Some('α'));
        assert_eq!(character("LATIN SMALL LETTER E WITH ACUTE"), Some('é'));
        assert_eq!(character("SPACE"), Some(' '));
        assert_eq!(character("NO SUCH CHARACTER"), None);
    }
}
