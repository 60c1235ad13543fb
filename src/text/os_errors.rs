//! What the operating system says went wrong (`Permission denied (os error 13)`), in the
//! language in use. The system's own words come in English whatever the locale, since dealboard
//! never switches the C library's locale; the common ones are said again from the catalogue.

use std::io::ErrorKind;

catalogue! {
/// The operating system's common errors, by what they mean.
pub struct OsErrors {
    pub not_found: &'static str,
    pub access_denied: &'static str,
    pub exists: &'static str,
    pub not_a_folder: &'static str,
    pub is_a_folder: &'static str,
    pub disk_full: &'static str,
    pub read_only_disk: &'static str,
    pub quota: &'static str,
    pub busy: &'static str,
    pub name_too_long: &'static str,
}
}

impl OsErrors {
    /// The words for what an error means, as Rust reads the system's error number (the
    /// numbers differ between systems; the kinds do not).
    fn words(&self, kind: ErrorKind) -> Option<&'static str> {
        Some(match kind {
            ErrorKind::NotFound => self.not_found,
            ErrorKind::PermissionDenied => self.access_denied,
            ErrorKind::AlreadyExists => self.exists,
            ErrorKind::NotADirectory => self.not_a_folder,
            ErrorKind::IsADirectory => self.is_a_folder,
            ErrorKind::StorageFull => self.disk_full,
            ErrorKind::ReadOnlyFilesystem => self.read_only_disk,
            ErrorKind::QuotaExceeded => self.quota,
            ErrorKind::ResourceBusy => self.busy,
            ErrorKind::InvalidFilename => self.name_too_long,
            _ => return None,
        })
    }
}

/// Error numbers looked for: wide enough for every system's common ones.
const CODES: std::ops::RangeInclusive<i32> = 1..=200;

/// `text` with every system error in it (`No space left on device (os error 28)`, or the words
/// alone) said in the language in use (`нет места на диске (ошибка системы 28)`); unchanged in
/// English.
pub fn localize(text: &str) -> String {
    let words = &super::t().os_errors;
    if std::ptr::eq(words, &super::Language::English.text().os_errors) {
        return text.to_string();
    }
    let mut out = text.to_string();
    for code in CODES {
        let error = std::io::Error::from_raw_os_error(code);
        let Some(said) = words.words(error.kind()) else {
            continue;
        };
        let full = error.to_string();
        let suffix = format!(" (os error {code})");
        let Some(bare) = full.strip_suffix(&suffix) else {
            continue;
        };
        if out.contains(bare) {
            let localized = super::fill(
                super::t().errors.os_error,
                &[("words", &said), ("code", &code)],
            );
            out = out.replace(&full, &localized).replace(bare, said);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{Language, speaking};
    use super::localize;

    #[test]
    fn the_systems_words_are_said_in_the_language_in_use() {
        let full = std::io::Error::from_raw_os_error(28).to_string();
        let message = format!("could not save /b.ron: {full}");
        speaking(Language::English, || {
            assert_eq!(localize(&message), message)
        });
        speaking(Language::Russian, || {
            let said = localize(&message);
            assert!(
                said.ends_with("нет места на диске (ошибка системы 28)"),
                "{said}"
            );
            // The words alone, as the store reports them, are said too.
            let denied = std::io::Error::from_raw_os_error(13).to_string();
            let bare = denied.split(" (os error").next().unwrap_or_default();
            assert_eq!(
                localize(&format!("cannot lock /b.ron: {bare}")),
                "cannot lock /b.ron: нет доступа"
            );
            // An error the catalogue does not know keeps the system's words.
            let odd = std::io::Error::from_raw_os_error(71).to_string();
            assert_eq!(localize(&odd), odd);
            assert_eq!(
                localize("(os error 99999999999999)"),
                "(os error 99999999999999)"
            );
        });
    }
}
