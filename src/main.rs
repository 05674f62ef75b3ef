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

// mimalloc's own option setter (part of the library the allocator links; the crate does
// not wrap it without its `extended` feature).
extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_arena_eager_commit` in mimalloc 3's `mi_option_e`.
const MI_OPTION_ARENA_EAGER_COMMIT: std::ffi::c_int = 4;
/// `mi_option_purge_delay` (milliseconds) in the same enum.
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// Commit mimalloc's arenas as they are used, not whole. On Linux (an overcommitting
/// system) mimalloc commits each arena eagerly by default, and with transparent huge
/// pages every first touch of a 2 MiB page zeroes all of it: the profile of a 40,000-unit
/// check spent 44% of its time in the kernel's `clear_page`. Committing on demand cut a
/// 10,000-unit check from 8.3 s to 5.0 s at the same peak memory (`MIMALLOC_*`
/// environment variables still override it, as they are read before this runs).
///
/// Freed memory is handed back to the system after a second, not after mimalloc's 10 ms:
/// a load grows its tables by doubling, and each page handed back and taken again is
/// zeroed again by the kernel. At 40,000 units, runs alternated: 30.4 s (12–15 s of it
/// system time) with 10 ms, 23.2 s (6–8 s) with a second, peak 3.25 → 3.5 GB.
fn tune_allocator() {
    for (var, option, value) in [
        (
            "MIMALLOC_ARENA_EAGER_COMMIT",
            MI_OPTION_ARENA_EAGER_COMMIT,
            0,
        ),
        ("MIMALLOC_PURGE_DELAY", MI_OPTION_PURGE_DELAY, 1000),
    ] {
        if std::env::var_os(var).is_none() {
            // SAFETY: sets an integer option of the allocator; no memory is touched.
            unsafe { mi_option_set(option, value) }
        }
    }
}

/// Asks Linux not to back this process's memory with transparent huge pages. With them
/// (the kernel's `always` mode) every touched 2 MiB of an allocator arena is resident
/// whole, and the check's tables and frames are spread over many arenas: at 40,000
/// units, seven runs alternated, the peak was 0.96–1.03 GiB with huge pages and
/// 0.89–0.95 GiB without, the time the same within the machine's noise (13.8 s and
/// 14.0 s on average); at 10,000 units both were lower without. The cost is at four
/// times the country: at 160,000 units (two runs each) 52.6 and 62.0 s with huge pages,
/// 59.7 and 67.5 s without, the kernel mapping many more small pages; the peak 3.1–3.2
/// GiB either way. `BANZI_HUGE_PAGES=1` leaves the kernel's setting in force.
fn without_huge_pages() {
    #[cfg(target_os = "linux")]
    if std::env::var("BANZI_HUGE_PAGES").as_deref() != Ok("1") {
        // SAFETY: sets a flag of this process; no memory is touched. A kernel that
        // refuses it leaves the pages as they were, which is harmless.
        unsafe {
            libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
        }
    }
}

fn main() -> ExitCode {
    without_huge_pages();
    tune_allocator();
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
