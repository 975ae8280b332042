//! samverk's readers: files turned into domain inputs and written through the store.
//!
//! The SDG reference and the demo data are shipped inside the binary, so a fresh installation
//! needs no files beside it.

pub mod dataset;
pub mod demo;
mod demo_euproj;
pub mod demo_followup;
pub mod demo_news;
pub mod registry;
pub mod sdg;
pub mod table;

/// An error while reading a file, naming the file, the line and the field.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file}, line {line}: {message}")]
    Parse { file: String, line: u64, message: String },
    #[error("{file}: {what} «{key}» {problem}")]
    Invalid { file: String, what: &'static str, key: String, problem: String },
    #[error(transparent)]
    Bad(#[from] table::BadInput),
    #[error(transparent)]
    Store(#[from] samverk_store::StoreError),
}
