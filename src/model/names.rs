//! Names people type (owners, lead sources, stages) match whatever their case, in any script
//! ("Анна" is "анна"), and whatever spaces surround them.

/// True when `a` and `b` name the same thing.
pub fn same_name(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b) = (a.trim(), b.trim());
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
        s.trim().chars().flat_map(char::to_lowercase)
    }
    folded(a).eq(folded(b))
}

/// Where `items` hold a name that is the same as `name` ([`same_name`]): one spelled exactly
/// alike is looked for first, which is quick and nearly always there.
pub fn position_of_name<T>(items: &[T], name: &str, name_of: impl Fn(&T) -> &str) -> Option<usize> {
    items
        .iter()
        .position(|item| name_of(item) == name)
        .or_else(|| items.iter().position(|item| same_name(name_of(item), name)))
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
