//! Share links without a server: the code travels in the URL fragment,
//! which browsers never send to a server. `#code=v1.` + base64url without
//! padding of deflate-raw of the UTF-8 source; when the Migrations panel
//! holds revision scripts, `#code=v2.` + the same of a JSON object
//! `{"code": ..., "revisions": [{"id": ..., "source": ...}]}`. Links of
//! either version open. Pure, so tested natively.

use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;

/// Decoding forgives what a cut link leaves: stray bits in the last
/// character, and padding or none.
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

use crate::protocol::RevisionScript;

/// The fragment key and the format versions: code only, code and revisions.
const KEY: &str = "code=";
const VERSION: &str = "v1.";
const VERSION_2: &str = "v2.";
/// Links longer than this may be cut by chat apps and mail clients.
pub const WARN_BYTES: usize = 8 * 1024;
/// The most source a link may unpack to: no editor content is this large,
/// and a hostile link must not exhaust memory.
const MAX_SOURCE_BYTES: usize = 4 * 1024 * 1024;

/// Why a link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    #[error("it was made by a newer Retort (format {0})")]
    UnknownVersion(String),
    #[error("it is not valid base64url: it may have been cut short or altered")]
    NotBase64,
    #[error("its data is incomplete: it may have been cut short")]
    Truncated,
    #[error("its code is larger than 4 MB")]
    TooLarge,
    #[error("its code is not UTF-8 text")]
    NotText,
    #[error("its revision scripts are not readable: {0}")]
    BadRevisions(String),
}

/// What a link carries.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Shared {
    pub code: String,
    #[serde(default)]
    pub revisions: Vec<RevisionScript>,
}

/// The fragment (without `#`) that carries `source` and the revision scripts.
pub fn encode(source: &str, revisions: &[RevisionScript]) -> String {
    if revisions.is_empty() {
        return format!("{KEY}{VERSION}{}", pack(source.as_bytes()));
    }
    let shared = Shared { code: source.to_owned(), revisions: revisions.to_vec() };
    let json = serde_json::to_string(&shared).unwrap_or_default();
    format!("{KEY}{VERSION_2}{}", pack(json.as_bytes()))
}

fn pack(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(bytes, 9))
}

/// What a fragment carries: `Ok(None)` when it carries no code.
pub fn decode(fragment: &str) -> Result<Option<Shared>, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let Some(value) = fragment.split('&').find_map(|part| part.strip_prefix(KEY)) else {
        return Ok(None);
    };
    if let Some(data) = value.strip_prefix(VERSION) {
        return unpack(data).map(|code| Some(Shared { code, revisions: Vec::new() }));
    }
    if let Some(data) = value.strip_prefix(VERSION_2) {
        let json = unpack(data)?;
        return serde_json::from_str(&json).map(Some).map_err(|e| ShareError::BadRevisions(e.to_string()));
    }
    let version = value.split('.').next().unwrap_or(value);
    Err(ShareError::UnknownVersion(version.chars().take(12).collect()))
}

/// The UTF-8 text of base64url(deflate-raw(text)), forgiving what a cut link leaves.
fn unpack(data: &str) -> Result<String, ShareError> {
    let mut data = data.trim_end_matches('=');
    // A link cut in the middle of a base64 group leaves one character that
    // cannot be decoded: drop it, and let inflate report the truncation.
    if data.len() % 4 == 1 {
        data = &data[..data.len() - 1];
    }
    let packed = LENIENT.decode(data).map_err(|_| ShareError::NotBase64)?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_SOURCE_BYTES).map_err(|e| match e.status {
        miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge,
        _ => ShareError::Truncated,
    })?;
    String::from_utf8(bytes).map_err(|_| ShareError::NotText)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_round_trips_through_a_link() {
        for source in ["", "SELECT 1;", "print('héllo ✓')\n\tindent", &"x = 1\n".repeat(5000)] {
            let fragment = encode(source, &[]);
            assert!(fragment.starts_with("code=v1."));
            assert!(fragment.bytes().all(|b| b.is_ascii_alphanumeric() || b"=._-".contains(&b)), "{fragment}");
            assert_eq!(decode(&format!("#{fragment}")).unwrap().map(|s| s.code).as_deref(), Some(source));
        }
        // Repetitive code compresses well: 30 KB of it fits a short link.
        assert!(encode(&"x = 1\n".repeat(5000), &[]).len() < 200);
    }

    #[test]
    fn revisions_travel_in_v2_links_and_v1_links_still_open() {
        let revisions = vec![RevisionScript { id: "a1b2c3d4e5f6".into(), source: "revision = 'a1b2c3d4e5f6'\n".into() }];
        let fragment = encode("print('models')", &revisions);
        assert!(fragment.starts_with("code=v2."), "{fragment}");
        let shared = decode(&fragment).unwrap().unwrap();
        assert_eq!((shared.code.as_str(), shared.revisions), ("print('models')", revisions));
        // a link made before revisions existed
        let old = format!("code=v1.{}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(b"SELECT 1;", 9)));
        assert_eq!(decode(&old).unwrap(), Some(Shared { code: "SELECT 1;".into(), revisions: vec![] }));
        let not_json = format!("code=v2.{}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(b"{oops", 9)));
        assert!(matches!(decode(&not_json), Err(ShareError::BadRevisions(_))));
    }

    #[test]
    fn other_fragments_carry_no_code() {
        assert_eq!(decode(""), Ok(None));
        assert_eq!(decode("#section-2"), Ok(None));
        assert_eq!(decode("#tab=sql&code=v1."), Err(ShareError::Truncated));
    }

    #[test]
    fn broken_links_say_what_is_wrong() {
        let good = encode("SELECT 'a fairly long statement so the data spans several bytes';", &[]);
        for cut in 1..12 {
            assert_eq!(decode(&good[..good.len() - cut]), Err(ShareError::Truncated), "cut {cut}");
        }
        assert_eq!(decode("code=v1.@@@"), Err(ShareError::NotBase64));
        assert_eq!(decode("code=v9.abc"), Err(ShareError::UnknownVersion("v9".into())));
        let not_utf8 = format!("code=v1.{}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&[0xff, 0xfe], 9)));
        assert_eq!(decode(&not_utf8), Err(ShareError::NotText));
        let bomb =
            format!("code=v1.{}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&vec![b'a'; MAX_SOURCE_BYTES + 1], 9)));
        assert_eq!(decode(&bomb), Err(ShareError::TooLarge));
    }
}
