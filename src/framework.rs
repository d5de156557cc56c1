//! Frameworks: the model, loading from YAML, and validation.
//!
//! A framework is a rating scale plus sections of indicators. The Four Cornerstones framework
//! is embedded in the binary; any other framework is a YAML file with the same shape.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::diagnostic::{Diagnostic, Diagnostics, Placed, Pos, Source, unplaced};
use crate::error::Error;

pub mod text;

pub use text::Text;

/// The built-in frameworks: (id, YAML text).
pub const BUILT_IN: &[(&str, &str)] = &[
    (
        "four-cornerstones",
        include_str!("../frameworks/four-cornerstones.yaml"),
    ),
    (
        "wales-audit",
        include_str!("../frameworks/wales-audit.yaml"),
    ),
    (
        "young-people",
        include_str!("../frameworks/young-people.yaml"),
    ),
    ("ladder", include_str!("../frameworks/ladder.yaml")),
];

/// The built-in editions besides the standard ones: (framework id, edition, YAML text). An
/// edition has the same sections, indicators, scale and weights as its standard edition, in
/// other words, and records of both combine (see [`Framework::fingerprint`]).
pub const EDITIONS: &[(&str, &str, &str)] = &[(
    "four-cornerstones",
    "easy-read",
    include_str!("../frameworks/four-cornerstones-easy-read.yaml"),
)];

/// The name of the edition a framework is when it names none.
pub const STANDARD_EDITION: &str = "standard";

/// The framework used when none is named.
pub const DEFAULT_ID: &str = "four-cornerstones";

/// A quality-indicator framework.
///
/// `T` is how a text is held: [`Text`] as written in the file (a plain string or a map of
/// languages), or `String` once the framework is resolved to one language, which is what every
/// part of coprod after loading works with.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Framework")]
pub struct Framework<T = String>
where
    T: Default + From<String>,
{
    /// Short, stable identifier, e.g. `four-cornerstones`. Records name their framework by it.
    #[schemars(with = "String", regex(pattern = r"^[a-z0-9._-]+$"))]
    pub id: Placed<String>,
    /// Full title shown on reports.
    pub title: T,
    /// Version of the framework text, e.g. "1.0". Change it when you change the wording.
    pub version: String,
    /// Earlier versions whose records count as made with this one, because what was scored did
    /// not change (the statements, levels and ids are the same; only words such as the band
    /// names did). Their records are read without `--accept-changed-framework`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_versions: Vec<EarlierVersion>,
    /// The framework's own language as a BCP 47 tag (default `en-GB`; `cy` for Welsh): every
    /// text is written in it. Once resolved, the language the texts are shown in.
    #[serde(default = "default_language")]
    pub language: String,
    /// Other languages the texts are written in, e.g. `[cy]`. A text in several languages is a
    /// map such as `{en-GB: Welcome, cy: Croeso}`.
    #[serde(default, skip_serializing)]
    #[schemars(with = "Vec<String>")]
    pub translations: Vec<Placed<String>>,
    /// The edition, when this is not the standard one, e.g. `easy-read`. An edition has the same
    /// sections, indicators and scale as the standard edition, in other words, so records of
    /// both combine.
    #[serde(default, skip_serializing)]
    pub edition: Option<String>,
    /// What the framework is for and how to use it.
    #[serde(default)]
    pub description: T,
    /// Where the framework comes from, and credit to its authors.
    #[serde(default)]
    pub source: T,
    /// What the framework calls its sections, e.g. "cornerstone" or "principle".
    #[serde(default = "default_section_noun::<T>")]
    pub section_noun: T,
    /// A name for the overall result, e.g. "Trust" for the Four Cornerstones.
    #[serde(default)]
    pub overall_label: Option<T>,
    /// A second note asked for at every indicator and kept apart from the evidence, e.g. "What
    /// young people say" in young people's participation standards. Reports show it under its
    /// own heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<ExtraNote<T>>")]
    pub extra_note: Option<ExtraNote<T>>,
    /// The rating scale, lowest level first.
    #[schemars(with = "Vec<Level<T>>", length(min = 2))]
    pub scale: Placed<Vec<Level<T>>>,
    /// Named ranges of a result, lowest first, covering the whole scale without gaps.
    #[serde(default)]
    pub bands: Vec<Band<T>>,
    /// The sections, each with its indicators.
    #[schemars(with = "Vec<Section<T>>", length(min = 1))]
    pub sections: Placed<Vec<Section<T>>>,
    /// The fingerprint, worked out once (checking many records asks for it many times).
    #[serde(skip)]
    #[schemars(skip)]
    fingerprint_cache: std::sync::OnceLock<String>,
    /// For a built-in edition whose shape is its standard edition's: the standard edition's
    /// fingerprint, which it carries instead of its own.
    #[serde(skip)]
    #[schemars(skip)]
    standard_fingerprint: Option<String>,
}

/// An earlier version of a framework whose records still count (see
/// [`Framework::earlier_versions`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EarlierVersion {
    /// Its version, e.g. "1.0".
    pub version: String,
    /// Its fingerprint, as records made with it remember it (`coprod framework show` prints it).
    #[schemars(regex(pattern = r"^sha256:[0-9a-f]{64}$"))]
    pub fingerprint: String,
    /// What changed since, for the people who keep the framework.
    #[serde(default)]
    pub change: String,
}

/// A note asked for at every indicator besides the evidence (see [`Framework::extra_note`]).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "ExtraNote")]
pub struct ExtraNote<T = String>
where
    T: Default + From<String>,
{
    /// Its heading in reports and its name in the walk, e.g. "What young people say".
    pub label: T,
    /// The question the walk asks for it, e.g. "What do young people say about this?".
    #[serde(default)]
    pub question: T,
}

