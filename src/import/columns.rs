//! What each column of a form export holds: a question about an indicator, evidence for one,
//! the respondent's group, a timestamp, personal details to leave out, or something else.
//!
//! Questions are placed by indicator id when the header names one (`WC2`, `wc2.`), otherwise
//! by statement text, compared after folding case, punctuation and numbering, and allowing a
//! few small edits. A column that cannot be placed with confidence is listed, never guessed.

use crate::assess::answers::fold;
use crate::diagnostic::edit_distance_at_most;
use crate::framework::Framework;

/// What a column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Respondents' levels for an indicator, and how the column was placed.
    Question {
        /// The indicator's id.
        indicator: String,
        /// "id" or "statement".
        by: Placement,
    },
    /// Respondents' evidence or examples for an indicator.
    Evidence {
        /// The indicator's id.
        indicator: String,
    },
    /// Which stakeholder group the respondent belongs to.
    Group,
    /// When the response was made (start or completion time, timestamp).
    Timestamp,
    /// The respondent's name (kept only with `--keep-names`).
    Name,
    /// Personal or technical details never copied: emails, IP addresses, form ids.
    LeftOut(&'static str),
    /// A question coprod could not place: listed, never guessed.
    Unplaced(String),
}

/// How a question was matched to its indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// The header names the indicator's id.
    Id,
    /// The header's text is the indicator's statement (allowing small differences).
    Statement,
}

/// Words that mark a column of evidence rather than of levels.
const EVIDENCE_WORDS: &[&str] = &[
    "evidence",
    "example",
    "examples",
    "comment",
    "comments",
    "why",
    "tell us more",
    "notes",
];

/// Classifies every header. `group_column` is `--group-column`, if given.
pub fn classify(
    headers: &[String],
    framework: &Framework,
    group_column: Option<&str>,
) -> Vec<Kind> {
    let mut kinds = Vec::with_capacity(headers.len());
    let mut have_group = false;
    for header in headers {
        let h = fold(header);
        let kind = if let Some(g) = group_column {
            if fold(g) == h {
                have_group = true;
                Kind::Group
            } else {
                classify_one(header, &h, framework, false)
            }
        } else {
            let k = classify_one(header, &h, framework, !have_group);
            if k == Kind::Group {
                have_group = true;
            }
            k
        };
        kinds.push(kind);
    }
    kinds
}

fn classify_one(header: &str, h: &str, framework: &Framework, group_wanted: bool) -> Kind {
    let words: Vec<&str> = h.split(' ').collect();
    let has = |w: &str| words.contains(&w);
    let padded = format!(" {h} ");
    if h.is_empty() {
        return Kind::Unplaced("the column has no header".into());
    }
    if has("timestamp")
        || matches!(
            h,
            "start time"
                | "completion time"
                | "start date"
                | "end date"
                | "last modified time"
                | "date submitted"
                | "submitted"
                | "submitted at"
                | "submission date"
                | "date"
                | "created"
                | "date created"
                | "date modified"
                | "time"
                | "started"
                | "ended"
        )
    {
        return Kind::Timestamp;
    }
    if has("email") || padded.contains(" e mail ") {
        return Kind::LeftOut("an email address");
    }
    if padded.contains(" ip address ") {
        return Kind::LeftOut("an IP address");
    }
    if matches!(
        h,
        "id" | "respondent id"
            | "collector id"
            | "response id"
            | "custom data 1"
            | "respondent"
            | "language"
            // SmartSurvey's own columns.
            | "userid"
            | "user id"
            | "unique id"
            | "tracking link"
            | "custom value"
    ) {
        return Kind::LeftOut("the form's own record keeping");
    }
    if matches!(
        h,
        "name"
            | "first name"
            | "last name"
            | "full name"
            | "your name"
            | "name optional"
            | "your name optional"
            | "surname"
    ) {
        return Kind::Name;
    }
    let evidence_words = |text: &str| {
        let padded = format!(" {text} ");
        EVIDENCE_WORDS
            .iter()
            .any(|w| padded.contains(&format!(" {w} ")))
    };
    let evidence = evidence_words(h);
    // Whether the header asks for evidence, in the words around the indicator's own statement
    // (a statement may itself speak of evidence or explaining).
    let asks_for_evidence = |indicator: &str, header_text: &str| {
        let statement = framework
            .indicator(indicator)
            .map(|(_, i)| fold(&i.statement))
            .unwrap_or_default();
        let folded = fold(header_text);
        let rest = if statement.is_empty() {
            folded.clone()
        } else {
            folded.replace(&statement, " ")
        };
        evidence_words(&rest)
    };
    if let Some(indicator) = indicator_by_id(h, framework) {
        return if asks_for_evidence(&indicator, header) {
            Kind::Evidence { indicator }
        } else {
            Kind::Question {
                indicator,
                by: Placement::Id,
            }
        };
    }
    // A grid question: `Section title [statement]`; the statement is in the brackets.
    let text = match (header.rfind('['), header.rfind(']')) {
        (Some(open), Some(close)) if open < close => &header[open + 1..close],
        _ => header,
    };
    if let Some(indicator) = indicator_by_statement(text, framework) {
        let outside = header.replace(text, " ");
        return if evidence_words(&fold(&outside)) {
            Kind::Evidence { indicator }
        } else {
            Kind::Question {
                indicator,
                by: Placement::Statement,
            }
        };
    }
    if group_wanted
        && (has("group")
            || has("stakeholder")
            || has("role")
            || padded.contains(" describes you ")
            || padded.contains(" are you ")
            || padded.contains(" i am ")
            || padded.contains(" organisation ")
            || padded.contains(" organization "))
    {
        return Kind::Group;
    }
    if evidence {
        return Kind::Unplaced("comments that name no indicator".into());
    }
    Kind::Unplaced("matches no indicator's id or statement".into())
}

