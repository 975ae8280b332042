//! `samverk export engagements`: one CSV row per engagement × participant/contribution, or a
//! JSON array of engagements with their participants and contributions.

use std::io::Write;

use samverk_domain::input::format_date;
use samverk_store::engagement::EngagementPage;
use serde::Serialize;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Csv,
    Json,
}

/// Writes the engagements in the chosen format.
pub fn engagements(rows: &[EngagementPage], format: Format, out: &mut impl Write) -> anyhow::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, rows)?;
            writeln!(out)?;
        }
        Format::Csv => write_csv(rows, out)?,
    }
    Ok(())
}

#[derive(Clone, Default, Serialize)]
struct CsvRow {
    engagement_id: i64,
    title: String,
    kind: &'static str,
    status: &'static str,
    owner: String,
    start: String,
    end: String,
    decision: String,
    /// `participant`, `contribution`, or empty for an engagement with neither.
    line: &'static str,
    organisation: String,
    role: &'static str,
    goal: String,
    plan: String,
    how: String,
}

fn write_csv(rows: &[EngagementPage], out: &mut impl Write) -> anyhow::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    for page in rows {
        let e = &page.engagement;
        let decision = match (&e.decision_body, e.decision_date) {
            (Some(body), Some(date)) => [body.as_str(), e.decision_case_number.as_deref().unwrap_or_default(), &format_date(date)]
                .iter()
                .filter(|p| !p.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" "),
            _ => String::new(),
        };
        let base = CsvRow {
            engagement_id: e.id,
            title: neutralise(&e.title),
            kind: e.kind.code(),
            status: e.status.code(),
            owner: neutralise(&e.owner_name),
            start: e.start_date.map(format_date).unwrap_or_default(),
            end: e.end_date.map(format_date).unwrap_or_default(),
            decision: neutralise(&decision),
            ..CsvRow::default()
        };
        if page.participants.is_empty() && page.contributions.is_empty() {
            writer.serialize(&base)?;
        }
        for p in &page.participants {
            writer.serialize(CsvRow {
                line: "participant",
                organisation: neutralise(&p.organisation_name),
                role: p.role.code(),
                ..base.clone()
            })?;
        }
        for c in &page.contributions {
            let goal = c.goal_title.as_deref().unwrap_or("(wording not yet filled in)");
            writer.serialize(CsvRow {
                line: "contribution",
                goal: neutralise(goal),
                plan: neutralise(&c.plan_title),
                how: neutralise(&c.how),
                ..base.clone()
            })?;
        }
    }
    writer.flush()?;
    Ok(())
}

/// Spreadsheet programs evaluate a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
/// return: such text gets a leading apostrophe so it is shown, never run.
fn neutralise(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("-1"), "'-1");
        assert_eq!(neutralise("Mid Sweden Office"), "Mid Sweden Office");
    }
}