/// One level of the rating scale.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Level")]
pub struct Level<T = String>
where
    T: Default + From<String>,
{
    /// The number recorded and averaged, e.g. 3 (0 to 1000).
    #[schemars(with = "u32", range(max = 1000))]
    pub value: Placed<u32>,
    /// A short name, e.g. "Developing".
    pub label: T,
    /// What this level means in general.
    #[serde(default)]
    pub meaning: T,
}

/// A named range of results, e.g. "Strong" for 3.0 up to (not including) 4.0.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Band")]
pub struct Band<T = String>
where
    T: Default + From<String>,
{
    /// The band's name.
    pub label: T,
    /// Lowest result in the band (inclusive).
    #[schemars(with = "f64")]
    pub min: Placed<f64>,
    /// Highest result in the band (exclusive, except for the top band).
    #[schemars(with = "f64")]
    pub max: Placed<f64>,
    /// What a result in this band means.
    #[serde(default)]
    pub meaning: T,
}

/// A section (a cornerstone, a principle) of the framework.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Section")]
pub struct Section<T = String>
where
    T: Default + From<String>,
{
    /// Stable identifier, unique in the framework.
    #[schemars(with = "String", regex(pattern = r"^[a-z0-9._-]+$"))]
    pub id: Placed<String>,
    /// The section's name.
    pub title: T,
    /// One or two sentences on what the section is about.
    #[serde(default)]
    pub summary: T,
    /// Weight in the overall result (default 1).
    #[serde(default)]
    #[schemars(with = "Option<f64>", extend("exclusiveMinimum" = 0, "maximum" = 1000))]
    pub weight: Option<Placed<f64>>,
    /// The indicators of this section.
    #[schemars(with = "Vec<Indicator<T>>", length(min = 1))]
    pub indicators: Placed<Vec<Indicator<T>>>,
}

/// One quality indicator: a statement the room scores on the scale.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Indicator")]
pub struct Indicator<T = String>
where
    T: Default + From<String>,
{
    /// Stable identifier, unique in the framework; records refer to it.
    #[schemars(with = "String", regex(pattern = r"^[a-z0-9._-]+$"))]
    pub id: Placed<String>,
    /// The statement being scored.
    pub statement: T,
    /// Questions that help the room discuss it.
    #[serde(default)]
    pub guidance: Vec<T>,
    /// What each level looks like for this indicator, keyed by level value.
    #[serde(default = "no_levels::<T>")]
    #[schemars(with = "BTreeMap<u32, T>")]
    pub levels: Placed<BTreeMap<u32, T>>,
    /// Weight within its section (default 1).
    #[serde(default)]
    #[schemars(with = "Option<f64>", extend("exclusiveMinimum" = 0, "maximum" = 1000))]
    pub weight: Option<Placed<f64>>,
    /// Ids this indicator had in earlier versions of the framework. Answers recorded under one
    /// of them count for this indicator, so results carry on across a renaming.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<String>", inner(regex(pattern = r"^[a-z0-9._-]+$")))]
    pub replaces: Vec<Placed<String>>,
}

fn no_levels<T: Default + From<String>>() -> Placed<BTreeMap<u32, T>> {
    unplaced(BTreeMap::new())
}

fn default_language() -> String {
    "en-GB".to_string()
}

fn default_section_noun<T: From<String>>() -> T {
    T::from("section".to_string())
}

/// The largest scale value a framework may use. Scales are short (1 to 5, or 0 to 100), and the
/// bound keeps every sum and mean of scores far from overflow.
pub const MAX_SCALE_VALUE: u32 = 1000;

/// A number as people wrote it: very large and very small ones in exponent form (`1e308`),
/// never three hundred digits.
fn number(x: f64) -> String {
    if x.is_finite() && x != 0.0 && !(1e-4..1e9).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        x.to_string()
    }
}

/// The largest weight of a section or indicator.
pub const MAX_WEIGHT: f64 = 1000.0;

impl Framework {
    /// Parses and validates a framework from a source, in the framework's own language.
    pub fn parse(source: &Source) -> Result<Self, Diagnostics> {
        let file = Framework::<Text>::read(source)?;
        Ok(file.own())
    }

    /// Loads a framework from a file path, or a built-in one by id, in its own language.
    pub fn load(path_or_id: &str) -> Result<Self, Error> {
        Self::load_in(path_or_id, None)
    }

    /// Loads a framework from a file path, or a built-in one by id, resolved to a language
    /// (`None`: the framework's own).
    ///
    /// An argument that looks like a path (it holds a `/` or ends in `.yaml` or `.yml`) is a
    /// file. Otherwise a built-in id is always the built-in framework, even when a file of that
    /// name is in the current folder (so nobody's file can stand in for it); another name is a
    /// file if one exists.
    pub fn load_in(path_or_id: &str, language: Option<&str>) -> Result<Self, Error> {
        Framework::<Text>::load_file(path_or_id)?
            .in_language(language)
            .map_err(Error::Usage)
    }

    /// A built-in framework by id, in its own language.
    pub fn built_in(id: &str) -> Option<Self> {
        Framework::<Text>::built_in_file(id).map(|f| f.own())
    }

    /// The default framework (Four Cornerstones).
    pub fn default_framework() -> Result<Self, Error> {
        Self::load(DEFAULT_ID)
    }

