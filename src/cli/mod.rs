//! The command line: every subcommand is a thin call into model, store, report and interchange.
//! Exit codes: 0 done, 1 failed (bad file, unknown id or stage, a refused change), 2 usage.

mod agenda;
mod backups;
mod board_commands;
mod change;
mod comparison;
mod customers;
mod deal_args;
mod deals;
mod exchange;
mod list;
mod merge;
mod plan;
mod process;
mod rates;
mod review;
mod show;
mod stats;
mod stats_people;
mod table;
mod team;
mod team_process;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::clock::{Clock, SystemClock};
use crate::model::{Board, DealId, EditError, StageId};
use crate::text::{Language, Quoted, fill, quote, safe_message, t, terminal_safe};
use crate::tui::Ending;

pub use board_commands::InitArgs;
pub use change::new_board;
pub use deal_args::DealArgs;
pub use exchange::{ExportArgs, ImportArgs};
pub use list::{Format, ListArgs};
pub use rates::RatesArgs;
pub use review::ReviewArgs;
pub use stats::StatsArgs;

#[derive(Parser, Debug)]
#[command(name = "dealboard", version, about = t().cli.about)]
pub struct Cli {
    #[arg(long, global = true, value_name = "PATH", help = t().cli.board_flag)]
    pub board: Option<PathBuf>,
    /// Chosen before parsing (see [`choose_language`]); here so clap accepts and lists it.
    #[arg(long, global = true, value_name = "LANG", value_parser = language_codes(), help = t().cli.lang_flag)]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    #[command(about = t().cli.add)]
    Add(Box<AddArgs>),
    #[command(about = t().cli.list)]
    List(ListArgs),
    #[command(about = t().cli.show)]
    Show {
        #[arg(help = t().cli.arg_id, value_parser = deal_id)]
        id: u64,
        #[arg(long, value_enum, default_value_t, help = t().cli.arg_format)]
        format: Format,
    },
    #[command(about = t().cli.edit)]
    Edit(Box<EditArgs>),
    #[command(name = "move", about = t().cli.move_cmd)]
    Move {
        #[arg(help = t().cli.arg_id, value_parser = deal_id)]
        id: u64,
        #[arg(help = t().cli.arg_stage_target)]
        stage: String,
    },
    #[command(about = t().cli.won)]
    Won {
        #[arg(help = t().cli.arg_id, value_parser = deal_id)]
        id: u64,
    },
    #[command(about = t().cli.lost)]
    Lost {
        #[arg(help = t().cli.arg_id, value_parser = deal_id)]
        id: u64,
        #[arg(long, value_name = "TEXT", help = t().cli.arg_reason)]
        reason: String,
    },
    #[command(about = t().cli.reopen)]
    Reopen {
        #[arg(help = t().cli.arg_id, value_parser = deal_id)]
        id: u64,
    },
    #[command(about = t().cli.delete)]
    Delete {
        #[arg(help = t().cli.arg_id, value_parser = deal_id)]
        id: u64,
    },
    #[command(about = t().day.agenda_about)]
    Agenda(agenda::AgendaArgs),
    #[command(about = t().day.plan_about)]
    Plan(plan::PlanArgs),
    #[command(about = t().day.note_about)]
    Note {
        #[arg(help = t().cli.arg_id, value_parser = deal_id)]
        id: u64,
        #[arg(value_name = "TEXT", help = t().day.arg_note_text)]
        text: String,
    },
    #[command(about = t().day.companies_about)]
    Companies {
        #[arg(long, value_enum, default_value_t, help = t().cli.arg_format)]
        format: Format,
    },
    #[command(about = t().day.company_about)]
    Company {
        #[arg(value_name = "NAME", help = t().day.arg_company_name)]
        name: String,
        #[command(flatten)]
        change: customers::RecordArgs,
    },
    #[command(about = t().day.contacts_about)]
    Contacts {
        #[arg(long, value_enum, default_value_t, help = t().cli.arg_format)]
        format: Format,
    },
    #[command(about = t().day.contact_about)]
    Contact {
        #[arg(value_name = "NAME", help = t().day.arg_contact_name)]
        name: String,
        #[arg(long, value_name = "NAME", help = t().day.arg_contact_company)]
        company: Option<String>,
        #[command(flatten)]
        change: customers::RecordArgs,
    },
    #[command(about = t().day.feedback_about)]
    Feedback(customers::FeedbackArgs),
    #[command(about = t().cli.stats)]
    Stats(StatsArgs),
    #[command(about = t().cli.review)]
    Review(ReviewArgs),
    #[command(about = t().rates.about)]
    Rates(RatesArgs),
    #[command(about = t().cli.merge)]
    Merge {
        #[arg(value_name = "BASE", help = t().cli.arg_merge_base)]
        base: PathBuf,
        #[arg(value_name = "OURS", help = t().cli.arg_merge_ours)]
        ours: PathBuf,
        #[arg(value_name = "THEIRS", help = t().cli.arg_merge_theirs)]
        theirs: PathBuf,
        #[arg(value_name = "PATH", help = t().cli.arg_merge_path)]
        path: Option<PathBuf>,
    },
    #[command(about = t().versions.process_about, subcommand)]
    Process(process::ProcessCommand),
    #[command(about = t().team.team_about, subcommand)]
    Team(team::TeamCommand),
    #[command(about = t().team.sync_about)]
    Sync(team::SyncArgs),
    #[command(about = t().team.backups_about)]
    Backups,
    #[command(about = t().team.restore_about)]
    Restore {
        #[arg(value_name = "N", help = t().team.arg_backup_number,
              value_parser = clap::value_parser!(u64).range(1..=crate::store::BACKUPS as u64))]
        n: u64,
    },
    #[command(about = t().cli.export)]
    Export(ExportArgs),
    #[command(about = t().cli.import)]
    Import(ImportArgs),
    #[command(about = t().cli.check)]
    Check,
    #[command(about = t().cli.path)]
    Path,
    #[command(about = t().cli.init)]
    Init(InitArgs),
    #[command(about = t().cli.completions)]
    Completions {
        #[arg(value_enum, help = t().cli.arg_shell)]
        shell: clap_complete::Shell,
    },
}