/// The indicator a header names by id, when it names exactly one (`WC2`, `wc2.`, `Q: wc2`).
fn indicator_by_id(folded: &str, framework: &Framework) -> Option<String> {
    let padded = format!(" {folded} ");
    let mut found: Vec<String> = Vec::new();
    for (_, ind) in framework.indicators() {
        for id in std::iter::once(&ind.id.value).chain(ind.replaces.iter().map(|r| &r.value)) {
            let f = fold(id);
            if !f.is_empty() && padded.contains(&format!(" {f} ")) && !found.contains(&ind.id.value)
            {
                found.push(ind.id.value.clone());
            }
        }
    }
    (found.len() == 1).then(|| found.remove(0))
}

/// Drops numbering at the start of a question: `1.`, `Q3`, `3a)`, `Question 4:`.
fn without_numbering(folded: &str) -> &str {
    let mut rest = folded;
    loop {
        let (word, after) = rest.split_once(' ').unwrap_or((rest, ""));
        let numbering = word == "question"
            || word.chars().all(|c| c.is_ascii_digit())
            || (word.starts_with('q')
                && word.len() > 1
                && word[1..].chars().all(|c| c.is_ascii_digit()))
            || (word.len() <= 3
                && word.chars().next().is_some_and(|c| c.is_ascii_digit())
                && word.chars().last().is_some_and(|c| c.is_ascii_lowercase()));
        if !numbering || after.is_empty() {
            return rest;
        }
        rest = after;
    }
}

/// The indicator whose statement a question's text is, allowing case, punctuation, numbering
/// and a few small edits (about one character in ten), when exactly one statement is that close.
pub fn indicator_by_statement(text: &str, framework: &Framework) -> Option<String> {
    let folded = fold(text);
    let question = without_numbering(&folded);
    if question.chars().count() < 8 {
        return None;
    }
    let mut scored: Vec<(usize, String)> = Vec::new();
    for (_, ind) in framework.indicators() {
        let statement = fold(&ind.statement);
        if statement.is_empty() {
            continue;
        }
        let distance = if question == statement
            || (question.contains(&statement) && statement.chars().count() >= 20)
        {
            0
        } else {
            // About one edit in ten characters; texts of very different lengths are not
            // compared character by character.
            let longest = question.chars().count().max(statement.chars().count());
            match edit_distance_at_most(question, &statement, longest / 10) {
                Some(d) => d,
                None => continue,
            }
        };
        scored.push((distance, ind.id.value.clone()));
    }
    scored.sort();
    match scored.as_slice() {
        [(best, id), rest @ ..] if rest.first().is_none_or(|(d, _)| d > best) => Some(id.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framework() -> Framework {
        Framework::default_framework().expect("built-in framework")
    }

    #[test]
    fn questions_are_placed_by_id_or_statement_and_never_guessed() {
        let f = framework();
        let (_, wc2) = f.indicator("wc2").expect("wc2");
        let statement = wc2.statement.clone();
        let cases = [
            ("WC2", Some("wc2")),
            ("wc2. Anything", Some("wc2")),
            (statement.as_str(), Some("wc2")),
            (&format!("3. {}", statement.to_uppercase()), Some("wc2")),
            (
                &format!("Welcome and Care [{}]", statement.trim_end_matches('.')),
                Some("wc2"),
            ),
            ("How was the weather?", None),
        ];
        for (header, want) in cases {
            let kinds = classify(&[header.to_string()], &f, None);
            let got = match &kinds[0] {
                Kind::Question { indicator, .. } => Some(indicator.as_str()),
                _ => None,
            };
            assert_eq!(got, want, "{header}");
        }
        // A small edit still places; a different sentence does not.
        let edited = statement.replacen('e', "a", 1);
        assert_eq!(indicator_by_statement(&edited, &f).as_deref(), Some("wc2"));
        assert_eq!(
            indicator_by_statement("Families are happy with everything", &f),
            None
        );
    }

    #[test]
    fn other_columns_are_recognised() {
        let f = framework();
        let headers: Vec<String> = [
            "Timestamp",
            "Email address",
            "Which group are you in?",
            "Any evidence or examples for WC2?",
            "Name",
            "Anything else?",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let kinds = classify(&headers, &f, None);
        assert_eq!(kinds[0], Kind::Timestamp);
        assert_eq!(kinds[1], Kind::LeftOut("an email address"));
        assert_eq!(kinds[2], Kind::Group);
        assert_eq!(
            kinds[3],
            Kind::Evidence {
                indicator: "wc2".into()
            }
        );
        assert_eq!(kinds[4], Kind::Name);
        assert!(matches!(kinds[5], Kind::Unplaced(_)));
    }
}
