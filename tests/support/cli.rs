//! The real binary, run as a script or a person would: in a fresh home, on a board in a
//! temporary folder.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

pub fn run_in(home: &Path, envs: &[(&str, &str)], args: &[&str]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dealboard"));
    command
        .args(args)
        .env("HOME", home)
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("DEALBOARD_BOARD")
        .env("USER", "tester")
        // Tests speak English unless they ask otherwise, whatever the machine's locale.
        .env("DEALBOARD_LANG", "en");
    for (key, value) in envs {
        command.env(key, value);
    }
    let Output {
        status,
        stdout,
        stderr,
    } = command.output().unwrap();
    Run {
        code: status.code(),
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    }
}

/// A fresh board file in a temporary folder, driven with `--board`.
pub struct Cli {
    pub dir: tempfile::TempDir,
}

impl Cli {
    pub fn new() -> Cli {
        Cli {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn board(&self) -> String {
        self.dir.path().join("board.ron").display().to_string()
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let board = self.board();
        let mut all = vec!["--board", board.as_str()];
        all.extend(args);
        run_in(self.dir.path(), &[], &all)
    }

    pub fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, Some(0), "{args:?} failed: {}", run.stderr);
        run.stdout
    }

    pub fn json(&self, args: &[&str]) -> Vec<Value> {
        let mut all = vec!["list", "--format", "json"];
        all.extend(args);
        serde_json::from_str(&self.ok(&all)).unwrap()
    }

    pub fn file(&self) -> Vec<u8> {
        std::fs::read(self.board()).unwrap()
    }
}
