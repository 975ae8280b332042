//! The corpus of broken files: each is refused before anything is written, with an error that
//! names the file, the row, the column and what was expected.

use samverk_import::dataset::{self, Dataset, Options};
use time::macros::date;

const OPTIONS: Options = Options { dry_run: true, skip_bad_rows: false, today: date!(2026 - 11 - 23) };

fn error_of(file: &str) -> String {
    let dataset = match file.split('-').next() {
        Some("nfr") => Dataset::NfrH2020Norway,
        Some("interreg") => Dataset::InterregSePartners,
        Some("covenant") => Dataset::CovenantOfMayors,
        Some("membership") => Dataset::MembershipOrgs,
        _ => Dataset::TwinTownsWikipedia,
    };
    let path = format!("{}/tests/broken/{file}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    match dataset::plan(dataset, file, &bytes, &OPTIONS) {
        Ok(_) => format!("{file}: accepted"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn every_broken_file_is_refused_with_its_exact_error() {
    let mut files: Vec<String> = std::fs::read_dir(format!("{}/tests/broken", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    files.sort();
    let actual: Vec<String> = files.iter().map(|f| error_of(f)).collect();
    assert!(files.len() >= 30);
    assert_eq!(actual.len(), EXPECTED.len(), "one expected error per file");
    for (a, e) in actual.iter().zip(EXPECTED) {
        assert_eq!(a, e);
    }
}

const EXPECTED: &[&str] = &[
    "covenant-39-semicolon-delimited.csv, row 1, column «organisation_id»: expected columns separated by «,», found «;» as the separator",
    "covenant-40-country-name-not-code.csv, row 3, column «country_code»: expected a two-letter ISO country code such as se or no, found «Sweden»",
    "covenant-41-unknown-status.csv, row 5, column «signatory_status»: expected published or on_hold, found «active»",
    "covenant-42-dotted-date.csv, row 4, column «date_of_adhesion»: expected a date yyyy-mm-dd, found «26.10.2009»",
    "covenant-43-missing-name.csv, row 6, column «organisation_name»: expected the signatory's name, found «-»",
    "covenant-44-twin-towns-file.csv, row 1, column «organisation_id»: expected a file of covenant-of-mayors, found the header of twin-towns-wikipedia",
    "covenant-45-group-flag-not-boolean.csv, row 2, column «group_profile»: expected True or False, found «yes»",
    "interreg-22-semicolon-delimited.csv, row 1, column «program»: expected columns separated by «,», found «;» as the separator",
    "interreg-23-missing-nuts3.csv, row 1, column «nuts3»: expected a column named «nuts3», found no such column among the 19 in the header",
    "interreg-24-unknown-role.csv, row 3, column «organisationsroll»: expected LP, PP or AP, found «XX»",
    "interreg-25-dotted-date.csv, row 4, column «startdatum»: expected a date yyyy-mm-dd, found «01.01.2023»",
    "interreg-26-budget-with-currency.csv, row 2, column «partnerbudget»: expected an amount in euros such as 149355, found «149 355 kr»",
    "interreg-27-active-in-english.csv, row 5, column «aktiv»: expected Ja or Nej, found «Yes»",
    "interreg-28-short-row.csv, row 3, column «projektnamn»: expected 20 fields like the header, found 5 fields",
    "interreg-29-windows-1252.csv, row 1, column «projektår»: expected UTF-8 text, found the byte 0xE5 (is the file Latin-1 or Windows-1252?)",
    "interreg-30-nfr-file.csv, row 1, column «program»: expected a file of interreg-se-partners, found the header of nfr-h2020-norway",
    "interreg-31-empty-project.csv, row 6, column «projektnamn»: expected a value, found an empty cell",
    "membership-46-missing-url-column.csv, row 1, column «source_url»: expected a column named «source_url», found no such column among the 5 in the header",
    "membership-47-region-as-country.csv, row 4, column «country»: expected a country name such as Norway or Sweden, found «Nordland»",
    "membership-48-empty-region.csv, row 3, column «member_region»: expected a value, found an empty cell",
    "membership-49-source-not-a-web-address.csv, row 5, column «source_url»: expected the web address the row was transcribed from (https://…), found «Wikipedia»",
    "membership-50-latin1.csv, row 2, column «member_region»: expected UTF-8 text, found the byte 0xF8 (is the file Latin-1 or Windows-1252?)",
    "nfr-01-comma-delimited.csv, row 1, column «Prosjektnr»: expected columns separated by «;», found «,» as the separator",
    "nfr-02-latin1.csv, row 1, column «Programområde kode (H2020)»: expected UTF-8 text, found the byte 0xE5 (is the file Latin-1 or Windows-1252?)",
    "nfr-03-missing-role-column.csv, row 1, column «Organisasjon rolle»: expected a column named «Organisasjon rolle», found no such column among the 43 in the header",
    "nfr-04-renamed-project-column.csv, row 1, column «Prosjektnr»: expected a column named «Prosjektnr», found a column named «Prosjekt nr»",
    "nfr-05-short-row.csv, row 4, column «Kontrakt signeringsdato»: expected 44 fields like the header, found 20 fields",
    "nfr-06-long-row.csv, row 5, column «Innvilget beløp organisasjon EUR»: expected 44 fields like the header, found 45 fields",
    "nfr-07-iso-date.csv, row 3, column «Kontrakt startdato»: expected a date dd.mm.yyyy hh:mm, found «2020-06-01 00:00»",
    "nfr-08-impossible-date.csv, row 4, column «Kontrakt sluttdato»: expected a date dd.mm.yyyy hh:mm, found «31.02.2024 00:00»",
    "nfr-09-comma-amount.csv, row 2, column «Innvilget beløp organisasjon EUR»: expected an amount in euros such as 3518202.75, found «3 518 202,75»",
    "nfr-10-negative-amount.csv, row 5, column «Innvilget beløp organisasjon EUR»: expected an amount in euros such as 3518202.75, found «-50000»",
    "nfr-11-empty.csv, row 1, column «Prosjektnr»: expected a header row with the columns of nfr-h2020-norway, found an empty file",
    "nfr-12-blank-lines.csv, row 1, column «Prosjektnr»: expected a header row with the columns of nfr-h2020-norway, found an empty file",
    "nfr-13-twin-towns-file.csv, row 1, column «Prosjektnr»: expected a file of nfr-h2020-norway, found the header of twin-towns-wikipedia",
    "nfr-14-interreg-file.csv, row 1, column «Prosjektnr»: expected a file of nfr-h2020-norway, found the header of interreg-se-partners",
    "nfr-15-bad-org-number.csv, row 3, column «Organisasjonsnummer»: expected a nine-digit organisation number with a valid check digit, found «919303809»",
    "nfr-16-unknown-role.csv, row 6, column «Organisasjon rolle»: expected COORDINATOR or PARTICIPANT, found «LEADER»",
    "nfr-17-project-number-text.csv, row 2, column «Prosjektnr»: expected a CORDIS project number (digits), found «H2020-951956»",
    "nfr-18-end-before-start.csv, row 4, column «Kontrakt sluttdato»: expected an end date on or after the start date, found «01.01.2019 00:00»",
    "nfr-19-empty-organisation.csv, row 5, column «Organisasjonsnavn»: expected a value, found an empty cell",
    "nfr-20-xlsx-workbook.xlsx, row 1, column «Prosjektnr»: expected a text file separated by «;», found an XLSX/ZIP workbook",
    "nfr-21-truncated-xlsx.xlsx, row 1, column «Prosjektnr»: expected a text file separated by «;», found an XLSX/ZIP workbook",
    "twin-32-unknown-country.csv, row 4, column «country2»: expected a country name such as Norway or United States, found «Atlantis»",
    "twin-33-empty-city.csv, row 3, column «city1»: expected a value, found an empty cell",
    "twin-34-short-row.csv, row 4, column «country2»: expected 4 fields like the header, found 3 fields",
    "twin-35-tab-separated.csv, row 1, column «city1»: expected columns separated by «,», found a tab as the separator",
    "twin-36-latin1.csv, row 2, column «city1»: expected UTF-8 text, found the byte 0xC5 (is the file Latin-1 or Windows-1252?)",
    "twin-37-nfr-file.csv, row 1, column «city1»: expected a file of twin-towns-wikipedia, found the header of nfr-h2020-norway",
    "twin-38-header-only-renamed.csv, row 1, column «city1»: expected a column named «city1», found no such column among the 4 in the header",
];
