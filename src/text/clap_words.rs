//! The words clap writes itself in help and usage errors ("Usage:", "unexpected argument"),
//! which dealboard replaces with the language's. English holds clap's own words, so each field
//! of the English catalogue is what is looked for and the same field of the language in use is
//! what replaces it.

catalogue! {
pub struct ClapWords {
    pub usage: &'static str,
    pub options: &'static str,
    pub commands: &'static str,
    pub arguments: &'static str,
    pub print_help: &'static str,
    pub print_version: &'static str,
    pub help_subcommand: &'static str,
    pub options_mark: &'static str,
    pub command_mark: &'static str,
    pub command_needed_mark: &'static str,
    pub default: &'static str,
    pub possible_values: &'static str,
    pub subcommands_list: &'static str,
    pub error: &'static str,
    pub unexpected_argument: &'static str,
    pub unexpected_value: &'static str,
    pub unrecognized_subcommand: &'static str,
    pub invalid_value: &'static str,
    pub value_for: &'static str,
    pub found: &'static str,
    pub no_more_expected: &'static str,
    pub required_missing: &'static str,
    pub value_required: &'static str,
    pub none_supplied: &'static str,
    pub the_argument: &'static str,
    pub used_twice: &'static str,
    pub used_with: &'static str,
    pub other_arguments: &'static str,
    pub needs_subcommand: &'static str,
    pub tip: &'static str,
    pub similar_argument: &'static str,
    pub similar_arguments: &'static str,
    pub similar_subcommand: &'static str,
    pub similar_subcommands: &'static str,
    pub similar_value: &'static str,
    pub similar_values: &'static str,
    pub to_pass: &'static str,
    pub as_a_value: &'static str,
    pub more_information: &'static str,
    pub possible_values_heading: &'static str,
    pub see_more: &'static str,
    pub see_summary: &'static str,
    /// The names of values in help (`<PATH>`), as `PATH→ПУТЬ`; none in English. See [`value_name`].
    pub value_names: &'static [&'static str],
}
}

impl ClapWords {
    fn phrases(&self) -> [&'static str; 42] {
        [
            self.see_more,
            self.see_summary,
            self.possible_values_heading,
            self.help_subcommand,
            self.required_missing,
            self.other_arguments,
            self.needs_subcommand,
            self.more_information,
            self.similar_subcommands,
            self.similar_subcommand,
            self.similar_arguments,
            self.similar_argument,
            self.similar_values,
            self.similar_value,
            self.unrecognized_subcommand,
            self.unexpected_argument,
            self.unexpected_value,
            self.invalid_value,
            self.value_required,
            self.none_supplied,
            self.no_more_expected,
            self.used_twice,
            self.used_with,
            self.as_a_value,
            self.possible_values,
            self.subcommands_list,
            self.the_argument,
            self.print_version,
            self.print_help,
            self.to_pass,
            self.default,
            self.usage,
            self.options,
            self.commands,
            self.arguments,
            self.options_mark,
            self.command_mark,
            self.command_needed_mark,
            self.error,
            self.tip,
            self.value_for,
            self.found,
        ]
    }
}

/// `text` as clap wrote it, in the language in use.
pub fn translate(text: &str) -> String {
    let (english, words) = (&super::Language::English.text().clap, &super::t().clap);
    if std::ptr::eq(english, words) {
        return text.to_string();
    }
    let mut out = text.to_string();
    for (from, to) in english.phrases().into_iter().zip(words.phrases()) {
        out = out.replace(from, to);
    }
    out
}

/// The name of a value in help (`PATH`) in the language in use (`ПУТЬ`). Names are replaced
/// before clap lays out the help, so its columns stay aligned.
pub fn value_name(name: &str) -> Option<&'static str> {
    super::t()
        .clap
        .value_names
        .iter()
        .filter_map(|pair| pair.split_once('→'))
        .find(|(from, _)| *from == name)
        .map(|(_, to)| to)
}
