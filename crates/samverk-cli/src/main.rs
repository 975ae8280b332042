//! The `samverk` binary: serve, migrate, demo, check, export.
//!
//! Configuration comes from flags, then `SAMVERK_*` environment variables, then an optional
//! `samverk.toml`, then defaults. These names are a contract scripts and operators rely on.

mod accounts;
mod config;
mod export;
mod import;
mod retention;
mod search;

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use samverk_store::Store;
use samverk_store::audit::{Actor, Origin};

use crate::config::{Config, FileConfig};

#[derive(Debug, Parser)]
#[command(name = "samverk", version, about = "Partnerships, networks and international cooperation of public authorities")]
struct Cli {
    /// Database URL: sqlite://path (created when missing) or postgres://…
    #[arg(long, env = "SAMVERK_DATABASE", global = true)]
    database: Option<String>,
    /// Configuration file (default: samverk.toml in the working folder, when present).
    #[arg(long, env = "SAMVERK_CONFIG", global = true)]
    config: Option<std::path::PathBuf>,
    /// Search index directory, one per server (default: beside the SQLite file, or ./samverk-search).
    #[arg(long, env = "SAMVERK_SEARCH_INDEX", global = true)]
    search_index: Option<std::path::PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the web pages and the API (migrates first).
    Serve {
        /// Address to listen on.
        #[arg(long, env = "SAMVERK_BIND")]
        bind: Option<String>,
        /// Load the demo data of the source documents when the database is empty.
        #[arg(long)]
        demo: bool,
    },
    /// Bring the database schema up to date.
    Migrate,
    /// Load the demo data (the facts of the source documents) into an empty database.
    Demo,
    /// Check the contribution rule: every active network engagement contributes to a main goal.
    /// Exits with status 1 when an engagement breaks it.
    Check {
        /// Only this authority's engagements and goals (organisation id).
        #[arg(long)]
        owner: Option<i64>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Accounts: create the first administrator, list, reset links, disable, API tokens.
    Account {
        #[command(subcommand)]
        what: accounts::AccountCommand,
    },
    /// The search index.
    Search {
        #[command(subcommand)]
        what: SearchWhat,
    },
    /// Import a file of a public data set (nfr-h2020-norway, interreg-se-partners,
    /// twin-towns-wikipedia, covenant-of-mayors, membership-orgs) into the register, in one
    /// transaction.
    Import {
        /// The data set the file belongs to.
        dataset: String,
        /// The file.
        path: std::path::PathBuf,
        /// Show what would change; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Import the good rows of a file with a few bad ones, listing each skipped row.
        #[arg(long)]
        skip_bad_rows: bool,
    },
    /// Delete or anonymise the personal data that has passed its retention period.
    Retention {
        /// Report what would be deleted or anonymised; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Export records to standard output.
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
}

#[derive(Debug, Subcommand)]
enum SearchWhat {
    /// Make this server's index anew from the database.
    Rebuild,
}

#[derive(Debug, Subcommand)]
enum ExportWhat {
    /// Engagements with their participants and contributions.
    Engagements {
        #[arg(long, value_enum, default_value_t = export::Format::Csv)]
        format: export::Format,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(error) => {
            eprintln!("error: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("SAMVERK_LOG").unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).init();
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let file = FileConfig::load(cli.config.as_deref())?;
    let bind_flag = match &cli.command {
        Command::Serve { bind, .. } => bind.clone(),
        _ => None,
    };
    let config = Config::resolve(cli.database, bind_flag, file);
    let index_dir = search::index_dir(&config.database, cli.search_index);
    match cli.command {
        Command::Serve { demo, .. } => serve(&config, demo, &index_dir).await,
        Command::Search { what: SearchWhat::Rebuild } => {
            let store = open(&config).await?;
            let count = search::rebuild(&store, &index_dir).await?;
            println!("Rebuilt the search index in {}: {count} records.", index_dir.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Migrate => {
            open(&config).await?;
            println!("The database schema at {} is up to date.", config.redacted_database());
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo => {
            let store = open(&config).await?;
            let summary = samverk_import::demo::load(&store).await?;
            println!(
                "Loaded the demo data: {} organisations, {} decisions, {} plans with {} goals, {} engagements.",
                summary.organisations, summary.decisions, summary.plans, summary.goals, summary.engagements
            );
            accounts::demo_accounts(&store, &mut std::io::stdout().lock()).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { owner, json } => check(&config, owner, json).await,
        Command::Account { what } => {
            let store = open(&config).await?;
            accounts::run(&store, what, &mut std::io::stdout().lock()).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Import { dataset, path, dry_run, skip_bad_rows } => {
            let store = open(&config).await?;
            import::run(&store, &dataset, &path, dry_run, skip_bad_rows).await
        }
        Command::Retention { dry_run } => {
            let store = open(&config).await?;
            retention::run(&store, dry_run, &mut std::io::stdout().lock()).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { what: ExportWhat::Engagements { format } } => {
            let store = open(&config).await?;
            let rows = store.export_engagements().await?;
            let mut out = std::io::stdout().lock();
            export::engagements(&rows, format, &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Connects, migrates and makes sure the shipped SDG reference and registries are loaded.
async fn open(config: &Config) -> anyhow::Result<Store> {
    let store = Store::open(&config.database).await.with_context(|| format!("cannot open the database {}", config.redacted_database()))?;
    samverk_import::sdg::ensure_loaded(&store).await?;
    samverk_import::registry::ensure_loaded(&store).await?;
    Ok(store.acting_as(command_actor()))
}

/// Who the audit trail names for this command's changes: the operator, and the command's words
/// (not its flags, which may hold a database URL with a password).
fn command_actor() -> Actor {
    let words: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-') && !a.contains("://")).take(3).collect();
    let mut actor = Actor::cli(&format!("samverk {}", words.join(" ")));
    if words.first().is_some_and(|w| w == "import") {
        actor.origin = Origin::Import;
    }
    actor
}

async fn serve(config: &Config, demo: bool, index_dir: &std::path::Path) -> anyhow::Result<ExitCode> {
    let store = open(config).await?;
    if demo {
        if !samverk_import::demo::has_user_data(&store).await? {
            let summary = samverk_import::demo::load(&store).await?;
            tracing::info!(engagements = summary.engagements, plans = summary.plans, "loaded the demo data");
            accounts::demo_accounts(&store, &mut std::io::stdout().lock()).await?;
        } else {
            tracing::info!("the database already holds data; the demo data was not loaded");
        }
    }
    let listener = tokio::net::TcpListener::bind(&config.bind).await.with_context(|| format!("cannot listen on {}", config.bind))?;
    let address = listener.local_addr()?;
    tracing::info!(database = %config.redacted_database(), "samverk listening on http://{address}");
    // The language of visitors who state none (no cookie, no Accept-Language): nb, sv or en.
    let language = match std::env::var("SAMVERK_LANGUAGE") {
        Ok(code) => samverk_web::i18n::Lang::parse(&code).with_context(|| format!("SAMVERK_LANGUAGE={code}: use nb, sv or en"))?,
        Err(_) => samverk_web::i18n::Lang::default(),
    };
    let trust = samverk_web::trust::TrustConfig {
        // Behind a TLS-terminating proxy: SAMVERK_TLS=1 marks cookies Secure and sends HSTS.
        tls: std::env::var("SAMVERK_TLS").is_ok_and(|v| matches!(v.as_str(), "1" | "true" | "yes")),
        // The number of proxies appending to X-Forwarded-For (for sign-in limits per address).
        trusted_proxies: std::env::var("SAMVERK_TRUSTED_PROXIES").ok().and_then(|v| v.parse().ok()).unwrap_or(0),
    };
    let index = search::open(&store, index_dir).await?;
    let follower = samverk_search::follow(index.clone(), store.clone(), search::FOLLOW_EVERY);
    let config = samverk_web::AppConfig {
        trust,
        default_language: language,
        search: Some(index),
        pdf: Some(std::sync::Arc::new(samverk_report_pdf::Pdf)),
    };
    let app = samverk_web::app_with(store.clone(), config);
    // The peer address feeds the sign-in limits and the rate limit of the public input forms.
    let service = app.into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service).with_graceful_shutdown(shutdown()).await?;
    follower.abort();
    store.close().await;
    Ok(ExitCode::SUCCESS)
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = term => {} }
    tracing::info!("shutting down");
}

async fn check(config: &Config, owner: Option<i64>, json: bool) -> anyhow::Result<ExitCode> {
    let store = open(config).await?;
    let outcome = store.check(owner).await?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &outcome)?;
        writeln!(out)?;
    } else {
        writeln!(out, "Rule: every active network engagement contributes to one or more main goals of a plan in force.")?;
        if outcome.violations.is_empty() {
            writeln!(out, "No engagement breaks the rule.")?;
        } else {
            writeln!(out, "{} engagement(s) break the rule:", outcome.violations.len())?;
            for v in &outcome.violations {
                let why = if v.only_expired_plans { "contributes only to goals of expired plans" } else { "contributes to no goal" };
                writeln!(out, "  - #{} {} ({}, {}): {why}", v.engagement_id, v.title, v.kind, v.owner_name)?;
            }
        }
        if outcome.goals_without_contributions.is_empty() {
            writeln!(out, "Every goal has at least one contributing engagement.")?;
        } else {
            writeln!(out, "{} goal(s) without any contributing engagement:", outcome.goals_without_contributions.len())?;
            for g in &outcome.goals_without_contributions {
                let level = if g.is_main { "main goal" } else { "sub-goal" };
                let title = g.title.as_deref().unwrap_or("(wording not yet filled in)");
                writeln!(out, "  - #{} {title} ({level} in «{}», {})", g.goal_id, g.plan_title, g.owner_name)?;
            }
        }
    }
    Ok(if outcome.violations.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
