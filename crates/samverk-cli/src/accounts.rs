//! `samverk account …`: the first administrator and other accounts from the shell, and the
//! demo's accounts (one per role, passwords generated and printed, never stored in the code).

use std::io::{BufRead, Write};

use anyhow::{Context, bail};
use clap::Subcommand;
use samverk_domain::access::AccessRole;
use samverk_store::Store;
use samverk_store::account::{Scope, random_token};

#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Create an account. Without --password-stdin it gets a one-time link to choose a password.
    Create {
        #[arg(long)]
        username: String,
        /// The name shown in samverk.
        #[arg(long)]
        name: String,
        /// administrator, editor, representative or reader.
        #[arg(long, default_value = "reader")]
        role: String,
        /// The authority (organisation id) the role holds at; every authority when absent.
        #[arg(long)]
        authority: Option<i64>,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// List the accounts with their roles.
    List,
    /// Print a one-time link to choose a new password.
    Reset {
        #[arg(long)]
        username: String,
    },
    /// Disable an account: its sessions end and its API tokens stop working.
    Disable {
        #[arg(long)]
        username: String,
    },
    /// Issue an API token for an account and print it (shown once).
    Token {
        #[arg(long)]
        username: String,
        /// read or write.
        #[arg(long, default_value = "read")]
        scope: String,
        #[arg(long, default_value = "cli")]
        name: String,
    },
}

async fn id_of(store: &Store, username: &str) -> anyhow::Result<i64> {
    store.account_id(username).await?.with_context(|| format!("no account named {username}"))
}

pub async fn run(store: &Store, command: AccountCommand, out: &mut impl Write) -> anyhow::Result<()> {
    match command {
        AccountCommand::Create { username, name, role, authority, password_stdin } => {
            let Some(role) = AccessRole::from_code(&role) else {
                bail!("unknown role {role} (administrator, editor, representative, reader)")
            };
            let password = if password_stdin {
                let mut line = String::new();
                std::io::stdin().lock().read_line(&mut line)?;
                Some(line.trim_end_matches(['\r', '\n']).to_owned())
            } else {
                None
            };
            let id = store.create_account(&username, &name, password.as_deref()).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            store.grant_role(id, authority, role).await?;
            writeln!(out, "Created the account {} ({}).", username.trim().to_lowercase(), role.code())?;
            if password.is_none() {
                let token = store.create_password_reset(id, None).await?;
                writeln!(out, "Choose its password within 24 hours at: /password-reset/{token}")?;
            }
        }
        AccountCommand::List => {
            for account in store.accounts().await? {
                let roles: Vec<String> = account
                    .grants
                    .iter()
                    .map(|g| format!("{} at {}", g.role.code(), g.authority_name.clone().unwrap_or_else(|| "every authority".to_owned())))
                    .collect();
                let state = if account.row.disabled { " (disabled)" } else { "" };
                writeln!(out, "{}\t{}\t{}{state}", account.row.username, account.row.display_name, roles.join(", "))?;
            }
        }
        AccountCommand::Reset { username } => {
            let token = store.create_password_reset(id_of(store, &username).await?, None).await?;
            writeln!(out, "/password-reset/{token}")?;
        }
        AccountCommand::Disable { username } => {
            store.set_disabled(id_of(store, &username).await?, true).await?;
            writeln!(out, "Disabled {username}.")?;
        }
        AccountCommand::Token { username, scope, name } => {
            let Some(scope) = Scope::from_code(&scope) else { bail!("unknown scope {scope} (read, write)") };
            let token = store.create_api_token(id_of(store, &username).await?, &name, scope).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            writeln!(out, "{token}")?;
        }
    }
    Ok(())
}

/// Creates the demo's accounts, one per role, with fresh random passwords, and prints them: they
/// exist only in this output. The administrator administers the whole installation (accounts,
/// personal data); the others hold their role at the demo authority only.
pub async fn demo_accounts(store: &Store, out: &mut impl Write) -> anyhow::Result<()> {
    // The demo's own authority: the one that owns the most engagements.
    let authority = store.authorities_overview().await?.into_iter().max_by_key(|a| a.engagements).map(|a| a.id);
    writeln!(out, "Demo accounts (the passwords are shown only now):")?;
    for role in AccessRole::ALL.iter().rev() {
        let username = format!("demo-{}", role.code());
        if store.account_id(&username).await?.is_some() {
            continue;
        }
        let password = random_token()?[..20].to_owned();
        let id =
            store.create_account(&username, &format!("Demo {}", role.code()), Some(&password)).await.map_err(|e| anyhow::anyhow!("{e}"))?;
        let at = if *role == AccessRole::Administrator { None } else { authority };
        store.grant_role(id, at, *role).await?;
        writeln!(out, "  {:<14}  {username:<20}  {password}", role.code())?;
    }
    Ok(())
}
