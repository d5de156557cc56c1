//! `coprod framework form`: what a coordinator needs to build an online form in the shape
//! `coprod import` reads back: the questions in order with the scale's labels, and a template
//! with one column per indicator.

use std::io::Write;

use crate::error::Error;
use crate::framework::Framework;

pub use crate::cli::FormFormat;

/// The header of an indicator's column in a template: its id, then its statement, so that
/// `coprod import` places it by id and people read the statement.
pub fn question_header(id: &str, statement: &str) -> String {
    format!("{} {statement}", id.to_uppercase())
}

/// The choices offered for every question: each level with its label, not applicable, don't know.
pub fn choices(framework: &Framework) -> Vec<String> {
    let mut out: Vec<String> = framework
        .scale
        .value
        .iter()
        .map(|l| format!("{} - {}", l.value.value, l.label))
        .collect();
    out.push("Not applicable".into());
    out.push("Don't know".into());
    out
}

/// Writes the form in a format.
pub fn render(
    framework: &Framework,
    format: FormFormat,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        FormFormat::Markdown => markdown(framework, out),
        FormFormat::Csv => questions_csv(framework, out),
        FormFormat::Template => template_csv(framework, out),
        FormFormat::Xlsx => {
            let bytes =
                template_xlsx(framework).map_err(|e| std::io::Error::other(e.to_string()))?;
            out.write_all(&bytes)
        }
    }
}

fn markdown(framework: &Framework, out: &mut dyn Write) -> std::io::Result<()> {
    let md = crate::clean::markdown;
    writeln!(out, "# {}: questions for a form\n", md(&framework.title))?;
    writeln!(
        out,
        "Ask each question as a choice of one answer (a grid of statements works too). Offer these \
         answers, in this order, for every question:\n"
    )?;
    for c in choices(framework) {
        writeln!(out, "- {}", md(&c))?;
    }
    writeln!(
        out,
        "\nAsk first which group the respondent belongs to (for example parent carer, local \
         authority, health, education, young person). Start each question with its id (such as \
         `{}`), or use the statement exactly as written, so that `coprod import` can place it. \
         An optional question per indicator, \"Any evidence or examples for …?\", becomes evidence.",
        framework
            .indicators()
            .next()
            .map_or("WC1".to_string(), |(_, i)| i.id.value.to_uppercase())
    )?;
    let mut n = 0;
    for section in &framework.sections.value {
        writeln!(out, "\n## {}\n", md(&section.title))?;
        for ind in &section.indicators.value {
            n += 1;
            writeln!(
                out,
                "{n}. **{}** {}",
                ind.id.value.to_uppercase(),
                md(&ind.statement)
            )?;
        }
    }
    Ok(())
}

fn questions_csv(framework: &Framework, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["number", "indicator", "section", "question", "answers"])?;
    let answers = choices(framework).join("; ");
    for (n, (section, ind)) in framework.indicators().enumerate() {
        w.write_record([
            (n + 1).to_string(),
            ind.id.value.clone(),
            crate::clean::csv(&section.title).into_owned(),
            crate::clean::csv(&question_header(&ind.id.value, &ind.statement)).into_owned(),
            crate::clean::csv(&answers).into_owned(),
        ])?;
    }
    w.flush()
}

fn template_headers(framework: &Framework) -> Vec<String> {
    let mut headers = vec!["Which group are you in?".to_string()];
    headers.extend(
        framework
            .indicators()
            .map(|(_, i)| question_header(&i.id.value, &i.statement)),
    );
    headers
}

fn template_csv(framework: &Framework, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let headers: Vec<String> = template_headers(framework)
        .iter()
        .map(|h| crate::clean::csv(h).into_owned())
        .collect();
    w.write_record(&headers)?;
    w.flush()
}

/// Runs `coprod framework form`: the format from `--format`, else the extension of `-o`.
pub fn execute(
    framework: &str,
    format: Option<FormFormat>,
    output: Option<&std::path::Path>,
) -> Result<(), Error> {
    let framework = Framework::load(framework)?;
    let by_name = output
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let format = match (format, by_name.as_deref()) {
        (Some(f), _) => f,
        (None, Some("csv")) => FormFormat::Csv,
        (None, Some("xlsx")) => FormFormat::Xlsx,
        (None, _) => FormFormat::Markdown,
    };
    let to_stdout = output.is_none_or(|p| p == std::path::Path::new("-"));
    if format == FormFormat::Xlsx
        && to_stdout
        && std::io::IsTerminal::is_terminal(&std::io::stdout())
    {
        return Err(Error::Usage(
            "a workbook cannot be shown in the terminal\nhelp: write it to a file with `-o answers.xlsx`".into(),
        ));
    }
    crate::cmd::report::write_output(output, &mut |w| render(&framework, format, w))
}

/// How many answer rows the workbook template offers drop-downs for.
const TEMPLATE_ROWS: u32 = 500;

fn template_xlsx(framework: &Framework) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{DataValidation, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Answers")?;
    let bold = Format::new().set_bold().set_text_wrap();
    let headers = template_headers(framework);
    let groups: Vec<String> = crate::record::KNOWN_GROUPS
        .iter()
        .map(|(_, name)| (*name).to_string())
        .collect();
    let choices = choices(framework);
    for (c, h) in headers.iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, col, h, &bold)?;
        sheet.set_column_width(col, if c == 0 { 22 } else { 28 })?;
        let list = if c == 0 { &groups } else { &choices };
        let validation = DataValidation::new()
            .allow_list_strings(list)?
            .set_error_title("Not an answer on the list")?
            .set_error_message("Choose an answer from the list.")?;
        sheet.add_data_validation(1, col, TEMPLATE_ROWS, col, &validation)?;
    }
    sheet.set_row_height(0, 90)?;
    sheet.set_freeze_panes(1, 1)?;
    book.save_to_buffer()
}
