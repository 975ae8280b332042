//! Files attached to an answer to a call for input: how many, how large, and which kinds. A
//! kind is accepted when the name's extension and the file's first bytes agree, so a renamed
//! program is refused whatever its name says.

use crate::error::Problem;

/// The most one file may hold, in megabytes (shown to people) and bytes.
pub const MAX_MB: u64 = 5;
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// The most files one answer may carry.
pub const MAX_FILES: usize = 3;
/// The kinds accepted, as the form and the error name them.
pub const ALLOWED: &str = "PDF, Word (.docx), OpenDocument (.odt), PNG, JPEG, text (.txt)";
/// The longest file name kept (longer names are cut, keeping the extension's meaning intact
/// is not needed: the stored content type is what downloads use).
const NAME_MAX: usize = 150;

/// (extension, content type, how such a file begins).
const KINDS: &[(&str, &str, &[u8])] = &[
    ("pdf", "application/pdf", b"%PDF-"),
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK\x03\x04"),
    ("odt", "application/vnd.oasis.opendocument.text", b"PK\x03\x04"),
    ("png", "image/png", b"\x89PNG\r\n\x1a\n"),
    ("jpg", "image/jpeg", b"\xff\xd8\xff"),
    ("jpeg", "image/jpeg", b"\xff\xd8\xff"),
    ("txt", "text/plain; charset=utf-8", b""),
];

/// A file as sent: its name and (up to one byte past the limit of) its content.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttachmentDraft {
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// The sender's file was larger than what was kept in `bytes`.
    pub truncated: bool,
}

/// A file that may be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAttachment {
    pub file_name: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

/// The last part of a path (some browsers send the whole path), without control characters,
/// at most [`NAME_MAX`] characters; "attachment" when nothing is left.
#[must_use]
pub fn clean_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last.chars().filter(|c| !c.is_control() && *c != '"').take(NAME_MAX).collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() { "attachment".to_owned() } else { cleaned.to_owned() }
}

fn kind_of(file: &AttachmentDraft) -> Option<&'static str> {
    let extension = file.file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
    let (_, content_type, magic) = KINDS.iter().find(|(e, _, _)| *e == extension)?;
    let text_ok = !magic.is_empty() || (std::str::from_utf8(&file.bytes).is_ok() && !file.bytes.contains(&0));
    (file.bytes.starts_with(magic) && text_ok).then_some(*content_type)
}

/// Checks the files of one answer. Files with neither a name nor content (a file field left
/// empty) are ignored.
///
/// # Errors
/// `TooManyFiles`, `FileTooLarge` or `FileType`, for the first file at fault.
pub fn check(files: Vec<AttachmentDraft>) -> Result<Vec<NewAttachment>, Problem> {
    let files: Vec<AttachmentDraft> = files.into_iter().filter(|f| !(f.file_name.trim().is_empty() && f.bytes.is_empty())).collect();
    if files.len() > MAX_FILES {
        return Err(Problem::TooManyFiles { max: MAX_FILES });
    }
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        if file.truncated || file.bytes.len() > MAX_BYTES {
            return Err(Problem::FileTooLarge { name: clean_name(&file.file_name), max_mb: MAX_MB });
        }
        let file_name = clean_name(&file.file_name);
        let Some(content_type) = kind_of(&AttachmentDraft { file_name: file_name.clone(), ..file.clone() }) else {
            return Err(Problem::FileType { name: file_name, allowed: ALLOWED.to_owned() });
        };
        out.push(NewAttachment { file_name, content_type, bytes: file.bytes });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, bytes: &[u8]) -> AttachmentDraft {
        AttachmentDraft { file_name: name.to_owned(), bytes: bytes.to_vec(), truncated: false }
    }

    #[test]
    fn accepted_kinds_need_a_matching_name_and_content() {
        let ok = check(vec![file("Innspill.PDF", b"%PDF-1.7 ..."), file("notat.txt", "Hei på deg".as_bytes())]).unwrap();
        assert_eq!(ok[0].content_type, "application/pdf");
        assert_eq!(ok[1].content_type, "text/plain; charset=utf-8");
        assert!(matches!(check(vec![file("virus.pdf", b"MZ\x90\0")]), Err(Problem::FileType { .. })));
        assert!(matches!(check(vec![file("program.exe", b"MZ\x90\0")]), Err(Problem::FileType { .. })));
        assert!(matches!(check(vec![file("binary.txt", b"a\0b")]), Err(Problem::FileType { .. })));
        assert!(matches!(check(vec![file("noextension", b"%PDF-")]), Err(Problem::FileType { .. })));
    }

    #[test]
    fn size_and_count_are_limited_and_empty_fields_ignored() {
        let big = AttachmentDraft { file_name: "stor.pdf".into(), bytes: b"%PDF-".to_vec(), truncated: true };
        assert_eq!(check(vec![big]), Err(Problem::FileTooLarge { name: "stor.pdf".into(), max_mb: MAX_MB }));
        let four = vec![file("a.txt", b"a"), file("b.txt", b"b"), file("c.txt", b"c"), file("d.txt", b"d")];
        assert_eq!(check(four), Err(Problem::TooManyFiles { max: MAX_FILES }));
        assert_eq!(check(vec![file("", b"")]), Ok(Vec::new()));
    }

    #[test]
    fn names_lose_paths_and_control_characters() {
        assert_eq!(clean_name("C:\\Users\\kari\\Innspill.pdf"), "Innspill.pdf");
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name("a\"b\r\n.txt"), "ab.txt");
        assert_eq!(clean_name("  "), "attachment");
    }
}
