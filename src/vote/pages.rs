//! The phone pages: plain HTML forms that work with no script at all, in plain words, with the
//! framework's own words (in Welsh, or another of its languages, when the phone asks). The
//! pages' own words come from coprod's catalog for the language the phone shows the questions
//! in (the session's until it chooses another), and the page's `lang` says which language that
//! is; the framework's words carry their own `lang`, so a screen reader says both right. Every text that reaches a page is escaped here; the style sheet and the script
//! are embedded in the binary, so nothing is fetched from anywhere else.

use crate::catalog::Catalog;
use crate::framework::Framework;
use crate::record::Groups;

use super::ballot::Pick;
use super::http::escape;

/// The style sheet, served as `/style.css`.
pub const CSS: &str = include_str!("assets/phone.css");
/// The script that improves the pages (votes without reloading, following the facilitator to
/// the next round, retrying when the network drops), served as `/app.js`.
pub const JS: &str = include_str!("assets/phone.js");

/// The name of a language, in itself.
pub fn language_name(tag: &str) -> String {
    let base = tag
        .split(['-', '_'])
        .next()
        .unwrap_or(tag)
        .to_ascii_lowercase();
    match base.as_str() {
        "en" => "English".to_string(),
        "cy" => "Cymraeg".to_string(),
        "ga" => "Gaeilge".to_string(),
        "gd" => "Gàidhlig".to_string(),
        _ => tag.to_string(),
    }
}

/// A whole page around `body`, in `w`'s language. `script` adds the script (the vote and
/// waiting pages).
fn page(w: &Catalog, title: &str, body: &str, script: bool) -> String {
    let script = if script {
        "<script src=\"/app.js\" defer></script>\n"
    } else {
        ""
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"same-origin\">\n\
         <title>{}</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n{script}</head>\n\
         <body>\n<main id=\"main\">\n{body}</main>\n</body>\n</html>\n",
        escape(w.language()),
        escape(title)
    )
}

/// A message of `w` with `html` (already escaped) in the place of its argument `name`: the
/// rest of the message is escaped here.
fn with_html(w: &Catalog, id: &str, name: &str, html: &str) -> String {
    const MARK: &str = "\u{E000}";
    let text = w.format(id, &[(name, MARK.into())]);
    escape(&text).replace(MARK, html)
}

/// The page that asks for the join code, and the group (one of `groups`, named as `names`
/// names them), in `w`'s language.
pub fn join(
    w: &Catalog,
    code: &str,
    groups: &[String],
    names: &Groups,
    error: Option<&str>,
) -> String {
    let mut body = format!(
        "<h1>{}</h1>\n<p>{}</p>\n",
        escape(&w.get("phone-join-heading")),
        escape(&w.get("phone-private"))
    );
    if let Some(e) = error {
        body.push_str(&format!(
            "<p class=\"error\" role=\"alert\" id=\"join-error\">{}</p>\n",
            escape(e)
        ));
    }
    let described = if error.is_some() {
        " aria-describedby=\"join-error\" aria-invalid=\"true\""
    } else {
        ""
    };
    body.push_str(&format!(
        "<form method=\"post\" action=\"/join\">\n\
         <label for=\"code\">{} <span class=\"hint\">{}</span></label>\n\
         <input id=\"code\" name=\"code\" value=\"{}\" autocomplete=\"off\" autocapitalize=\"characters\" \
         spellcheck=\"false\" required maxlength=\"20\"{described}>\n",
        escape(&w.get("phone-code")),
        escape(&w.get("phone-code-hint")),
        escape(code)
    ));
    if !groups.is_empty() {
        body.push_str(&format!(
            "<fieldset>\n<legend>{} <span class=\"hint\">{}</span></legend>\n\
             <div class=\"choice\"><input type=\"radio\" id=\"g-none\" name=\"group\" value=\"\" checked>\
             <label for=\"g-none\">{}</label></div>\n",
            escape(&w.get("phone-which-group")),
            escape(&w.get("phone-group-hint")),
            escape(&w.get("phone-rather-not"))
        ));
        for (i, g) in groups.iter().enumerate() {
            body.push_str(&format!(
                "<div class=\"choice\"><input type=\"radio\" id=\"g-{i}\" name=\"group\" value=\"{}\">\
                 <label for=\"g-{i}\">{}</label></div>\n",
                escape(g),
                escape(&names.name_in(w, g))
            ));
        }
        body.push_str("</fieldset>\n");
    }
    body.push_str(&format!(
        "<button type=\"submit\" class=\"primary\">{}</button>\n</form>\n",
        escape(&w.get("phone-join"))
    ));
    page(w, &w.get("phone-join-title"), &body, false)
}

