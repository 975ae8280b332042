//! The `samverk` binary as an operator uses it: output and exit status.

use std::io::{Read, Write};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use samverk_testkit::{EngagementBuilder, GoalBuilder, OrganisationBuilder, PlanBuilder, TestApp};

fn samverk(url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_samverk"))
        .args(args)
        .env("SAMVERK_DATABASE", url)
        .env_remove("SAMVERK_BIND")
        .output()
        .unwrap_or_else(|e| panic!("run samverk: {e}"))
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[tokio::test]
async fn check_passes_on_the_demo_and_lists_goals_nothing_contributes_to() {
    let app = TestApp::with_demo().await;
    let output = samverk(&app.url, &["check"]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains("No engagement breaks the rule."), "{text}");
    assert!(text.contains("(wording not yet filled in) (main goal in «Telemarksplanen»"), "{text}");
}

#[tokio::test]
async fn check_names_the_network_that_lost_its_goal_and_exits_1() {
    let app = TestApp::new().await;
    let owner = OrganisationBuilder::new("Telemark fylkeskommune").insert(&app.store).await;
    let plan = PlanBuilder::new(owner, "Telemarksplanen").insert(&app.store).await;
    let goal = GoalBuilder::new(plan, "Skapende Telemark").insert(&app.store).await;
    let id = EngagementBuilder::new(owner, "Vekstnettverket").status("active").goal(goal, "Verdiskaping.").insert(&app.store).await;
    // The plan is revised and the goal removed: the network now serves no goal.
    app.store.delete_goal(goal).await.unwrap_or_else(|e| panic!("{e}"));
    let output = samverk(&app.url, &["check"]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains(&format!("#{id} Vekstnettverket (network, Telemark fylkeskommune): contributes to no goal")), "{text}");
    let json = samverk(&app.url, &["check", "--json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(value["violations"][0]["title"], "Vekstnettverket");
}

#[tokio::test]
async fn export_gives_csv_and_json_with_participants_and_contributions() {
    let app = TestApp::with_demo().await;
    let csv = samverk(&app.url, &["export", "engagements", "--format", "csv"]);
    assert_eq!(csv.status.code(), Some(0));
    let text = stdout(&csv);
    assert!(text.starts_with("engagement_id,title,kind,status,owner,start,end,decision,line,organisation,role,goal,plan,how"), "{text}");
    assert!(text.contains("Bærekraftige Vestfold og Telemark,partnership,ended,Vestfold og Telemark fylkeskommune,2020-03-31,2023-12-31,Fylkestinget 25/20 2020-03-31,participant,Avinor,observer"), "{text}");
    assert!(
        text.contains(
            "Mid Sweden Office,membership,active,Region Västernorrland,,,,contribution,,,Ge Västernorrland goda utvecklingsförutsättningar"
        ),
        "{text}"
    );
    let json = samverk(&app.url, &["export", "engagements", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap_or_else(|e| panic!("{e}"));
    let all = value.as_array().map_or(0, Vec::len);
    // The demo's 11 engagements of the seeds and its 2 EU project examples.
    assert_eq!(all, 13);
}

#[test]
fn a_bad_database_url_is_explained_without_a_password() {
    let output = samverk("mysql://admin:secret@localhost/x", &["migrate"]);
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1));
    assert!(err.contains("unsupported database URL") && err.contains("admin:***@localhost") && !err.contains("secret"), "{err}");
}

#[test]
fn migrate_creates_the_sqlite_file_and_a_config_file_is_honoured() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("from-config.db");
    let config = dir.path().join("samverk.toml");
    std::fs::write(&config, format!("database = \"sqlite://{}\"\n", db.display())).unwrap_or_else(|e| panic!("{e}"));
    let output = Command::new(env!("CARGO_BIN_EXE_samverk"))
        .args(["--config", &config.display().to_string(), "migrate"])
        .env_remove("SAMVERK_DATABASE")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout(&output).contains("is up to date"));
    assert!(db.exists());
    std::fs::write(&config, "databse = \"typo\"\n").unwrap_or_else(|e| panic!("{e}"));
    let typo = Command::new(env!("CARGO_BIN_EXE_samverk"))
        .args(["--config", &config.display().to_string(), "migrate"])
        .env_remove("SAMVERK_DATABASE")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(typo.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&typo.stderr).contains("invalid configuration"));
}

/// Sends `GET path` and returns the status line, or `None` while nothing listens.
fn http_get(port: u16, path: &str, bearer: Option<&str>) -> Option<String> {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let auth = bearer.map(|t| format!("Authorization: Bearer {t}\r\n")).unwrap_or_default();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\n{auth}Connection: close\r\n\r\n").ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    Some(answer)
}