#[derive(clap::Args, Debug)]
pub struct AddArgs {
    #[arg(help = t().cli.arg_title)]
    pub title: String,
    #[arg(long, value_name = "NAME", help = t().cli.arg_stage_new)]
    pub stage: Option<String>,
    #[command(flatten)]
    pub fields: DealArgs,
}

/// `edit ID` and the fields to change (at least one: see [`Cli::check_usage`]).
#[derive(clap::Args, Debug)]
pub struct EditArgs {
    #[arg(help = t().cli.arg_id, value_parser = deal_id)]
    pub id: u64,
    #[arg(long, help = t().cli.arg_new_title)]
    pub title: Option<String>,
    #[command(flatten)]
    pub fields: DealArgs,
}

impl Cli {
    /// Usage mistakes clap cannot see: exits with status 2 and a hint, as clap does.
    pub fn check_usage(&self) {
        if let Some(Command::Edit(args)) = &self.command
            && args.title.is_none()
            && args.fields.is_empty()
        {
            let mut command = command();
            command.build();
            let edit = command.find_subcommand_mut("edit").map(|c| c.clone());
            let mut edit = edit.unwrap_or(command);
            let error = edit.error(
                clap::error::ErrorKind::MissingRequiredArgument,
                t().cli.edit_nothing,
            );
            std::process::exit(i32::from(usage_error(&error)));
        }
    }
}

/// The codes `--lang` takes: one per language dealboard speaks.
fn language_codes() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(Language::ALL.map(Language::code))
}

/// Chooses the language before anything is parsed or said, so that clap's help is in it too:
/// `--lang` anywhere before `--`, else `DEALBOARD_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG`. A
/// `--lang` clap does not accept is left for clap to refuse.
pub fn choose_language(args: &[std::ffi::OsString]) {
    let mut asked = None;
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word == "--lang" {
            asked = words.next().map(|w| w.into_owned());
        } else if let Some(value) = word.strip_prefix("--lang=") {
            asked = Some(value.to_string());
        }
    }
    let language = asked
        .and_then(|code| Language::ALL.into_iter().find(|l| l.code() == code))
        .unwrap_or_else(|| Language::from_environment(|name| std::env::var(name).ok()));
    crate::text::choose(language);
}

/// The command line as clap reads it, with the names of values (`<PATH>`) in the language in
/// use.
pub fn command() -> clap::Command {
    fn localize(command: clap::Command) -> clap::Command {
        command
            .mut_args(|arg| {
                let names: Vec<clap::builder::Str> = arg
                    .get_value_names()
                    .unwrap_or_default()
                    .iter()
                    .map(|n| crate::text::clap_words::value_name(n).map_or(n.clone(), Into::into))
                    .collect();
                if names.is_empty() {
                    arg
                } else {
                    arg.value_names(names)
                }
            })
            .mut_subcommands(localize)
    }
    localize(<Cli as clap::CommandFactory>::command())
}

