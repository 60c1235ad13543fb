//! The real binary in a pseudo-terminal, as a person at a terminal runs it: type keys, read the
//! screen as a terminal would show it, send it signals.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const WAIT: Duration = Duration::from_secs(10);

pub struct Session {
    pub child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    pub output: Receiver<Vec<u8>>,
    pub screen: vt100::Parser,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    pub fn start(board: &Path, home: &Path, cols: u16, rows: u16) -> Session {
        let board = board.display().to_string();
        Session::run(&["--board", &board], home, cols, rows)
    }

    /// The binary with `args`, in a terminal `cols` × `rows`, with `home` as its home.
    pub fn run(args: &[&str], home: &Path, cols: u16, rows: u16) -> Session {
        Session::run_with(args, home, cols, rows, &[])
    }

    /// As [`Session::run`], with these environment variables too.
    pub fn run_with(
        args: &[&str],
        home: &Path,
        cols: u16,
        rows: u16,
        vars: &[(&str, &str)],
    ) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_dealboard"));
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env("HOME", home);
        command.env_remove("XDG_DATA_HOME");
        command.env("USER", "e2e");
        command.env("DEALBOARD_LANG", "en");
        command.env_remove("VISUAL");
        command.env_remove("EDITOR");
        for (name, value) in vars {
            command.env(name, value);
        }
        let child = pty.slave.spawn_command(command).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let (send, output) = channel();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 || send.send(buffer[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let screen = vt100::Parser::new(
            std::num::NonZero::new(rows).unwrap(),
            std::num::NonZero::new(cols).unwrap(),
            0,
        );
        Session {
            child,
            writer,
            output,
            screen,
            _master: pty.master,
        }
    }

    /// Waits until the screen shows `text`, and returns the screen.
    pub fn wait_for(&mut self, text: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let contents = self.screen.screen().contents();
            if contents.contains(text) {
                return contents;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.screen.process(&bytes),
                Err(_) => panic!("the screen never showed {text:?}; it shows:\n{contents}"),
            }
        }
    }

    pub fn type_keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn wait_for_exit(&mut self) -> u32 {
        let deadline = Instant::now() + WAIT;
        loop {
            // Keep draining output so the program never blocks on a full terminal.
            while let Ok(bytes) = self.output.try_recv() {
                self.screen.process(&bytes);
            }
            if let Some(status) = self.child.try_wait().unwrap() {
                // What it wrote last (giving the terminal back) may still be on its way.
                while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(300)) {
                    self.screen.process(&bytes);
                }
                return status.exit_code();
            }
            assert!(Instant::now() < deadline, "the program did not quit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Closes the terminal, as closing its window or losing the connection does; returns the
    /// program, still running or not.
    pub fn hang_up(self) -> Box<dyn Child + Send + Sync> {
        let Session {
            child,
            writer,
            output,
            _master,
            ..
        } = self;
        drop((writer, output, _master));
        child
    }

    /// Whether the screen shows `text` now, after reading everything the program has written.
    pub fn shows(&mut self, text: &str) -> bool {
        self.shows_all(&[text])
    }

    /// Like [`Session::shows_all`], once the program has stopped drawing for a moment: a frame
    /// that arrives in pieces is not read half-drawn (the new message beside the old state).
    pub fn shows_all_when_quiet(&mut self, texts: &[&str]) -> bool {
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(50)) {
            self.screen.process(&bytes);
        }
        self.shows_all(texts)
    }

    /// True when the screen shows every one of `texts` at once.
    pub fn shows_all(&mut self, texts: &[&str]) -> bool {
        while let Ok(bytes) = self.output.try_recv() {
            self.screen.process(&bytes);
        }
        let contents = self.screen.screen().contents();
        texts.iter().all(|text| contents.contains(text))
    }

    /// Sends `signal` (a name for `kill`, such as `TERM`) to the program.
    pub fn signal(&self, signal: &str) {
        let pid = self.child.process_id().unwrap();
        let sent = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &pid.to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
    }
}