/// What the vote page needs to know.
pub struct VotePage<'a> {
    /// The framework in the phone's language.
    pub framework: &'a Framework,
    /// coprod's words in the phone's language (English where coprod has no catalog for it).
    pub words: &'a Catalog,
    /// The languages the framework is written in (tags), and which one the phone shows.
    pub languages: &'a [String],
    /// Index into `languages`.
    pub language: usize,
    /// The open round: its number and its indicator's index; `None` while none is open.
    pub round: Option<(u64, usize)>,
    /// The phone's vote in the open round.
    pub mine: Option<Pick>,
    /// The phone's form key.
    pub key: &'a str,
    /// The phone's number in this session (shown so the facilitator can put out this phone).
    pub number: u32,
    /// The phone's group.
    pub group: Option<&'a str>,
    /// The names of stakeholder groups.
    pub group_names: &'a Groups,
    /// A line to say at the top: what just happened.
    pub notice: Option<Notice>,
}

/// What just happened, said at the top of the vote page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The vote is saved.
    Saved(String),
    /// The vote was not taken, and why.
    Refused(String),
}

/// How a choice is said: "3 Developing", "Not applicable", "Don't know" (the level from the
/// framework, the others in `w`'s language).
pub fn pick_words(w: &Catalog, framework: &Framework, pick: Pick) -> String {
    match pick {
        Pick::Level(v) => match framework.level(v) {
            Some(l) => format!("{v} {}", l.label),
            None => v.to_string(),
        },
        Pick::NotApplicable => w.get("phone-na"),
        Pick::DontKnow => w.get("phone-dk"),
    }
}

