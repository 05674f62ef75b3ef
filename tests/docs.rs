//! `docs/rules.md` is the output of `banzi rules --markdown`, byte for byte, so the rule
//! documentation in the repository is always that of the code. After changing a rule,
//! regenerate it: `cargo run -- rules --markdown > docs/rules.md`.

use std::path::PathBuf;
use std::process::Command;

#[test]
fn docs_rules_md_is_the_catalogue_command_output() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let o = Command::new(env!("CARGO_BIN_EXE_banzi"))
        .args(["rules", "--markdown"])
        .current_dir(&root)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let shipped = std::fs::read_to_string(root.join("docs/rules.md")).unwrap();
    let printed = String::from_utf8(o.stdout).unwrap();
    assert!(
        shipped == printed,
        "docs/rules.md is out of date: run `cargo run -- rules --markdown > docs/rules.md`"
    );
    assert!(printed.contains("\n## ROT-006\n"));
}

#[test]
fn markdown_and_explain_do_not_mix() {
    let o = Command::new(env!("CARGO_BIN_EXE_banzi"))
        .args(["rules", "--markdown", "explain", "AGE-001"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{o:?}");
}