#[test]
fn serve_with_demo_answers_healthz_and_shows_the_demo() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).unwrap_or_else(|e| panic!("{e}"));
    let url = format!("sqlite://{}", dir.path().join("serve.db").display());
    let mut child = Command::new(env!("CARGO_BIN_EXE_samverk"))
        .args(["serve", "--demo", "--bind", &format!("127.0.0.1:{port}")])
        .env("SAMVERK_DATABASE", &url)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    // Wait, bounded, until the server answers.
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut health = None;
    while Instant::now() < deadline && health.is_none() {
        health = http_get(port, "/healthz", None);
        if health.is_none() {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    // The pages need a signed-in account: an API token made by the CLI reads the same data.
    let samverk = |args: &[&str]| {
        let output =
            Command::new(env!("CARGO_BIN_EXE_samverk")).args(args).env("SAMVERK_DATABASE", &url).output().unwrap_or_else(|e| panic!("{e}"));
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stdout).trim().to_owned()
    };
    samverk(&["account", "create", "--username", "tester", "--name", "Tester", "--role", "reader"]);
    let token = samverk(&["account", "token", "--username", "tester"]);
    let anonymous = http_get(port, "/engagements?q=minneapolis", None);
    let page = http_get(port, "/api/v1/engagements?q=minneapolis", Some(&token));
    let _ = child.kill();
    let _ = child.wait();
    assert!(health.unwrap_or_default().starts_with("HTTP/1.1 200"));
    assert!(page.unwrap_or_default().contains("Bilateral avtale med Minneapolis"));
    let anonymous = anonymous.unwrap_or_default();
    assert!(anonymous.starts_with("HTTP/1.1 303"), "{anonymous}");
    assert!(anonymous.to_lowercase().contains("location: /login?next="), "{anonymous}");
}

#[tokio::test]
async fn demo_prints_one_account_per_role_whose_password_signs_in() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let url = format!("sqlite://{}", dir.path().join("demo.db").display());
    let output = samverk(&url, &["demo"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = stdout(&output);
    let accounts: Vec<(String, String)> = text
        .lines()
        .filter_map(|l| {
            let parts: Vec<&str> = l.split_whitespace().collect();
            (parts.len() == 3 && parts[1].starts_with("demo-")).then(|| (parts[1].to_owned(), parts[2].to_owned()))
        })
        .collect();
    let names: Vec<&str> = accounts.iter().map(|(u, _)| u.as_str()).collect();
    assert_eq!(names, ["demo-administrator", "demo-editor", "demo-representative", "demo-reader"], "{text}");
    let store = samverk_store::Store::open(&url).await.unwrap_or_else(|e| panic!("{e}"));
    for (username, password) in &accounts {
        assert!(password.len() >= 12);
        assert!(store.verify_login(username, password).await.unwrap_or_else(|e| panic!("{e}")).is_some(), "{username} signs in");
    }
    // The administrator administers the installation; the others hold their role at the demo's
    // own authority only.
    let listed = stdout(&samverk(&url, &["account", "list"]));
    assert!(listed.contains("demo-editor\tDemo editor\teditor at Vestfold og Telemark fylkeskommune"), "{listed}");
    assert!(listed.contains("demo-administrator\tDemo administrator\tadministrator at every authority"), "{listed}");
}

async fn count(app: &TestApp, sql: &'static str) -> i64 {
    let mut handle = app.store.handle().await.unwrap_or_else(|e| panic!("{e}"));
    handle.conn().scalar::<i64>(&samverk_store::Sql::new(sql)).await.unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn retention_reports_first_with_dry_run_then_deletes_and_anonymises() {
    let app = TestApp::new().await;
    let leaver = app.store.create_account("kari.leaver", "Kari Leaver", None).await.unwrap_or_else(|e| panic!("{e}"));
    app.store.set_disabled(leaver, true).await.unwrap_or_else(|e| panic!("{e}"));
    {
        // Thirteen months on: the test account's session has expired, the leaver left long ago.
        let mut handle = app.store.handle().await.unwrap_or_else(|e| panic!("{e}"));
        let mut conn = handle.conn();
        conn.execute(&samverk_store::Sql::new("UPDATE sessions SET expires_at = 0")).await.unwrap_or_else(|e| panic!("{e}"));
        conn.execute(&samverk_store::Sql::new("UPDATE accounts SET disabled_at = 1 WHERE disabled"))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let dry = samverk(&app.url, &["retention", "--dry-run"]);
    let text = stdout(&dry);
    assert_eq!(dry.status.code(), Some(0), "{text}{}", String::from_utf8_lossy(&dry.stderr));
    assert!(text.starts_with("Dry run: nothing was changed."), "{text}");
    assert!(text.contains("Would delete expired sessions: 1"), "{text}");
    assert!(text.contains("Would anonymise accounts disabled more than 12 months ago: 1"), "{text}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM sessions").await, 1, "the dry run changed nothing");

    let run = samverk(&app.url, &["retention"]);
    let text = stdout(&run);
    assert_eq!(run.status.code(), Some(0), "{text}");
    assert!(text.contains("Deleted expired sessions: 1"), "{text}");
    assert!(text.contains("Anonymised accounts disabled more than 12 months ago: 1"), "{text}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM sessions").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM accounts WHERE display_name = 'Kari Leaver' OR username = 'kari.leaver'").await, 0);
    let again = stdout(&samverk(&app.url, &["retention"]));
    assert!(again.contains("Deleted expired sessions: 0"), "the job is safe to run daily: {again}");
}