    /// The levels of the scale as a list people read, e.g. `1 Not yet, 2 Emerging`.
    pub fn scale_list(&self) -> String {
        let labels: Vec<String> = self
            .scale
            .value
            .iter()
            .map(|l| format!("{} {}", l.value.value, l.label))
            .collect();
        labels.join(", ")
    }

    /// The band a result falls in, if the framework names bands.
    pub fn band_for(&self, score: f64) -> Option<&Band> {
        let last = self.bands.len().checked_sub(1)?;
        self.bands.iter().enumerate().find_map(|(i, b)| {
            let inside = score >= b.min.value
                && (score < b.max.value || (i == last && score <= b.max.value));
            inside.then_some(b)
        })
    }

    /// Whether a record made with this version and fingerprint counts as made with the framework
    /// as it is: the same fingerprint, or that of an earlier version the framework lists as
    /// scored the same (a record without a fingerprint: by its version).
    pub fn is_current(&self, version: &str, fingerprint: Option<&str>) -> bool {
        match fingerprint {
            Some(fp) => {
                fp == self.fingerprint()
                    || self.earlier_versions.iter().any(|e| e.fingerprint == fp)
            }
            None => {
                version == self.version
                    || self.earlier_versions.iter().any(|e| e.version == version)
            }
        }
    }

    /// Labels used both by a level and by a band whose range does not hold that level's value,
    /// e.g. level 3 "Developing" and a band "Developing" from 2 up to 3: a result of 3.0 would
    /// be "Established" while each answer of 3 reads "Developing". Each as (label, level value,
    /// band range, the band's line in the file).
    pub fn band_level_clashes(&self) -> Vec<(String, u32, f64, f64, u32)> {
        let fold = |t: &str| t.trim().to_lowercase();
        let mut out = Vec::new();
        for level in &self.scale.value {
            let value = level.value.value;
            for band in &self.bands {
                let same_words =
                    !level.label.trim().is_empty() && fold(&level.label) == fold(&band.label);
                let holds = self
                    .band_for(f64::from(value))
                    .is_some_and(|b| std::ptr::eq(b, band));
                if same_words && !holds {
                    out.push((
                        band.label.clone(),
                        value,
                        band.min.value,
                        band.max.value,
                        band.min.line,
                    ));
                }
            }
        }
        out
    }

    /// A fingerprint of the framework's content: SHA-256 of its canonical JSON form in the
    /// framework's own language.
    ///
    /// Comments, key order and layout of the YAML do not change it; any change to a word,
    /// level, weight or id does. Translations do not: a framework resolved to another language
    /// keeps the fingerprint of its own language, so records scored in different languages of
    /// the same framework combine, and adding a translation leaves earlier records valid.
    /// Nor do editions: a built-in edition (such as the Four Cornerstones in easy read) whose
    /// version, scale values, band bounds, ids and weights are its standard edition's carries
    /// the standard edition's fingerprint, so records of both combine, as translations do.
    /// Records store it so that a report can tell when the framework changed after the record
    /// was scored.
    pub fn fingerprint(&self) -> String {
        if let Some(fp) = &self.standard_fingerprint {
            return fp.clone();
        }
        self.fingerprint_cache
            .get_or_init(|| {
                // Serializing plain data to JSON cannot fail; fall back to an empty body just in case.
                let canonical = serde_json::to_vec(self).unwrap_or_default();
                let digest = Sha256::digest(&canonical);
                let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
                format!("sha256:{hex}")
            })
            .clone()
    }
}

impl<T: Default + From<String>> Framework<T> {
    /// Lowest and highest values on the scale.
    pub fn scale_range(&self) -> (u32, u32) {
        let values = self.scale.value.iter().map(|l| l.value.value);
        let min = values.clone().min().unwrap_or(0);
        let max = values.max().unwrap_or(0);
        (min, max)
    }

    /// The scale level with this value, if any.
    pub fn level(&self, value: u32) -> Option<&Level<T>> {
        self.scale.value.iter().find(|l| l.value.value == value)
    }

    /// All indicators, in framework order, with the section each belongs to.
    pub fn indicators(&self) -> impl Iterator<Item = (&Section<T>, &Indicator<T>)> {
        self.sections
            .value
            .iter()
            .flat_map(|s| s.indicators.value.iter().map(move |i| (s, i)))
    }

    /// The indicator with this id, with its section.
    pub fn indicator(&self, id: &str) -> Option<(&Section<T>, &Indicator<T>)> {
        self.indicators().find(|(_, i)| i.id.value == id)
    }

    /// The indicator an id in a record stands for: the indicator with that id, or the one that
    /// `replaces` it.
    ///
    /// Ids are found whatever their case (`WC1` is `wc1`), as `framework show` prints them in
    /// capitals.
    pub fn indicator_for(&self, id: &str) -> Option<&Indicator<T>> {
        let exact = |id: &str| {
            self.indicator(id).map(|(_, i)| i).or_else(|| {
                self.indicators()
                    .map(|(_, i)| i)
                    .find(|i| i.replaces.iter().any(|r| r.value == id))
            })
        };
        exact(id).or_else(|| {
            let lower = id.to_lowercase();
            (lower != id).then(|| exact(&lower)).flatten()
        })
    }

    /// Every renaming the framework records: (earlier id, id now), in framework order.
    pub fn renamings(&self) -> Vec<(String, String)> {
        self.indicators()
            .flat_map(|(_, i)| {
                i.replaces
                    .iter()
                    .map(|r| (r.value.clone(), i.id.value.clone()))
            })
            .collect()
    }

    /// How many indicators the framework has.
    pub fn indicator_count(&self) -> usize {
        self.sections
            .value
            .iter()
            .map(|s| s.indicators.value.len())
            .sum()
    }

