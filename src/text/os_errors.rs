//! What the operating system says went wrong (`Permission denied (os error 13)`), in the
//! language in use. The system's own words come in English whatever the locale, since dealboard
//! never switches the C library's locale; the common ones are said again from the catalogue.

catalogue! {
/// The operating system's common errors, by what they mean.
pub struct OsErrors {
    pub not_permitted: &'static str,
    pub not_found: &'static str,
    pub input_output: &'static str,
    pub access_denied: &'static str,
    pub busy: &'static str,
    pub exists: &'static str,
    pub not_a_folder: &'static str,
    pub is_a_folder: &'static str,
    pub too_many_open: &'static str,
    pub disk_full: &'static str,
    pub read_only_disk: &'static str,
    pub too_many_links: &'static str,
    pub name_too_long: &'static str,
    pub quota: &'static str,
}
}

impl OsErrors {
    /// The words for an error number of Linux and the BSDs, where they agree.
    fn words(&self, code: i32) -> Option<&'static str> {
        Some(match code {
            1 => self.not_permitted,
            2 => self.not_found,
            5 => self.input_output,
            13 => self.access_denied,
            16 => self.busy,
            17 => self.exists,
            20 => self.not_a_folder,
            21 => self.is_a_folder,
            24 => self.too_many_open,
            28 => self.disk_full,
            30 => self.read_only_disk,
            40 | 62 => self.too_many_links,
            36 | 63 => self.name_too_long,
            122 | 69 => self.quota,
            _ => return None,
        })
    }
}

/// `text` with every system error in it (`No space left on device (os error 28)`) said in the
/// language in use (`нет места на диске (ошибка системы 28)`); unchanged in English.
pub fn localize(text: &str) -> String {
    const MARK: &str = "(os error ";
    let words = &super::t().os_errors;
    if std::ptr::eq(words, &super::Language::English.text().os_errors) || !text.contains(MARK) {
        return text.to_string();
    }
    let mut out = text.to_string();
    let mut rest = text;
    while let Some(at) = rest.find(MARK) {
        let after = &rest[at + MARK.len()..];
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        rest = &after[digits.len()..];
        let Ok(code) = digits.parse::<i32>() else {
            continue;
        };
        let Some(said) = words.words(code) else {
            continue;
        };
        let english = std::io::Error::from_raw_os_error(code).to_string();
        let localized = super::fill(words_template(), &[("words", &said), ("code", &code)]);
        out = out.replace(&english, &localized);
    }
    out
}

fn words_template() -> &'static str {
    super::t().errors.os_error
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
