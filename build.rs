//! Four things the sources cannot say by themselves (and which page is being built):
//! - the catalogue's Rust (`BenefitId`, `BENEFITS`, `AgencyId`, `AGENCIES`, the documents, the
//!   share link's order), from its records in `policy/catalogue.toml` (build/catalogue.rs);
//! - the dated parameters and each value's source, from `policy/parameters.toml`
//!   (build/parameters.rs);
//! - the engine's scenario files, bundled for the browser tests, which cannot read the file
//!   system: `tests/web.rs` replays every one through the app and compares what the results
//!   screen shows with what the engine decides;
//! - the English texts' table (`src/english.rs`): every English literal written `en!("…")` or
//!   as the second text of a `texts!` entry gets a number, so the web app carries a one-letter
//!   tag instead of the sentence and fetches the sentences only when someone chooses English.

#[path = "build/catalogue.rs"]
mod catalogue;
#[path = "build/english.rs"]
mod english;
#[path = "build/parameters.rs"]
mod parameters;

use std::fmt::Write;
use std::path::Path;

fn main() {
    // The page being built, which no cargo feature says: the office page (FUZHU_PAGE=office,
    // set by the Makefile's office build) carries the results' Chinese as literals, the family
    // page as tags (src/later.rs). A feature only adds code (`office` adds the office page's),
    // so `--all-features` still builds the family page it always builds.
    println!("cargo:rustc-check-cfg=cfg(fuzhu_later_literal)");
    println!("cargo:rerun-if-env-changed=FUZHU_PAGE");
    if std::env::var("FUZHU_PAGE").as_deref() == Ok("office") {
        println!("cargo:rustc-cfg=fuzhu_later_literal");
    }
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let generated = catalogue::generate(Path::new(&out_dir));
    parameters::generate(Path::new(&out_dir));
    english::generate(&generated);
    let dir = Path::new("tests/scenarios");
    println!("cargo:rerun-if-changed=tests/scenarios");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from(
        "/// Every scenario file: (name, contents).\npub const SCENARIOS: &[(&str, &str)] = &[\n",
    );
    for path in names {
        let name = path.file_stem().unwrap_or_default().to_string_lossy();
        let full = std::fs::canonicalize(&path).expect("a scenario file that exists");
        let _ = writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            full.display().to_string()
        );
    }
    out.push_str("];\n");
    std::fs::write(Path::new(&out_dir).join("scenarios.rs"), out).expect("OUT_DIR is writable");
}
