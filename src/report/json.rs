//! JSON: the report model as it is, for scripts. The shape is documented in the README and
//! versioned by `schema_version`.

use std::io::Write;

use super::Report;

/// Writes the report as pretty-printed JSON with a final newline. C1 controls, bidi and
/// invisible characters are written as `\uXXXX` escapes ([`crate::clean::json`]): the same
/// text for a program, nothing raw for a terminal.
pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    // serde_json writes in small pieces; the cleaner sees them in blocks.
    let mut out = std::io::BufWriter::new(crate::clean::JsonWriter::new(out));
    serde_json::to_writer_pretty(&mut out, report)?;
    writeln!(out)?;
    out.flush()
}

/// The JSON Schema of the report JSON (`coprod framework schema report`). Objects are closed
/// (`additionalProperties: false`), so a key the schema does not name is an error: the tests
/// check every JSON report against it, and a change of shape shows there first.
pub fn schema() -> schemars::Schema {
    let mut schema = schemars::schema_for!(Report).to_value();
    close_objects(&mut schema);
    // Back to a schema, which writes its keywords in their usual order.
    schemars::Schema::try_from(schema).unwrap_or_default()
}

/// Sets `additionalProperties: false` on every schema that lists properties and says nothing
/// of others. (Flattened fields are already merged into their parent's properties.)
fn close_objects(schema: &mut serde_json::Value) {
    let serde_json::Value::Object(map) = schema else {
        return;
    };
    if map.contains_key("properties") && !map.contains_key("additionalProperties") {
        map.insert(
            "additionalProperties".into(),
            serde_json::Value::Bool(false),
        );
    }
    for (key, v) in map.iter_mut() {
        match (key.as_str(), v) {
            // Maps from names to schemas: every value is a schema (a field may be called
            // `properties` without being taken for the keyword).
            ("properties" | "$defs" | "patternProperties", serde_json::Value::Object(named)) => {
                named.values_mut().for_each(close_objects);
            }
            ("anyOf" | "oneOf" | "allOf" | "prefixItems", serde_json::Value::Array(list)) => {
                list.iter_mut().for_each(close_objects);
            }
            ("items" | "additionalProperties" | "not", v) => close_objects(v),
            _ => {}
        }
    }
}