/// Reads the command line (`words`, the program's name first).
pub fn parse(words: &[std::ffi::OsString]) -> Result<Cli, clap::Error> {
    let matches = command().try_get_matches_from(words)?;
    <Cli as clap::FromArgMatches>::from_arg_matches(&matches)
}

/// Help and version as clap writes them, in the language in use, on standard output; a usage
/// mistake (exit 2) on standard error, with whatever it quotes of the command line made safe
/// for the terminal, since arguments may come from hostile data. Returns the exit code.
pub fn usage_error(error: &clap::Error) -> u8 {
    use clap::error::ErrorKind;
    let text = crate::text::clap_words::translate(&error.to_string());
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        print_text(&text);
        return 0;
    }
    to_stderr(&safe_message(&text));
    u8::try_from(error.exit_code()).unwrap_or(2)
}

/// A command that could not be done; the text says what to do about it.
#[derive(Debug)]
pub struct Failure(pub String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(error: E) -> Failure {
        Failure(error.to_string())
    }
}

/// Writes a command's data to where it goes.
pub type WriteOut = Box<dyn FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>>;

/// What a command prints: text for people, made safe for a terminal on the way out, or data
/// (JSON, CSV, a completion script) printed exactly as it is.
pub enum Output {
    Text(String),
    Data(Vec<u8>),
    /// Data written out as it is made (a big board's listing is never in memory whole).
    Stream(WriteOut),
    /// A screen (the review) that a signal ended: nothing more to print.
    Ended(Ending),
}

/// The exit code of a screen that ended: 0 when the user quit, 128 + the signal's number when
/// a signal ended it (as a shell reports a program killed by it).
pub fn exit_code(ending: Ending) -> ExitCode {
    match ending {
        Ending::Quit => ExitCode::SUCCESS,
        Ending::Signal(n) => ExitCode::from(u8::try_from(128 + n).unwrap_or(u8::MAX)),
    }
}

/// Runs one subcommand against the board at `path`: exit 0 when done, 1 when it failed.
pub fn run(command: Command, path: &Path) -> ExitCode {
    match dispatch(command, path, &SystemClock) {
        Ok(output) => {
            use std::io::Write;
            let bytes = match output {
                Output::Text(text) => {
                    print_text(&text);
                    return ExitCode::SUCCESS;
                }
                Output::Data(bytes) => bytes,
                Output::Stream(write) => {
                    let mut out =
                        std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
                    return match write(&mut out).and_then(|()| out.flush()) {
                        // As with data: a closed reader is not a failure of the command.
                        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                            Failure::from(e).report()
                        }
                        _ => ExitCode::SUCCESS,
                    };
                }
                Output::Ended(ending) => return exit_code(ending),
            };
            // Output piped into a closed reader (`| head`) is not a failure of the command.
            let _ = std::io::stdout().write_all(&bytes);
            ExitCode::SUCCESS
        }
        Err(failure) => failure.report(),
    }
}

/// Text for people on standard output, made safe for the terminal.
fn print_text(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().write_all(terminal_safe(text).as_bytes());
}

/// A line for the user on standard error beside a command's output ("created the board"),
/// made safe for the terminal.
pub fn notice(text: &str) {
    to_stderr(&format!("{}\n", safe_message(text)));
}

/// Writes to standard error. A closed one (the terminal is gone) is no reason to fail, and
/// nothing panics over it.
pub fn to_stderr(text: &str) {
    use std::io::Write;
    let _ = std::io::stderr().write_all(text.as_bytes());
}

impl Failure {
    /// Prints the failure, safe for the terminal and never huge, and gives the exit code.
    pub fn report(self) -> ExitCode {
        let said = crate::text::os_errors::localize(&self.0);
        let message = safe_message(&format!("{}{}", t().cli.error_prefix, said));
        to_stderr(&format!("{message}\n"));
        ExitCode::FAILURE
    }
}