    /// Every text of the framework with a short description of where it is, in file order.
    fn texts(&self) -> Vec<(String, &T)> {
        let mut all = vec![("title".to_string(), &self.title)];
        all.push(("description".into(), &self.description));
        all.push(("source".into(), &self.source));
        all.push(("section_noun".into(), &self.section_noun));
        if let Some(o) = &self.overall_label {
            all.push(("overall_label".into(), o));
        }
        if let Some(n) = &self.extra_note {
            all.push(("extra_note label".into(), &n.label));
            all.push(("extra_note question".into(), &n.question));
        }
        for l in &self.scale.value {
            let v = l.value.value;
            all.push((format!("scale level {v} label"), &l.label));
            all.push((format!("scale level {v} meaning"), &l.meaning));
        }
        for (n, b) in self.bands.iter().enumerate() {
            all.push((format!("band {} label", n + 1), &b.label));
            all.push((format!("band {} meaning", n + 1), &b.meaning));
        }
        for s in &self.sections.value {
            let id = &s.id.value;
            all.push((format!("section `{id}` title"), &s.title));
            all.push((format!("section `{id}` summary"), &s.summary));
            for i in &s.indicators.value {
                let id = &i.id.value;
                all.push((format!("indicator `{id}` statement"), &i.statement));
                for (n, g) in i.guidance.iter().enumerate() {
                    all.push((format!("indicator `{id}` guidance {}", n + 1), g));
                }
                for (v, d) in &i.levels.value {
                    all.push((format!("indicator `{id}` level {v}"), d));
                }
            }
        }
        all
    }

    /// The same framework with every text changed by `f`; ids, values, weights and places stay.
    fn map_text<U: Default + From<String>>(&self, f: &impl Fn(&T) -> U) -> Framework<U> {
        let level = |l: &Level<T>| Level {
            value: l.value.clone(),
            label: f(&l.label),
            meaning: f(&l.meaning),
        };
        let band = |b: &Band<T>| Band {
            label: f(&b.label),
            min: b.min.clone(),
            max: b.max.clone(),
            meaning: f(&b.meaning),
        };
        let indicator = |i: &Indicator<T>| Indicator {
            id: i.id.clone(),
            statement: f(&i.statement),
            guidance: i.guidance.iter().map(f).collect(),
            levels: Placed {
                value: i.levels.value.iter().map(|(k, v)| (*k, f(v))).collect(),
                line: i.levels.line,
                column: i.levels.column,
            },
            weight: i.weight.clone(),
            replaces: i.replaces.clone(),
        };
        let section = |s: &Section<T>| Section {
            id: s.id.clone(),
            title: f(&s.title),
            summary: f(&s.summary),
            weight: s.weight.clone(),
            indicators: Placed {
                value: s.indicators.value.iter().map(indicator).collect(),
                line: s.indicators.line,
                column: s.indicators.column,
            },
        };
        Framework {
            id: self.id.clone(),
            title: f(&self.title),
            version: self.version.clone(),
            earlier_versions: self.earlier_versions.clone(),
            language: self.language.clone(),
            translations: self.translations.clone(),
            edition: self.edition.clone(),
            description: f(&self.description),
            source: f(&self.source),
            section_noun: f(&self.section_noun),
            overall_label: self.overall_label.as_ref().map(f),
            extra_note: self.extra_note.as_ref().map(|n| ExtraNote {
                label: f(&n.label),
                question: f(&n.question),
            }),
            scale: Placed {
                value: self.scale.value.iter().map(level).collect(),
                line: self.scale.line,
                column: self.scale.column,
            },
            bands: self.bands.iter().map(band).collect(),
            sections: Placed {
                value: self.sections.value.iter().map(section).collect(),
                line: self.sections.line,
                column: self.sections.column,
            },
            fingerprint_cache: std::sync::OnceLock::new(),
            standard_fingerprint: self.standard_fingerprint.clone(),
        }
    }

    /// The edition's name: `standard` unless the framework names another.
    pub fn edition_name(&self) -> &str {
        self.edition.as_deref().unwrap_or(STANDARD_EDITION)
    }

