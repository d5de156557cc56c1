//! The phone pages: plain HTML forms that work with no script at all, in plain English, with
//! the framework's own words (in Welsh, or another of its languages, when the phone asks).
//! Every text that reaches a page is escaped here; the style sheet and the script are embedded
//! in the binary, so nothing is fetched from anywhere else.

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

/// A whole page around `body`. `script` adds the script (the vote and waiting pages).
fn page(title: &str, body: &str, script: bool) -> String {
    let script = if script {
        "<script src=\"/app.js\" defer></script>\n"
    } else {
        ""
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"same-origin\">\n\
         <title>{}</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n{script}</head>\n\
         <body>\n<main id=\"main\">\n{body}</main>\n</body>\n</html>\n",
        escape(title)
    )
}

/// The page that asks for the join code, and the group (one of `groups`, named as `names`
/// names them).
pub fn join(code: &str, groups: &[String], names: &Groups, error: Option<&str>) -> String {
    let mut body = String::from(
        "<h1>Vote from your phone</h1>\n\
         <p>Your vote is private: the room sees how many people chose each level, never who \
         chose what. Nothing about you or your phone is kept.</p>\n",
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
         <label for=\"code\">Join code <span class=\"hint\">(on the screen at the front)</span></label>\n\
         <input id=\"code\" name=\"code\" value=\"{}\" autocomplete=\"off\" autocapitalize=\"characters\" \
         spellcheck=\"false\" required maxlength=\"20\"{described}>\n",
        escape(code)
    ));
    if !groups.is_empty() {
        body.push_str(
            "<fieldset>\n<legend>Which group are you in? <span class=\"hint\">(you do not have to say)</span></legend>\n\
             <div class=\"choice\"><input type=\"radio\" id=\"g-none\" name=\"group\" value=\"\" checked>\
             <label for=\"g-none\">I would rather not say</label></div>\n",
        );
        for (i, g) in groups.iter().enumerate() {
            body.push_str(&format!(
                "<div class=\"choice\"><input type=\"radio\" id=\"g-{i}\" name=\"group\" value=\"{}\">\
                 <label for=\"g-{i}\">{}</label></div>\n",
                escape(g),
                escape(&names.name(g))
            ));
        }
        body.push_str("</fieldset>\n");
    }
    body.push_str("<button type=\"submit\" class=\"primary\">Join</button>\n</form>\n");
    page("Join the vote", &body, false)
}

/// What the vote page needs to know.
pub struct VotePage<'a> {
    /// The framework in the phone's language.
    pub framework: &'a Framework,
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

/// How a choice is said: "3 Developing", "Not applicable", "Don't know".
pub fn pick_words(framework: &Framework, pick: Pick) -> String {
    match pick {
        Pick::Level(v) => match framework.level(v) {
            Some(l) => format!("{v} {}", l.label),
            None => v.to_string(),
        },
        Pick::NotApplicable => "Not applicable".to_string(),
        Pick::DontKnow => "Don't know".to_string(),
    }
}