/// The vote page: the open indicator with a big button per level, or a note that no vote is
/// open yet.
pub fn vote(p: &VotePage<'_>) -> String {
    let f = p.framework;
    let w = p.words;
    let lang = p.languages.get(p.language).map_or("en-GB", String::as_str);
    // The framework's words carry their own language (which may not be the page's: coprod has
    // no catalog for every language a framework is written in), so a screen reader says them
    // right.
    let lang_attr = format!(" lang=\"{}\"", escape(lang));
    let mut body = String::new();
    let round = p
        .round
        .and_then(|(n, i)| f.indicators().nth(i).map(|(s, ind)| (n, s, ind)));
    let strong = |what: &str| format!("<strong{lang_attr}>{}</strong>", escape(what));
    let status = match (&p.notice, p.mine, &round) {
        (Some(Notice::Refused(why)), _, _) => {
            format!("<p class=\"error\" role=\"alert\">{}</p>", escape(why))
        }
        (Some(Notice::Saved(what)), _, Some(_)) => format!(
            "<p class=\"saved\">{}</p>",
            with_html(w, "phone-saved", "what", &strong(what))
        ),
        (_, Some(pick), Some(_)) => format!(
            "<p class=\"saved\">{}</p>",
            with_html(
                w,
                "phone-your-vote",
                "what",
                &strong(&pick_words(w, f, pick))
            )
        ),
        (_, None, Some(_)) => format!("<p>{}</p>", escape(&w.get("phone-not-voted"))),
        (_, _, None) => String::new(),
    };
    match round {
        None => {
            body.push_str(&format!(
                "<h1>{}</h1>\n\
                 <div id=\"status\" aria-live=\"polite\"><p>{}</p></div>\n\
                 <form method=\"get\" action=\"/vote\"><button type=\"submit\">{}</button></form>\n",
                escape(&w.get("phone-waiting")),
                escape(&w.get("phone-none-open")),
                escape(&w.get("phone-check-again"))
            ));
            if let Some(Notice::Refused(why)) = &p.notice {
                body.push_str(&format!(
                    "<p class=\"error\" role=\"alert\">{}</p>\n",
                    escape(why)
                ));
            }
        }
        Some((number, section, ind)) => {
            let id = ind.id.value.to_uppercase();
            body.push_str(&format!(
                "<p class=\"where\"{lang_attr}>{} · {}</p>\n<h1>{}</h1>\n\
                 <p class=\"statement\"{lang_attr}>{}</p>\n\
                 <div id=\"status\" aria-live=\"polite\">{status}</div>\n",
                escape(&section.title),
                escape(&id),
                escape(&w.format("phone-vote-on", &[("id", id.as_str().into())])),
                escape(&ind.statement),
            ));
            // The script's own words, in the page's language.
            body.push_str(&format!(
                "<form method=\"post\" action=\"/vote\" id=\"vote\" data-round=\"{number}\" \
                 data-sending=\"{}\" data-retrying=\"{}\" data-retrying-long=\"{}\" data-not-taken=\"{}\">\n\
                 <input type=\"hidden\" name=\"k\" value=\"{}\">\n\
                 <input type=\"hidden\" name=\"r\" value=\"{number}\">\n\
                 <fieldset>\n<legend>{}</legend>\n",
                escape(&w.get("phone-sending")),
                escape(&w.get("phone-retrying")),
                escape(&w.get("phone-retrying-long")),
                escape(&w.get("phone-not-taken")),
                escape(p.key),
                escape(&w.get("phone-choose"))
            ));
            for level in &f.scale.value {
                let v = level.value.value;
                let here = ind.levels.value.get(&v).filter(|t| !t.is_empty());
                let meaning = here.unwrap_or(&level.meaning);
                button(
                    &mut body,
                    &Pick::Level(v).value(),
                    &format!("{v}"),
                    &level.label,
                    meaning,
                    p.mine == Some(Pick::Level(v)),
                    &lang_attr,
                );
            }
            body.push_str("</fieldset>\n<div class=\"other\">\n");
            button(
                &mut body,
                "na",
                "",
                &w.get("phone-na"),
                &w.get("phone-na-meaning"),
                p.mine == Some(Pick::NotApplicable),
                "",
            );
            button(
                &mut body,
                "dk",
                "",
                &w.get("phone-dk"),
                &w.get("phone-dk-meaning"),
                p.mine == Some(Pick::DontKnow),
                "",
            );
            body.push_str("</div>\n</form>\n");
        }
    }
    body.push_str("<footer>\n");
    body.push_str(&format!(
        "<p class=\"number\">{}</p>\n",
        escape(&w.format("phone-number", &[("n", p.number.into())]))
    ));
    if let Some(g) = p.group {
        body.push_str(&format!(
            "<p>{}</p>\n",
            escape(&w.format(
                "phone-joined-as",
                &[("group", p.group_names.name_in(w, g).into())]
            ))
        ));
    }
    if p.languages.len() > 1 {
        body.push_str(&format!(
            "<form method=\"post\" action=\"/language\" class=\"languages\">\n\
             <input type=\"hidden\" name=\"k\" value=\"{}\">\n<span id=\"lang-label\">{}</span>\n",
            escape(p.key),
            escape(&w.get("phone-language"))
        ));
        for (i, tag) in p.languages.iter().enumerate() {
            let current = if i == p.language {
                " aria-current=\"true\""
            } else {
                ""
            };
            body.push_str(&format!(
                "<button type=\"submit\" name=\"l\" value=\"{i}\" lang=\"{}\" aria-describedby=\"lang-label\"{current}>{}</button>\n",
                escape(tag),
                escape(&language_name(tag))
            ));
        }
        body.push_str("</form>\n");
    }
    body.push_str("</footer>\n");
    let title = match round {
        Some((_, _, ind)) => w.format(
            "phone-vote-on",
            &[("id", ind.id.value.to_uppercase().into())],
        ),
        None => w.get("phone-waiting"),
    };
    page(w, &title, &body, true)
}

/// One big vote button: its number, its name and what it means.
fn button(
    body: &mut String,
    value: &str,
    number: &str,
    label: &str,
    meaning: &str,
    pressed: bool,
    lang_attr: &str,
) {
    let number = if number.is_empty() {
        String::new()
    } else {
        format!("<span class=\"num\">{}</span> ", escape(number))
    };
    let meaning = if meaning.trim().is_empty() {
        String::new()
    } else {
        format!("<span class=\"meaning\">{}</span>", escape(meaning))
    };
    body.push_str(&format!(
        "<button type=\"submit\" name=\"choice\" value=\"{}\" class=\"pick\" aria-pressed=\"{pressed}\"{lang_attr}>\
         {number}<span class=\"label\">{}</span>{meaning}</button>\n",
        escape(value),
        escape(label)
    ));
}

