//! Where reports go: stdout or a file (written atomically), and notes on
//! stderr. stemma never writes over a file it reads.

use std::io::{IsTerminal, Write};
use std::path::Path;

use stemma::{corpus, report};

use crate::cli::Cli;

/// Colours only on a terminal, and never with NO_COLOR set.
pub fn color(output: Option<&Path>) -> bool {
    output.is_none()
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// A progress bar only on a terminal, and not with --quiet.
pub fn progress(cli: &Cli) -> bool {
    !cli.quiet && std::io::stderr().is_terminal()
}

/// stemma never writes to the files it reads: `--output` may not name one.
pub fn refuse_input_as_output(
    output: Option<&Path>,
    inputs: &corpus::Inputs,
) -> Result<(), String> {
    let Some(out) = output.and_then(|p| std::fs::canonicalize(p).ok()) else {
        return Ok(());
    };
    // Only inputs of the same file name are resolved (a corpus has many).
    let name = out.file_name();
    match inputs
        .files
        .iter()
        .filter(|f| f.path.file_name() == name)
        .find(|f| std::fs::canonicalize(&f.path).is_ok_and(|p| p == out))
    {
        Some(f) => Err(format!(
            "{}: is an input; refusing to write the report over it",
            f.path.display()
        )),
        None => Ok(()),
    }
}

/// Warnings (unless `--quiet`) and skipped inputs, on stderr.
pub fn print_notes(cli: &Cli, warnings: &[String], skipped: &[report::Skipped]) {
    if !cli.quiet {
        for w in warnings {
            eprintln!("stemma: warning: {w}");
        }
    }
    for s in skipped {
        eprintln!("stemma: skipped {}: {}", s.path, s.reason);
    }
}

/// Writes a file atomically: a temporary file next to it, then rename.
pub fn write_file_atomically(
    p: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), String> {
    let mut name = p.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{}.stemma-tmp", std::process::id()));
    let tmp = p.with_file_name(name);
    let result = std::fs::File::create(&tmp).and_then(|f| {
        let mut w = std::io::BufWriter::new(f);
        write(&mut w)?;
        w.flush()?;
        w.get_ref().sync_all()
    });
    result.and_then(|_| std::fs::rename(&tmp, p)).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("{}: cannot write: {e}", p.display())
    })
}

/// Writes the report to a file (atomically) or to stdout. A closed stdout
/// (`stemma ... | head`) is not an error.
pub fn write_output(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), String> {
    match path {
        // A device or pipe (`-o /dev/null`, `-o /dev/stdout`) is written in place:
        // renaming a temporary file over it would replace it.
        Some(p) if p.exists() && !p.is_file() => {
            let result = std::fs::OpenOptions::new()
                .write(true)
                .open(p)
                .and_then(|f| {
                    let mut w = std::io::BufWriter::new(f);
                    write(&mut w)?;
                    w.flush()
                });
            result.map_err(|e| format!("{}: cannot write: {e}", p.display()))
        }
        Some(p) => write_file_atomically(p, write),
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            match write(&mut out).and_then(|_| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r.map_err(|e| format!("cannot write to stdout: {e}")),
            }
        }
    }
}
