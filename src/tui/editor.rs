//! Runs the user's own editor ($VISUAL, else $EDITOR) on a text: the terminal is given back
//! while it runs (the key reader paused, so the editor gets every key) and taken again after,
//! as `vi`, `nano` or `code -w` expect. The text goes through a private temporary file.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use super::AppTerminal;
use super::app::Edited;

/// The most of the file read back: far more than notes may hold (they are checked after).
const MOST_BYTES: u64 = 4 << 20;

/// The editor the user chose: $VISUAL, else $EDITOR (as a shell command, so `code -w` works).
pub fn chosen(var: impl Fn(&str) -> Option<String>) -> Option<String> {
    ["VISUAL", "EDITOR"]
        .into_iter()
        .filter_map(var)
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
}

/// Edits `text` in `editor` with the terminal given back; takes the terminal again whatever
/// happens, and says how it went.
pub fn edit(terminal: &mut AppTerminal, editor: &str, text: &str) -> io::Result<Edited> {
    let edited = super::away_from_terminal(terminal, || run(editor, text))?;
    Ok(edited.unwrap_or_else(|e| Edited::Failed {
        editor: editor.to_string(),
        error: crate::text::os_errors::localize(&e.to_string()),
    }))
}

fn run(editor: &str, text: &str) -> io::Result<Edited> {
    let file = TempText::write(text)?;
    let status = shell(editor, file.path()).status()?;
    if !status.success() {
        // The shell's way of saying the command is not there.
        let error = match status.code() {
            Some(127) => crate::text::t().day.editor_missing.to_string(),
            _ => status.to_string(),
        };
        return Ok(Edited::Failed {
            editor: editor.to_string(),
            error,
        });
    }
    let mut bytes = Vec::new();
    std::fs::File::open(file.path())?
        .take(MOST_BYTES)
        .read_to_end(&mut bytes)?;
    Ok(Edited::Text(String::from_utf8_lossy(&bytes).into_owned()))
}

#[cfg(unix)]
fn shell(editor: &str, path: &Path) -> std::process::Command {
    let mut command = std::process::Command::new("sh");
    command
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(path);
    command
}

#[cfg(not(unix))]
fn shell(editor: &str, path: &Path) -> std::process::Command {
    let mut command = std::process::Command::new("cmd");
    command.arg("/C").arg(editor).arg(path);
    command
}

/// A file only this user may read, removed when dropped.
struct TempText(PathBuf);

impl TempText {
    fn write(text: &str) -> io::Result<TempText> {
        let dir = std::env::temp_dir();
        for n in 0..100u32 {
            let path = dir.join(format!("dealboard-note-{}-{n}.txt", std::process::id()));
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            match options.open(&path) {
                Ok(mut file) => {
                    file.write_all(text.as_bytes())?;
                    return Ok(TempText(path));
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
        Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "no free file name",
        ))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempText {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visual_comes_before_editor_and_blank_ones_do_not_count() {
        let env = |pairs: &'static [(&str, &str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            chosen(env(&[("VISUAL", "vim"), ("EDITOR", "nano")])),
            Some("vim".into())
        );
        assert_eq!(
            chosen(env(&[("VISUAL", " "), ("EDITOR", "nano")])),
            Some("nano".into())
        );
        assert_eq!(chosen(env(&[])), None);
    }

    #[cfg(unix)]
    #[test]
    fn the_editor_gets_the_text_and_what_it_writes_comes_back() {
        let edited = run("sed -i 's/one/two/'", "line one\nline three\n").unwrap();
        assert_eq!(edited, Edited::Text("line two\nline three\n".into()));
        let failed = run("false", "x").unwrap();
        assert!(matches!(failed, Edited::Failed { .. }));
    }
}
