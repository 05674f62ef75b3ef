//! The `banzi` command: parses flags, runs one subcommand of the library, prints what a
//! user needs on the terminal, and exits with a code scripts can rely on.
//!
//! Exit codes (the data contract, section 3): 0 when no `error` exception was found,
//! 1 when at least one was, 2 when the input or the command line could not be used.
//! Every failure that is the input's fault reaches `main` as an error whose message names
//! the file (and column); `main` prints it as one paragraph and exits 2.

mod cmd;

use clap::Parser;
use std::process::ExitCode;

/// Loading a national dataset makes tens of millions of small allocations (cell texts,
/// polars buffers); mimalloc serves them markedly faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // Output piped into `head` ends quietly instead of panicking on a closed pipe.
    #[cfg(unix)]
    // SAFETY: setting a signal disposition to its default before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let args = cmd::Args::parse();
    match cmd::run(args) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("banzi: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