    /// What must be the same in two editions of a framework for their records to combine:
    /// version, scale values, band bounds, section and indicator ids, weights and renamings.
    /// Words may differ.
    pub fn shape(&self) -> String {
        let weight = |w: &Option<Placed<f64>>| w.as_ref().map(|w| w.value);
        let shape = serde_json::json!({
            "id": self.id.value,
            "version": self.version,
            "scale": self.scale.value.iter().map(|l| l.value.value).collect::<Vec<_>>(),
            "bands": self.bands.iter().map(|b| (b.min.value, b.max.value)).collect::<Vec<_>>(),
            "sections": self.sections.value.iter().map(|s| serde_json::json!({
                "id": s.id.value,
                "weight": weight(&s.weight),
                "indicators": s.indicators.value.iter().map(|i| serde_json::json!({
                    "id": i.id.value,
                    "weight": weight(&i.weight),
                    "replaces": i.replaces.iter().map(|r| r.value.as_str()).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        });
        shape.to_string()
    }
}

/// The texts one language of a framework lacks: (language, where each missing text is).
pub type Missing = Vec<(String, Vec<(Option<Pos>, String)>)>;

impl Framework<Text> {
    /// Reads and checks a framework file as written, every language in it.
    pub fn read(source: &Source) -> Result<Self, Diagnostics> {
        let file: Self = crate::yaml::parse(source)?;
        let mut errors = file.check_languages(source);
        if let Err(Diagnostics(mut d)) = file.own().validate(source) {
            errors.append(&mut d);
        }
        if errors.is_empty() {
            Ok(file)
        } else {
            Err(Diagnostics(errors))
        }
    }

    /// Reads a framework file by path, or a built-in one by id, every language in it.
    pub fn load_file(path_or_id: &str) -> Result<Self, Error> {
        let path = Path::new(path_or_id);
        let looks_like_path = path_or_id.ends_with(".yaml")
            || path_or_id.ends_with(".yml")
            || path_or_id.contains('/')
            || path_or_id.contains(std::path::MAIN_SEPARATOR);
        if !looks_like_path && let Some(f) = Self::built_in_file(path_or_id) {
            return Ok(f);
        }
        if !looks_like_path && !path.exists() && path_or_id != "-" {
            let ids: Vec<&str> = BUILT_IN.iter().map(|(id, _)| *id).collect();
            return Err(Error::Usage(format!(
                "no built-in framework is called `{}` and no file has that name\n\
                 help: built-in frameworks: {}; or give the path of a framework YAML file",
                crate::clean::terminal_name(path_or_id),
                ids.join(", ")
            )));
        }
        let source = crate::yaml::read_source(path)?;
        Ok(Self::read(&source)?)
    }

    /// A framework by path or built-in id, in an edition (`None` or `standard`: the standard
    /// one for a built-in id, the file as it is for a path).
    ///
    /// A file asked for in an edition must say it is that edition (`edition:`).
    pub fn load_edition(path_or_id: &str, edition: Option<&str>) -> Result<Self, Error> {
        let wanted = edition.filter(|e| *e != STANDARD_EDITION);
        let Some(wanted) = wanted else {
            let f = Self::load_file(path_or_id)?;
            if edition.is_some() && f.edition.is_some() {
                return Err(Error::Usage(format!(
                    "{path_or_id} is the {} edition, not the standard one\nhelp: give the standard edition's file, or leave out --edition",
                    f.edition_name()
                )));
            }
            return Ok(f);
        };
        if let Some(f) = Self::built_in_edition(path_or_id, wanted) {
            return Ok(f);
        }
        let f = Self::load_file(path_or_id)?;
        if f.edition.as_deref() == Some(wanted) {
            return Ok(f);
        }
        let editions = Self::editions_of(&f.id.value);
        let help = if editions.len() > 1 {
            format!("its editions are {}", editions.join(", "))
        } else {
            "it has only the standard edition; an edition is a file of its own with `edition:` set"
                .to_string()
        };
        Err(Error::Usage(format!(
            "the framework `{}` has no edition `{}`\nhelp: {help}",
            f.id.value,
            crate::clean::terminal_name(wanted),
        )))
    }

    /// The editions of a built-in framework, `standard` first (just `standard` for a framework
    /// that is not built in or has no other edition).
    pub fn editions_of(id: &str) -> Vec<&'static str> {
        std::iter::once(STANDARD_EDITION)
            .chain(
                EDITIONS
                    .iter()
                    .filter(|(i, _, _)| *i == id)
                    .map(|(_, e, _)| *e),
            )
            .collect()
    }

    /// A built-in edition of a built-in framework, with its standard edition's fingerprint when
    /// the two have the same shape (the test suite checks that they do).
    pub fn built_in_edition(id: &str, edition: &str) -> Option<Self> {
        let (_, name, text) = EDITIONS
            .iter()
            .find(|(i, e, _)| *i == id && *e == edition)?;
        let source = Source::named(format!("<built-in {id}, {name} edition>"), *text);
        let mut f = Self::read(&source).ok()?;
        if let Some(standard) = Self::built_in_file(id)
            && standard.shape() == f.shape()
            && f.id.value == id
        {
            f.standard_fingerprint = Some(standard.own().fingerprint());
        }
        Some(f)
    }

    /// A built-in framework by id, every language in it.
    pub fn built_in_file(id: &str) -> Option<Self> {
        let (name, text) = BUILT_IN.iter().find(|(i, _)| *i == id)?;
        let source = Source::named(format!("<built-in {name}>"), *text);
        // The built-in texts are checked by the test suite, so failure here is a build defect;
        // still, report it rather than panic.
        Self::read(&source).ok()
    }

    /// Every language the framework is written in: its own first, then its translations.
    pub fn languages(&self) -> Vec<&str> {
        std::iter::once(self.language.as_str())
            .chain(self.translations.iter().map(|t| t.value.as_str()))
            .collect()
    }

    /// The framework in its own language.
    pub fn own(&self) -> Framework {
        let lang = self.language.clone();
        self.map_text(&|t: &Text| t.resolve(&lang, &lang))
    }

    /// The framework in one of its languages (`None`: its own), with the fingerprint of its
    /// own language. A text not yet translated is shown in the framework's own language.
    pub fn in_language(&self, language: Option<&str>) -> Result<Framework, String> {
        let own = self.own();
        let Some(wanted) = language else {
            return Ok(own);
        };
        if !text::valid_tag(wanted) {
            return Err(format!(
                "{}\nhelp: {}",
                crate::catalog::say("error-not-a-language-tag", &[("tag", wanted.into())]),
                crate::catalog::say("error-not-a-language-tag-help", &[])
            ));
        }
        let Some(tag) = self
            .languages()
            .into_iter()
            .find(|l| text::same_tag(l, wanted))
            .map(str::to_string)
        else {
            return Err(format!(
                "{}\nhelp: {}",
                crate::catalog::say(
                    "error-not-written-in",
                    &[("id", (&self.id.value).into()), ("tag", wanted.into())],
                ),
                crate::catalog::say(
                    "error-not-written-in-help",
                    &[("languages", self.languages().join(", ").into())],
                )
            ));
        };
        let source = self.language.clone();
        let mut resolved = self.map_text(&|t: &Text| t.resolve(&tag, &source));
        resolved.language = tag;
        let fingerprint = own.fingerprint();
        let _ = resolved.fingerprint_cache.set(fingerprint);
        Ok(resolved)
    }

    /// What each translation still lacks: for every language besides the framework's own, the
    /// texts written in the framework's language but not in that one.
    pub fn missing(&self) -> Missing {
        let texts = self.texts();
        self.translations
            .iter()
            .map(|tag| {
                let lacking = texts
                    .iter()
                    .filter(|(_, t)| !t.is_empty() && t.get(&tag.value, &self.language).is_none())
                    .map(|(what, t)| (t.pos(), what.clone()))
                    .collect();
                (tag.value.clone(), lacking)
            })
            .collect()
    }

    /// Checks the languages: well-formed tags, declared once, and every map of languages using
    /// only declared ones and holding the framework's own.
    fn check_languages(&self, source: &Source) -> Vec<Diagnostic> {
        let mut errors = Vec::new();
        let first_line = Some(Pos { line: 1, column: 1 });
        if !text::valid_tag(&self.language) {
            errors.push(
                Diagnostic::at(
                    source,
                    source.key_after(first_line, "language"),
                    format!("`{}` is not a language tag", self.language),
                )
                .help("use a BCP 47 tag such as en-GB or cy"),
            );
        }
        let mut declared: Vec<&Placed<String>> = Vec::new();
        for t in &self.translations {
            if !text::valid_tag(&t.value) {
                errors.push(
                    Diagnostic::at(
                        source,
                        Pos::of(t),
                        format!("`{}` is not a language tag", t.value),
                    )
                    .label("not a language tag")
                    .help("use a BCP 47 tag such as cy or fr"),
                );
            } else if text::same_tag(&t.value, &self.language) {
                errors.push(
                    Diagnostic::at(source, Pos::of(t), format!("`{}` is the framework's own language", t.value))
                        .label("already the `language`")
                        .help("list under `translations` only the other languages the texts are written in"),
                );
            } else if let Some(first) = declared.iter().find(|d| text::same_tag(&d.value, &t.value))
            {
                errors.push(
                    Diagnostic::at(
                        source,
                        Pos::of(t),
                        format!("the language `{}` is listed twice", t.value),
                    )
                    .label("second time")
                    .also(Pos::of(first), "first time")
                    .help("list each language once"),
                );
            } else {
                declared.push(t);
            }
        }
        let known: Vec<&str> = std::iter::once(self.language.as_str())
            .chain(declared.iter().map(|d| d.value.as_str()))
            .collect();
        let languages = known.join(", ");
        for (what, t) in self.texts() {
            let Text::Languages(map) = t else { continue };
            if map.value.is_empty() {
                errors.push(
                    Diagnostic::at(
                        source,
                        Pos::of(map),
                        format!("the {what} is an empty map of languages"),
                    )
                    .label("no text in any language")
                    .help(format!(
                        "write the text, or a map such as `{{{}: ...}}`",
                        self.language
                    )),
                );
                continue;
            }
            let mut seen: Vec<&Placed<String>> = Vec::new();
            for (tag, _) in &map.value {
                if let Some(first) = seen.iter().find(|s| text::same_tag(&s.value, &tag.value)) {
                    errors.push(
                        Diagnostic::at(
                            source,
                            Pos::of(tag),
                            format!("the {what} gives the language `{}` twice", tag.value),
                        )
                        .label("second time")
                        .also(Pos::of(first), "first time")
                        .help("keep one of them"),
                    );
                    continue;
                }
                seen.push(tag);
                if !known.iter().any(|l| text::same_tag(l, &tag.value)) {
                    let help = if text::valid_tag(&tag.value) {
                        format!(
                            "the framework is written in {languages}; add `{}` to `translations` to write the texts in it too, or correct the tag",
                            tag.value
                        )
                    } else {
                        format!(
                            "`{}` is not a language tag; the framework is written in {languages}",
                            tag.value
                        )
                    };
                    errors.push(
                        Diagnostic::at(
                            source,
                            Pos::of(tag),
                            format!("the {what} is given in `{}`, which is not one of the framework's languages", tag.value),
                        )
                        .label("not a language of this framework")
                        .help(help),
                    );
                }
            }
            if t.get(&self.language, &self.language).is_none() {
                errors.push(
                    Diagnostic::at(
                        source,
                        Pos::of(map),
                        format!(
                            "the {what} has no `{}` text, the framework's own language",
                            self.language
                        ),
                    )
                    .label(format!("`{}` missing", self.language))
                    .help(format!(
                        "every text needs its {} version; translations may leave texts out for now",
                        self.language
                    )),
                );
            }
        }
        errors
    }
}

impl Framework {
    /// Checks everything the parser cannot: unique ids, a sane scale, bands, weights.
    pub fn validate(&self, source: &Source) -> Result<(), Diagnostics> {
        let mut errors = Vec::new();
        let err = |pos: Option<Pos>, msg: String| Diagnostic::at(source, pos, msg);

        // Ids are what records refer to: they must be simple and stable.
        let check_id = |id: &Placed<String>, what: &str, errors: &mut Vec<Diagnostic>| {
            let ok = !id.value.is_empty()
                && id.value.chars().all(|c| {
                    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_' || c == '.'
                });
            if !ok {
                errors.push(
                    err(Pos::of(id), format!("the {what} id `{}` is not a simple id", id.value))
                        .label("use lower-case letters, digits and `-`")
                        .help("ids are stored in records, so keep them short and plain, e.g. `wc1` or `welcome-and-care`"),
                );
            }
        };
        check_id(&self.id, "framework", &mut errors);

        // The scale: at least two levels, strictly increasing values.
        let scale = &self.scale.value;
        if scale.len() < 2 {
            errors.push(
                err(
                    Pos::of(&self.scale),
                    "the scale needs at least two levels".into(),
                )
                .help("for example 1 Not yet, 2 Emerging, 3 Developing, 4 Established, 5 Embedded"),
            );
        }
        for pair in scale.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if b.value.value == a.value.value {
                errors.push(
                    err(
                        Pos::of(&b.value),
                        format!("the scale value {} is used twice", b.value.value),
                    )
                    .label("second use")
                    .also(Pos::of(&a.value), "first use")
                    .help("each level needs its own value"),
                );
            } else if b.value.value < a.value.value {
                errors.push(
                    err(
                        Pos::of(&b.value),
                        format!(
                            "scale values must go up: {} comes after {}",
                            b.value.value, a.value.value
                        ),
                    )
                    .label("smaller than the level before it")
                    .also(Pos::of(&a.value), "previous level")
                    .help("list the levels from lowest to highest"),
                );
            }
        }
        // Bounded where they are read, so no sum or product of them can overflow or become
        // NaN on its way to a report.
        for level in scale {
            if level.value.value > MAX_SCALE_VALUE {
                errors.push(
                    err(
                        Pos::of(&level.value),
                        format!(
                            "the scale value {} is larger than {MAX_SCALE_VALUE}",
                            level.value.value
                        ),
                    )
                    .label(format!("at most {MAX_SCALE_VALUE}"))
                    .help("scales are short, for example 1 to 5, or 0 to 100 for percentages"),
                );
            }
        }
        let (lo, hi) = self.scale_range();

        // Sections and indicators: unique ids, no empty sections, positive weights.
        let mut seen: HashMap<&str, (&Placed<String>, &str)> = HashMap::new();
        if self.sections.value.is_empty() {
            errors.push(
                err(
                    Pos::of(&self.sections),
                    "the framework has no sections".into(),
                )
                .help("add at least one section with at least one indicator"),
            );
        }
        let weight_ok = |w: &Option<Placed<f64>>, errors: &mut Vec<Diagnostic>| {
            if let Some(w) = w
                && !(w.value.is_finite() && w.value > 0.0 && w.value <= MAX_WEIGHT)
            {
                errors.push(
                    err(Pos::of(w), format!("weight {} is not allowed", number(w.value)))
                        .label(format!("must be more than 0 and at most {MAX_WEIGHT}"))
                        .help("leave `weight` out for the default of 1, or give a positive number such as 2"),
                );
            }
        };
        for section in &self.sections.value {
            check_id(&section.id, &self.section_noun, &mut errors);
            weight_ok(&section.weight, &mut errors);
            if let Some((first, kind)) = seen.insert(&section.id.value, (&section.id, "a section"))
            {
                errors.push(duplicate(source, &section.id, first, kind));
            }
            if section.indicators.value.is_empty() {
                errors.push(
                    err(
                        Pos::of(&section.id),
                        format!(
                            "the {} `{}` has no indicators",
                            self.section_noun, section.id.value
                        ),
                    )
                    .help("add at least one indicator, or remove the section"),
                );
            }
            for ind in &section.indicators.value {
                check_id(&ind.id, "indicator", &mut errors);
                weight_ok(&ind.weight, &mut errors);
                if let Some((first, kind)) = seen.insert(&ind.id.value, (&ind.id, "an indicator")) {
                    errors.push(duplicate(source, &ind.id, first, kind));
                }
                for old in &ind.replaces {
                    check_id(old, "earlier indicator", &mut errors);
                    if let Some((first, kind)) =
                        seen.insert(&old.value, (old, "an indicator's `replaces`"))
                    {
                        errors.push(duplicate(source, old, first, kind).help(
                            "`replaces` lists ids the framework no longer uses, each under one indicator",
                        ));
                    }
                }
                for value in ind.levels.value.keys() {
                    if self.level(*value).is_none() {
                        errors.push(
                            err(source.key_after(Pos::of(&ind.levels), &value.to_string()), format!(
                                "indicator `{}` describes level {value}, which is not on the scale ({lo} to {hi})",
                                ind.id.value
                            ))
                            .help("describe only levels listed under `scale`"),
                        );
                    }
                }
            }
        }

        // Bands: in order, contiguous, covering the scale from lowest to highest value.
        for band in &self.bands {
            for edge in [&band.min, &band.max] {
                if !edge.value.is_finite() || edge.value.abs() > f64::from(MAX_SCALE_VALUE) {
                    errors.push(
                        err(
                            Pos::of(edge),
                            format!("band `{}` has the bound {}", band.label, number(edge.value)),
                        )
                        .label("not a number on the scale")
                        .help(
                            "band bounds are scores, between the lowest and highest scale values",
                        ),
                    );
                }
            }
        }
        if let (Some(first), Some(last)) = (self.bands.first(), self.bands.last()) {
            for band in &self.bands {
                if band.max.value <= band.min.value {
                    errors.push(
                        err(
                            Pos::of(&band.max),
                            format!(
                                "band `{}` ends at {} but starts at {}",
                                band.label, band.max.value, band.min.value
                            ),
                        )
                        .label("must be greater than `min`"),
                    );
                }
            }
            for pair in self.bands.windows(2) {
                let (a, b) = (&pair[0], &pair[1]);
                if b.min.value < a.max.value {
                    errors.push(
                        err(
                            Pos::of(&b.min),
                            format!(
                                "bands `{}` and `{}` overlap: {} starts before {} ends",
                                a.label, b.label, b.min.value, a.max.value
                            ),
                        )
                        .label("overlaps the band before")
                        .also(Pos::of(&a.max), "previous band ends here")
                        .help("make each band start exactly where the one before it ends"),
                    );
                } else if b.min.value > a.max.value {
                    errors.push(
                        err(Pos::of(&b.min), format!(
                            "there is a gap between bands `{}` and `{}`: nothing covers {} to {}",
                            a.label, b.label, a.max.value, b.min.value
                        ))
                        .label("gap before this")
                        .also(Pos::of(&a.max), "previous band ends here")
                        .help("make each band start exactly where the one before it ends"),
                    );
                }
            }
            if first.min.value > f64::from(lo) {
                errors.push(
                    err(
                        Pos::of(&first.min),
                        format!(
                            "the bands start at {} but the scale starts at {lo}",
                            first.min.value
                        ),
                    )
                    .help(format!("start the first band at {lo}")),
                );
            }
            if last.max.value < f64::from(hi) {
                errors.push(
                    err(
                        Pos::of(&last.max),
                        format!(
                            "the bands end at {} but the scale goes up to {hi}",
                            last.max.value
                        ),
                    )
                    .help(format!("end the last band at {hi}")),
                );
            }
        }

        if errors.is_empty() {
            Ok(())
        } else {
            Err(Diagnostics(errors))
        }
    }
}

fn duplicate(
    source: &Source,
    again: &Placed<String>,
    first: &Placed<String>,
    first_kind: &str,
) -> Diagnostic {
    Diagnostic::at(
        source,
        Pos::of(again),
        format!("the id `{}` is used twice", again.value),
    )
    .label("used again here")
    .also(Pos::of(first), format!("first used here, by {first_kind}"))
    .help("every section and indicator needs its own id, because records refer to them")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_earlier_id_stands_for_the_indicator_that_replaces_it() {
        let text = "\
id: f
title: F
version: \"2\"
scale:
  - {value: 1, label: A}
  - {value: 2, label: B}
sections:
  - id: s
    title: S
    indicators:
      - {id: one, statement: One}
      - {id: two, statement: Two, replaces: [old-two, older-two]}
";
        let f = Framework::parse(&Source::named("t", text)).expect("valid");
        let id = |x: &str| f.indicator_for(x).map(|i| i.id.value.as_str());
        assert_eq!(id("one"), Some("one"));
        assert_eq!(id("two"), Some("two"));
        assert_eq!(id("old-two"), Some("two"));
        assert_eq!(id("older-two"), Some("two"));
        assert_eq!(id("three"), None);
        assert_eq!(
            f.renamings(),
            [
                ("old-two".to_string(), "two".to_string()),
                ("older-two".to_string(), "two".to_string())
            ]
        );
        // An empty list leaves the canonical form, and so the fingerprint, as it was.
        let plain = text.replace(", replaces: [old-two, older-two]", "");
        let with_empty = text.replace("[old-two, older-two]", "[]");
        let fp = |t: &str| {
            Framework::parse(&Source::named("t", t))
                .expect("valid")
                .fingerprint()
        };
        assert_eq!(fp(&plain), fp(&with_empty));
        assert_ne!(fp(&plain), fp(text));
    }

    #[test]
    fn built_in_frameworks_are_valid() {
        for (id, text) in BUILT_IN {
            let source = Source::named(*id, *text);
            if let Err(e) = Framework::parse(&source) {
                panic!("built-in framework {id} is invalid:\n{}", e.render(false));
            }
        }
    }

    #[test]
    fn built_in_editions_have_their_standard_editions_shape_and_fingerprint() {
        for (id, edition, text) in EDITIONS {
            let source = Source::named(*id, *text);
            let file = match Framework::<Text>::read(&source) {
                Ok(f) => f,
                Err(e) => panic!("edition {id} {edition} is invalid:\n{}", e.render(false)),
            };
            assert_eq!(file.id.value, *id);
            assert_eq!(file.edition.as_deref(), Some(*edition));
            let standard = Framework::<Text>::built_in_file(id).expect("standard edition");
            assert_eq!(file.shape(), standard.shape(), "{id} {edition}");
            assert_eq!(file.languages(), standard.languages(), "{id} {edition}");
            let loaded = Framework::<Text>::built_in_edition(id, edition).expect("edition");
            assert_eq!(loaded.own().fingerprint(), standard.own().fingerprint());
            // Read as a file of its own, it has its own fingerprint.
            assert_ne!(file.own().fingerprint(), standard.own().fingerprint());
        }
    }

    #[test]
    fn fingerprint_ignores_layout_but_not_words() {
        let a = "id: f\ntitle: T\nversion: '1'\nscale:\n  - {value: 1, label: A}\n  - {value: 2, label: B}\nsections:\n  - id: s\n    title: S\n    indicators:\n      - {id: i, statement: X}\n";
        let b = format!("# a comment\n{}", a.replace("'1'", "\"1\""));
        let c = a.replace("X", "Y");
        let fp = |t: &str| {
            Framework::parse(&Source::named("t", t))
                .map(|f| f.fingerprint())
                .ok()
        };
        assert!(fp(a).is_some());
        assert_eq!(fp(a), fp(&b));
        assert_ne!(fp(a), fp(&c));
    }
}
