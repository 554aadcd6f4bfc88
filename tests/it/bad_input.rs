use std::path::Path;

use crate::util::*;

const GOOD: &str = "A perfectly ordinary paragraph of text that is long enough to compare.\n";

fn run(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let mut all = vec!["dedup"];
    all.extend_from_slice(args);
    let out = stemma(&all, dir);
    (out.status.code(), stdout(&out), stderr(&out))
}

#[test]
fn each_bad_file_is_named_with_its_reason_and_the_rest_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("good.txt"), GOOD).unwrap();
    std::fs::write(d.join("copy.txt"), GOOD).unwrap();
    std::fs::write(d.join("image.bin"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(d.join("broken.txt"), b"caf\xc3\x28 \x81 bad").unwrap();
    std::fs::write(d.join("empty.txt"), b"").unwrap();
    let (code, out, err) = run(d, &[".", "--format", "json"]);
    assert_eq!(code, Some(2), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    let find = |name: &str| {
        lines
            .iter()
            .find(|l| l.contains(name))
            .copied()
            .unwrap_or_else(|| panic!("{name} in {err}"))
    };
    assert!(find("image.bin").contains("binary file"));
    assert!(find("broken.txt").contains("invalid UTF-8 at byte 3"));
    assert!(find("empty.txt").contains("empty file"));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["skipped"].as_array().unwrap().len(), 3);
    // The usable files are still compared: the two copies are found.
    assert_eq!(v["duplicates"].as_array().unwrap().len(), 1);
}

#[test]
fn windows_1252_is_read_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let text = b"The minister said \x93we will act\x94 on the report, and the caf\xe9 closed early today.\n";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    std::fs::write(dir.path().join("b.txt"), text).unwrap();
    let (code, out, err) = run(dir.path(), &[".", "--format", "json"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("decoded as windows-1252"), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let span = &v["duplicates"][0]["spans"][0];
    assert_eq!(span["start"], 0);
    assert_eq!(span["end"], text.len() - 1);
    assert!(span["text"].as_str().unwrap().contains("“we will act”"));
}

/// A named pipe is not a file: it is refused by name at once, never opened
/// (opening one waits for a writer that never comes).
#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_not_waited_on() {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe"))
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo unavailable: skipped");
        return;
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_stemma"))
        .args(["dedup", "good.txt", "pipe"])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("stemma waited on the named pipe");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert_eq!(status.code(), Some(2), "{err}");
    assert!(err.contains("pipe"), "{err}");
}

#[test]
fn missing_path_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(dir.path(), &["nowhere.txt"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("nowhere.txt: no such file or directory"),
        "{err}"
    );
}

#[test]
fn huge_files_are_refused_by_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.txt"), GOOD.repeat(10)).unwrap();
    let (code, _, err) = run(dir.path(), &["big.txt", "--max-file-size", "100"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("big.txt: file too large"), "{err}");
}

#[test]
fn malformed_manifest_stops_the_run() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("stemma.toml"),
        "[[document]]\npath = \"a.txt\"\nrole = primary\n",
    )
    .unwrap();
    let (code, out, err) = run(dir.path(), &["."]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert!(err.contains("stemma.toml: malformed manifest"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
}

#[test]
fn manifest_entry_without_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("stemma.toml"),
        "[[document]]\npath = \"gone.txt\"\nrole = \"primary\"\n",
    )
    .unwrap();
    let (code, _, err) = run(dir.path(), &["."]);
    assert_eq!(code, Some(2));
    assert!(err.contains("gone.txt: no such file or directory"), "{err}");
}

#[test]
fn unreadable_directory_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("a.txt"), GOOD).unwrap();
    std::fs::write(dir.path().join("b.txt"), GOOD).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let root_can_read = std::fs::read_dir(&locked).is_ok();
    let (code, _, err) = run(dir.path(), &["."]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    if root_can_read {
        // Running as root: permissions do not apply, so the directory is read.
        assert_eq!(code, Some(0), "{err}");
    } else {
        assert_eq!(code, Some(2));
        assert!(err.contains("locked: permission denied"), "{err}");
    }
}

#[test]
fn stemma_never_modifies_its_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        ("a.txt", GOOD),
        (
            "b.html",
            "<p>Hello &amp; welcome.</p><p>Second paragraph here.</p>",
        ),
    ];
    for (n, t) in files {
        std::fs::write(dir.path().join(n), t).unwrap();
    }
    let (code, _, _) = run(dir.path(), &[".", "--format", "json"]);
    assert_eq!(code, Some(0));
    for (n, t) in files {
        assert_eq!(std::fs::read_to_string(dir.path().join(n)).unwrap(), t);
    }
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2);
}

#[test]
fn output_may_not_overwrite_an_input() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), GOOD).unwrap();
    let (code, _, err) = run(dir.path(), &["a.txt", "-o", "a.txt"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("a.txt: is an input"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        GOOD
    );
}
