//! Configuration: flag > environment (both through clap) > `samverk.toml` > default.

use std::path::Path;

use anyhow::Context;
use serde::Deserialize;

pub const DEFAULT_DATABASE: &str = "sqlite://samverk.db";
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";

/// The optional configuration file; unknown keys are refused so a typo is not silently ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub database: Option<String>,
    pub bind: Option<String>,
}

impl FileConfig {
    /// Reads the named file, or `samverk.toml` in the working folder when it exists.
    pub fn load(path: Option<&Path>) -> anyhow::Result<Self> {
        let (path, required) = match path {
            Some(p) => (p.to_path_buf(), true),
            None => (Path::new("samverk.toml").to_path_buf(), false),
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str(&text).with_context(|| format!("{}: invalid configuration", path.display())),
            Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
        }
    }
}

/// The resolved configuration.
pub struct Config {
    pub database: String,
    pub bind: String,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config").field("database", &self.redacted_database()).field("bind", &self.bind).finish()
    }
}

impl Config {
    pub fn resolve(database: Option<String>, bind: Option<String>, file: FileConfig) -> Self {
        Self {
            database: database.or(file.database).unwrap_or_else(|| DEFAULT_DATABASE.to_owned()),
            bind: bind.or(file.bind).unwrap_or_else(|| DEFAULT_BIND.to_owned()),
        }
    }

    /// The database URL without its password, for logs and messages.
    pub fn redacted_database(&self) -> String {
        samverk_store::redact(&self.database)
    }
}