/// The vote page: the open indicator with a big button per level, or a note that no vote is
/// open yet.
pub fn vote(p: &VotePage<'_>) -> String {
    let f = p.framework;
    let lang = p.languages.get(p.language).map_or("en-GB", String::as_str);
    // The framework's words carry their own language, so a screen reader says them right.
    let lang_attr = format!(" lang=\"{}\"", escape(lang));
    let mut body = String::new();
    let round = p
        .round
        .and_then(|(n, i)| f.indicators().nth(i).map(|(s, ind)| (n, s, ind)));
    let status = match (&p.notice, p.mine, &round) {
        (Some(Notice::Refused(why)), _, _) => {
            format!("<p class=\"error\" role=\"alert\">{}</p>", escape(why))
        }
        (Some(Notice::Saved(what)), _, Some(_)) => format!(
            "<p class=\"saved\">Your vote is saved: <strong{lang_attr}>{}</strong>. You can change it until the vote closes.</p>",
            escape(what)
        ),
        (_, Some(pick), Some(_)) => format!(
            "<p class=\"saved\">Your vote: <strong{lang_attr}>{}</strong>. You can change it until the vote closes.</p>",
            escape(&pick_words(f, pick))
        ),
        (_, None, Some(_)) => "<p>You have not voted on this one yet.</p>".to_string(),
        (_, _, None) => String::new(),
    };
    match round {
        None => {
            body.push_str(
                "<h1>Waiting for the next vote</h1>\n\
                 <div id=\"status\" aria-live=\"polite\"><p>No vote is open just now. When the facilitator opens one, it shows here.</p></div>\n\
                 <form method=\"get\" action=\"/vote\"><button type=\"submit\">Check again</button></form>\n",
            );
            if let Some(Notice::Refused(why)) = &p.notice {
                body.push_str(&format!(
                    "<p class=\"error\" role=\"alert\">{}</p>\n",
                    escape(why)
                ));
            }
        }
        Some((number, section, ind)) => {
            body.push_str(&format!(
                "<p class=\"where\"{lang_attr}>{} · {}</p>\n<h1>Vote on {}</h1>\n\
                 <p class=\"statement\"{lang_attr}>{}</p>\n\
                 <div id=\"status\" aria-live=\"polite\">{status}</div>\n",
                escape(&section.title),
                escape(&ind.id.value.to_uppercase()),
                escape(&ind.id.value.to_uppercase()),
                escape(&ind.statement),
            ));
            body.push_str(&format!(
                "<form method=\"post\" action=\"/vote\" id=\"vote\" data-round=\"{number}\">\n\
                 <input type=\"hidden\" name=\"k\" value=\"{}\">\n\
                 <input type=\"hidden\" name=\"r\" value=\"{number}\">\n\
                 <fieldset>\n<legend>Choose the level you think fits best</legend>\n",
                escape(p.key)
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
                "Not applicable",
                "This does not apply to our partnership.",
                p.mine == Some(Pick::NotApplicable),
                "",
            );
            button(
                &mut body,
                "dk",
                "",
                "Don't know",
                "I cannot say.",
                p.mine == Some(Pick::DontKnow),
                "",
            );
            body.push_str("</div>\n</form>\n");
        }
    }
    body.push_str("<footer>\n");
    body.push_str(&format!(
        "<p class=\"number\">You are phone {}.</p>\n",
        p.number
    ));
    if let Some(g) = p.group {
        body.push_str(&format!(
            "<p>You joined as: {}.</p>\n",
            escape(&p.group_names.name(g))
        ));
    }
    if p.languages.len() > 1 {
        body.push_str(&format!(
            "<form method=\"post\" action=\"/language\" class=\"languages\">\n\
             <input type=\"hidden\" name=\"k\" value=\"{}\">\n<span id=\"lang-label\">Language of the questions:</span>\n",
            escape(p.key)
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
        Some((_, _, ind)) => format!("Vote on {}", ind.id.value.to_uppercase()),
        None => "Waiting for the next vote".to_string(),
    };
    page(&title, &body, true)
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
pub fn put_out() -> String {
    page(
        "You were taken out of the vote",
        "<h1>You were taken out of the vote</h1>\n         <p role=\"alert\">The facilitator took this phone out of the vote. It cannot vote now, \
         and its vote on the question that was open was not counted.</p>\n         <p>If you should be voting, ask the facilitator. Then join again with the code on the \
         screen at the front.</p>\n         <p><a href=\"/\">Join again</a></p>\n",
        false,
    )
}

/// A short page for a request that cannot be answered (a wrong address, a stopped session).
pub fn problem(title: &str, text: &str) -> String {
    page(
        title,
        &format!(
            "<h1>{}</h1>\n<p>{}</p>\n<p><a href=\"/\">Back to the start</a></p>\n",
            escape(title),
            escape(text)
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

    #[test]
    fn the_join_page_escapes_what_came_from_the_phone() {
        let html = join(
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
        let html = vote(&VotePage {
            framework: &f,
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
        let html = vote(&VotePage {
            framework: &f,
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
        let html = put_out();
        assert!(html.contains("<h1>You were taken out of the vote</h1>"));
        assert!(html.contains("ask the facilitator"));
        assert!(html.contains("<a href=\"/\">Join again</a>"));
    }
}