fn dispatch(command: Command, path: &Path, clock: &dyn Clock) -> Result<Output, Failure> {
    let text = |result: Result<String, Failure>| result.map(Output::Text);
    match command {
        Command::Path => Ok(Output::Text(format!("{}\n", path.display()))),
        Command::Check => text(board_commands::check(path)),
        Command::Rates(args) => text(rates::rates(path, &args, clock.today())),
        Command::Merge {
            base,
            ours,
            theirs,
            path,
        } => {
            let said = merge::merge(&base, &ours, &theirs, path.as_deref())?;
            notice(&said);
            Ok(Output::Text(String::new()))
        }
        Command::Init(args) => text(board_commands::init(path, &args, clock)),
        Command::Backups => text(backups::list(path, clock)),
        Command::Team(command) => text(team::team(&command, path)),
        Command::Process(command) => process::process(command, path, terminal_width(), clock.now()),
        Command::Sync(args) => text(team::sync(&args, path)),
        Command::Restore { n } => text(backups::restore(path, n as usize, clock)),
        Command::Completions { shell } => Ok(Output::Data(board_commands::completions(shell))),
        Command::List(args) => {
            let board = kept_to_the_end(change::read_board(path)?);
            list::list(board, &args, terminal_width(), clock.today())
        }
        Command::Show { id, format } => {
            let board = kept_to_the_end(change::read_board(path)?);
            show::show(board, DealId(id), format, clock.now())
        }
        Command::Agenda(args) => {
            let board = kept_to_the_end(change::read_board(path)?);
            agenda::agenda(board, &args, terminal_width(), clock.today())
        }
        Command::Note { id, text: note } => text(customers::note(path, id, &note, clock)),
        Command::Plan(args) => text(plan::plan(path, &args, clock)),
        Command::Companies { format } => {
            let board = kept_to_the_end(change::read_board(path)?);
            customers::companies(board, format, terminal_width())
        }
        Command::Company { name, change } => customers::company(path, &name, &change, clock),
        Command::Contacts { format } => {
            let board = kept_to_the_end(change::read_board(path)?);
            customers::contacts(board, format, terminal_width())
        }
        Command::Contact {
            name,
            company,
            change,
        } => customers::contact(path, &name, company.as_deref(), &change, clock),
        Command::Feedback(args) => text(customers::feedback(path, &args, clock)),
        Command::Add(args) => text(deals::add(path, &args, clock)),
        Command::Edit(args) => text(deals::edit(path, &args, clock)),
        Command::Delete { id } => text(deals::delete(path, DealId(id))),
        Command::Move { id, stage } => text(deals::move_deal(path, DealId(id), &stage, clock)),
        Command::Won { id } => text(deals::close_deal(
            path,
            DealId(id),
            clock,
            |board, id, now| board.mark_won(id, now),
        )),
        Command::Lost { reason, .. } if reason.trim().is_empty() => {
            Err(Failure(t().cli.lost_needs_reason.to_string()))
        }
        Command::Lost { id, reason } => text(deals::close_deal(
            path,
            DealId(id),
            clock,
            |board, id, now| board.mark_lost(id, &reason, now),
        )),
        Command::Reopen { id } => text(deals::close_deal(
            path,
            DealId(id),
            clock,
            |board, id, now| board.reopen(id, now),
        )),
        Command::Stats(args) => text(stats::stats_of_boards(
            path,
            &args,
            terminal_width(),
            clock.now(),
        )),
        Command::Review(args) => review::review(path, &args, clock).map(Output::Ended),
        Command::Export(args) => exchange::export(path, &args),
        Command::Import(args) => text(exchange::import(path, &args, clock)),
    }
}

/// A board read for one command's output. The process ends right after the output, so the
/// board's memory is left to the system to take back at once rather than freed deal by deal,
/// which took a tenth of the time of `list` on a big board.
fn kept_to_the_end(board: Board) -> &'static Board {
    Box::leak(Box::new(board))
}

/// A deal's id as the user may copy it: `12` or `#12`.
fn deal_id(text: &str) -> Result<u64, String> {
    text.trim()
        .trim_start_matches('#')
        .parse()
        .map_err(|_| t().cli.bad_id.to_string())
}

fn stage_name(board: &Board, id: &StageId) -> String {
    board
        .stage(id)
        .map_or_else(|| id.to_string(), |s| s.name.clone())
}

/// A stage named on the command line, or a failure that lists the board's stages.
fn find_stage(board: &Board, name: &str) -> Result<StageId, Failure> {
    board.find_stage(name).map(|s| s.id.clone()).ok_or_else(|| {
        let e = &t().errors;
        Failure(format!(
            "{} {}",
            fill(e.no_stage, &[("name", &Quoted(name))]),
            fill(e.stage_list, &[("stages", &stage_list(board))])
        ))
    })
}

/// "1 Lead, 2 Qualification, ...": the board's stages as a command line names them.
fn stage_list(board: &Board) -> String {
    let names: Vec<String> = board
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{} {}", i + 1, quote(&s.name)))
        .collect();
    names.join(", ")
}

/// The failure for an id the board does not have.
fn no_deal(id: DealId) -> Failure {
    Failure(format!(
        "{} {}",
        EditError::NoDeal(id),
        t().errors.list_hint
    ))
}

/// The terminal's width when printing to one; unlimited when piped.
fn terminal_width() -> Option<usize> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    ratatui::crossterm::terminal::size()
        .ok()
        .map(|(w, _)| usize::from(w))
}
