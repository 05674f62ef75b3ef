//! banzi never opens a network connection. polars 0.55 links an HTTP client (its lazy
//! engine enables `polars-io/cloud`), so "no HTTP client in the dependency tree" cannot be
//! the check; instead every command runs here with a preloaded shim that aborts the
//! process on any attempt to create an internet socket (`AF_INET`/`AF_INET6`), and the
//! commands must still succeed. A control run shows the shim does abort a program that
//! opens a socket.

use std::path::{Path, PathBuf};
use std::process::Command;

const SHIM: &str = r#"
#include <sys/socket.h>
#include <stdlib.h>
#include <unistd.h>
#include <dlfcn.h>
int socket(int domain, int type, int protocol) {
    if (domain == AF_INET || domain == AF_INET6) {
        write(2, "NETWORK SOCKET ATTEMPTED\n", 25);
        abort();
    }
    int (*real)(int, int, int) = (int (*)(int, int, int))dlsym(RTLD_NEXT, "socket");
    return real(domain, type, protocol);
}
"#;

fn build_shim(dir: &Path) -> PathBuf {
    let src = dir.join("nonet.c");
    std::fs::write(&src, SHIM).unwrap();
    let lib = dir.join("libnonet.so");
    let status = Command::new("cc")
        .args(["-shared", "-fPIC", "-o"])
        .arg(&lib)
        .arg(&src)
        .arg("-ldl")
        .status()
        .expect("a C compiler (cc) is needed for this test");
    assert!(status.success());
    lib
}

#[test]
fn no_command_opens_an_internet_socket() {
    let dir = tempfile::tempdir().unwrap();
    let shim = build_shim(dir.path());
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));

    // Control: a program that opens a socket is stopped by the shim.
    let control = Command::new("python3")
        .args([
            "-c",
            "import socket; socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
        ])
        .env("LD_PRELOAD", &shim)
        .output()
        .expect("python3 runs");
    assert!(!control.status.success(), "the shim must stop a socket");
    assert!(String::from_utf8_lossy(&control.stderr).contains("NETWORK SOCKET ATTEMPTED"));

    let out = dir.path().join("out");
    let out = out.to_str().unwrap();
    for args in [
        vec!["check", "data/sample", "--out", out],
        vec!["normalize", "data/sample", "--out", out],
        vec!["report", "data/sample", "--out", out],
        vec![
            "compare",
            "data/sample",
            "--cycles",
            "2016,2021",
            "--out",
            out,
        ],
        vec!["rules", "explain", "AGE-001"],
    ] {
        let o = Command::new(env!("CARGO_BIN_EXE_banzi"))
            .args(&args)
            .current_dir(&root)
            .env("LD_PRELOAD", &shim)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(
            !stderr.contains("NETWORK SOCKET ATTEMPTED"),
            "{args:?} tried to open a socket"
        );
        assert!(
            matches!(o.status.code(), Some(0) | Some(1)),
            "{args:?}: {stderr}"
        );
    }
}