/// The page a phone sees once the facilitator has put it out of the vote.
pub fn put_out(w: &Catalog) -> String {
    let title = w.get("phone-out-title");
    page(
        w,
        &title,
        &format!(
            "<h1>{}</h1>\n<p role=\"alert\">{}</p>\n<p>{}</p>\n<p><a href=\"/\">{}</a></p>\n",
            escape(&title),
            escape(&w.get("phone-out-text")),
            escape(&w.get("phone-out-ask")),
            escape(&w.get("phone-join-again"))
        ),
        false,
    )
}

/// A short page for a request that cannot be answered (a wrong address, a stopped session).
pub fn problem(w: &Catalog, title: &str, text: &str) -> String {
    page(
        w,
        title,
        &format!(
            "<h1>{}</h1>\n<p>{}</p>\n<p><a href=\"/\">{}</a></p>\n",
            escape(title),
            escape(text),
            escape(&w.get("phone-back"))
        ),
        false,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> Framework {
        Framework::built_in(crate::framework::DEFAULT_ID).expect("built-in framework")
    }

    fn english() -> Catalog {
        Catalog::new("en-GB")
    }

    #[test]
    fn the_join_page_escapes_what_came_from_the_phone() {
        let html = join(
            &english(),
            "\"><script>x</script>",
            &["health".into()],
            &Groups::default(),
            Some("<b>no</b>"),
        );
        assert!(!html.contains("<script>x"));
        assert!(html.contains("&quot;&gt;&lt;script&gt;"));
        assert!(html.contains("&lt;b&gt;no&lt;/b&gt;"));
        assert!(html.contains("<label for=\"code\">"));
        assert!(html.contains("<legend>Which group are you in?"));
        assert!(html.contains("Health"));
    }

    #[test]
    fn the_vote_page_has_a_button_per_level_and_marks_the_vote() {
        let f = builtin();
        let langs = vec!["en-GB".to_string(), "cy".to_string()];
        let w = english();
        let html = vote(&VotePage {
            framework: &f,
            words: &w,
            languages: &langs,
            language: 0,
            round: Some((7, 0)),
            mine: Some(Pick::Level(2)),
            key: "k\"",
            number: 7,
            group: None,
            group_names: &Groups::default(),
            notice: None,
        });
        let buttons = html.matches("class=\"pick\"").count();
        assert_eq!(buttons, f.scale.value.len() + 2);
        assert_eq!(html.matches("aria-pressed=\"true\"").count(), 1);
        assert!(html.contains("name=\"r\" value=\"7\""));
        assert!(html.contains("value=\"k&quot;\""));
        assert!(html.contains("Vote on WC1"));
        assert!(html.contains(">Cymraeg</button>"));
        assert!(html.contains("You are phone 7."));
        let (_, first) = f.indicators().next().expect("an indicator");
        assert!(html.contains(&escape(&first.statement)));
    }

    #[test]
    fn with_no_round_open_the_page_says_so_and_offers_to_check() {
        let f = builtin();
        let w = english();
        let html = vote(&VotePage {
            framework: &f,
            words: &w,
            languages: &["en-GB".to_string()],
            language: 0,
            round: None,
            mine: None,
            key: "k",
            number: 12,
            group: Some("parent-carers"),
            group_names: &Groups::default(),
            notice: None,
        });
        assert!(html.contains("No vote is open just now"));
        assert!(html.contains("Check again"));
        assert!(!html.contains("class=\"pick\""));
        assert!(!html.contains("/language"));
        assert!(html.contains("You are phone 12."));
    }

    #[test]
    fn a_phone_put_out_is_told_so_and_how_to_come_back() {
        let html = put_out(&english());
        assert!(html.contains("<h1>You were taken out of the vote</h1>"));
        assert!(html.contains("ask the facilitator"));
        assert!(html.contains("<a href=\"/\">Join again</a>"));
    }
}
