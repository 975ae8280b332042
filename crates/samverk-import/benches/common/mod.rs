//! What the import and discovery benches share: where the data sets are and how to import
//! them all.

#![allow(dead_code, reason = "each bench uses part of it")]

use std::path::{Path, PathBuf};
use std::time::Instant;

use samverk_import::dataset::{self, Dataset, Options, Summary};
use samverk_store::Store;

/// `../shared/data/` beside the repository.
pub fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

/// Every data set's file, in the order a fresh installation would import them.
pub const FILES: &[(Dataset, &str)] = &[
    (Dataset::NfrH2020Norway, "nfr-h2020-norway/dataset.csv"),
    (Dataset::InterregSePartners, "interreg-se-partners/swedish_partners_interreg_2021_2027.csv"),
    (Dataset::TwinTownsWikipedia, "twin-towns-wikipedia/twin_cities_raw.csv"),
    (Dataset::CovenantOfMayors, "covenant-of-mayors/signatories_2024.csv"),
    (Dataset::MembershipOrgs, "membership-orgs/cpmr_commission_members_TRANSCRIBED.csv"),
];

pub const OPTIONS: Options = Options { dry_run: false, skip_bad_rows: true, today: time::macros::date!(2026 - 11 - 23) };

/// Imports every data set into `store`, returning each summary with its time in seconds.
///
/// # Panics
/// When a file is missing or refused (a benchmark stops on a failed set-up).
pub async fn import_all(store: &Store, root: &Path) -> Vec<(Summary, f64)> {
    let mut out = Vec::new();
    for (set, file) in FILES {
        let bytes = std::fs::read(root.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let t = Instant::now();
        let s = dataset::import(store, *set, file, &bytes, &OPTIONS).await.unwrap_or_else(|e| panic!("{e}"));
        out.push((s, t.elapsed().as_secs_f64()));
    }
    out
}
