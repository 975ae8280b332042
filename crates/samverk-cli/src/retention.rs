//! `samverk retention [--dry-run]`: deletes or anonymises the personal data that has passed its
//! retention period (see the register, `samverk_store::privacy::REGISTER`), or with `--dry-run`
//! reports what it would do and writes nothing. Meant to run daily from cron or a systemd timer.

use std::io::Write;

use samverk_store::Store;
use samverk_store::privacy::RetentionLine;

fn describe(what: &str) -> &'static str {
    match what {
        "expired_sessions" => "expired sessions",
        "spent_reset_links" => "password-reset links used or expired more than a week ago",
        "old_submissions" => "answers to calls closed more than 12 months ago (name, e-mail and organisation)",
        "disabled_accounts" => "accounts disabled more than 12 months ago",
        "old_log_entries" => "personal-data log entries older than 5 years",
        "old_audit_entries" => "audit-trail entries older than 10 years",
        _ => "records",
    }
}

/// Writes the report of one run.
///
/// # Errors
/// Writing to `out` failed.
pub fn report(lines: &[RetentionLine], dry_run: bool, out: &mut impl Write) -> std::io::Result<()> {
    if dry_run {
        writeln!(out, "Dry run: nothing was changed.")?;
    }
    for line in lines {
        let verb = match (dry_run, line.action) {
            (true, "delete") => "Would delete",
            (true, _) => "Would anonymise",
            (false, "delete") => "Deleted",
            (false, _) => "Anonymised",
        };
        writeln!(out, "{verb} {}: {}", describe(line.what), line.count)?;
    }
    Ok(())
}

/// Runs the job at the current time.
///
/// # Errors
/// The database error (nothing is written then) or the output error.
pub async fn run(store: &Store, dry_run: bool, out: &mut impl Write) -> anyhow::Result<()> {
    let lines = store.apply_retention(samverk_store::account::now(), dry_run).await?;
    report(&lines, dry_run, out)?;
    Ok(())
}
