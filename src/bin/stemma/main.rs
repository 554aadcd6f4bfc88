//! The `stemma` binary: parse flags, run the library, print from one thread.

mod check;
mod cli;
mod commands;
mod output;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

/// Exit codes scripts can rely on.
pub mod exit {
    /// Success (a report was written, whatever it found; `check`: no new
    /// findings at or above --fail-level and no stale baseline entries).
    pub const OK: u8 = 0;
    /// `check` only: new findings at or above --fail-level, or stale
    /// baseline entries.
    pub const FINDINGS: u8 = 1;
    /// Usage, configuration or input error (some input could not be used).
    pub const INPUT: u8 = 2;
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(n) = cli.threads
        && let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
    {
        eprintln!("stemma: cannot start {n} threads: {e}");
        return ExitCode::from(exit::INPUT);
    }
    let result = match &cli.command {
        Command::Dedup(args) => commands::dedup(&cli, args),
        Command::Audit(args) => commands::audit(&cli, args),
        Command::Compare(args) => commands::compare(&cli, args),
        Command::Provenance(args) => commands::provenance(&cli, args),
        Command::Check(args) => check::run(&cli, args),
        Command::Index(cli::IndexCommand::Build(args)) => commands::index_build(&cli, args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("stemma: {e}");
            ExitCode::from(exit::INPUT)
        }
    }
}
