//! Names people type (owners, lead sources, stages) match whatever their case, in any script
//! ("Анна" is "анна"), and whatever spaces surround them.

/// True when `a` and `b` name the same thing.
pub fn same_name(a: &str, b: &str) -> bool {
    fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
        s.trim().chars().flat_map(char::to_lowercase)
    }
    folded(a).eq(folded(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_spaces_do_not_matter_in_any_script() {
        assert!(same_name("Анна", "анна"));
        assert!(same_name(" anna ", "ANNA"));
        assert!(same_name("Ärger", "ärger"));
        assert!(!same_name("anna", "annа"), "the last letter is Cyrillic");
        assert!(!same_name("anna", "ann"));
    }
}
