//! Framework texts in one language or several.
//!
//! In a framework file every text (title, statements, guidance, level labels and meanings,
//! descriptors, bands) is either a plain string, in the framework's own language, or a map from
//! language tag to the text in that language: `{en-GB: Welcome, cy: Croeso}`. A framework is
//! resolved to one language when it is loaded, so everything after loading sees plain strings.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::diagnostic::{Placed, Pos, unplaced};

/// One text of a framework file, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// A plain string, in the framework's own language.
    Plain(Placed<String>),
    /// The text in several languages: (tag, text) in the order written, and where the map is.
    Languages(Placed<Vec<(Placed<String>, Placed<String>)>>),
}

impl Default for Text {
    fn default() -> Self {
        Self::Plain(unplaced(String::new()))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Self::Plain(unplaced(s))
    }
}

impl Text {
    /// Where the text is written in its file.
    pub fn pos(&self) -> Option<Pos> {
        match self {
            Self::Plain(p) => Pos::of(p),
            Self::Languages(m) => Pos::of(m),
        }
    }

    /// The text in one language, if it is written in it. A plain string is in `source`, the
    /// framework's own language.
    pub fn get(&self, tag: &str, source: &str) -> Option<&str> {
        match self {
            Self::Plain(p) => same_tag(tag, source).then_some(p.value.as_str()),
            Self::Languages(m) => m
                .value
                .iter()
                .find(|(t, _)| same_tag(&t.value, tag))
                .map(|(_, v)| v.value.as_str()),
        }
    }

    /// The text in `tag`, else in the framework's own language `source`, else the first one
    /// written (validation makes sure the framework's own language is always there).
    pub fn resolve(&self, tag: &str, source: &str) -> String {
        if let Some(t) = self.get(tag, source).or_else(|| self.get(source, source)) {
            return t.to_string();
        }
        match self {
            Self::Plain(p) => p.value.clone(),
            Self::Languages(m) => m
                .value
                .first()
                .map(|(_, v)| v.value.clone())
                .unwrap_or_default(),
        }
    }

    /// Whether the text is empty in every language (an optional text left out).
    pub fn is_empty(&self) -> bool {
        match self {
            Self::Plain(p) => p.value.is_empty(),
            Self::Languages(m) => m.value.iter().all(|(_, v)| v.value.is_empty()),
        }
    }
}

/// Whether two language tags name the same language (tags are not case-sensitive).
pub fn same_tag(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// Whether a language tag looks like BCP 47: a two- or three-letter language, then subtags of
/// letters and digits joined by hyphens, e.g. `en-GB`, `cy`, `cy-GB`.
pub fn valid_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()));
    lang_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// What a text is read as before its place is attached.
enum Raw {
    Plain(String),
    Map(Vec<(Placed<String>, Placed<String>)>),
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text, or a map of languages")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::Plain(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Raw, E> {
        Ok(Raw::Plain(v))
    }

    // A number or `true` written as a text is that text, as for any other string.
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Raw, E> {
        Ok(Raw::Plain(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Plain(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw::Plain(v.to_string()))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Plain(v.to_string()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Raw, E> {
        Err(E::custom("cannot deserialize null into string"))
    }

    fn visit_none<E: de::Error>(self) -> Result<Raw, E> {
        self.visit_unit()
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(tag) = map.next_key::<Placed<String>>()? {
            let text = map.next_value::<Placed<String>>()?;
            entries.push((tag, text));
        }
        Ok(Raw::Map(entries))
    }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = serde_saphyr::Spanned::<Raw>::deserialize(d)?;
        let at = spanned.referenced;
        let line = u32::try_from(at.line()).unwrap_or(u32::MAX);
        let column = u32::try_from(at.column()).unwrap_or(u32::MAX);
        Ok(match spanned.value {
            Raw::Plain(value) => Self::Plain(Placed {
                value,
                line,
                column,
            }),
            Raw::Map(value) => Self::Languages(Placed {
                value,
                line,
                column,
            }),
        })
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Self::Plain(p) => s.serialize_str(&p.value),
            Self::Languages(m) => {
                let mut map = s.serialize_map(Some(m.value.len()))?;
                for (tag, text) in &m.value {
                    map.serialize_entry(&tag.value, &text.value)?;
                }
                map.end()
            }
        }
    }
}

impl JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A text in the framework's own language, or the same text in several languages keyed by language tag, e.g. {\"en-GB\": \"Welcome\", \"cy\": \"Croeso\"}.",
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "propertyNames": { "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$" },
                    "additionalProperties": { "type": "string" },
                    "minProperties": 1
                }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        for ok in ["en-GB", "cy", "cy-GB", "en", "fra"] {
            assert!(valid_tag(ok), "{ok}");
        }
        for bad in [
            "",
            "e",
            "english-language",
            "en_GB",
            "en-",
            "1y",
            "cy-GB-toolongsubtag",
        ] {
            assert!(!valid_tag(bad), "{bad}");
        }
    }

    #[test]
    fn a_text_resolves_to_its_language_then_the_frameworks() {
        let map = Text::Languages(unplaced(vec![
            (
                unplaced("en-GB".to_string()),
                unplaced("Welcome".to_string()),
            ),
            (unplaced("cy".to_string()), unplaced("Croeso".to_string())),
        ]));
        assert_eq!(map.resolve("cy", "en-GB"), "Croeso");
        assert_eq!(map.resolve("CY", "en-GB"), "Croeso");
        assert_eq!(map.resolve("en-GB", "en-GB"), "Welcome");
        assert_eq!(map.resolve("fr", "en-GB"), "Welcome");
        let plain = Text::from("Welcome".to_string());
        assert_eq!(plain.get("cy", "en-GB"), None);
        assert_eq!(plain.get("en-gb", "en-GB"), Some("Welcome"));
        assert_eq!(plain.resolve("cy", "en-GB"), "Welcome");
    }
}
