//! Each world in its own room, and no import circle between rooms or between the files of a
//! room: read from the sources, as a newcomer reads them. A module's imports are every
//! `crate::…` and `super::…` path in its file outside its `#[cfg(test)] mod` (a test may read
//! what the code may not), resolved to the longest module that exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Module = Vec<String>;

/// Every module of the library under `src/` (not the bins) with its file's text, tests cut.
fn modules() -> BTreeMap<Module, (bool, String)> {
    let mut out = BTreeMap::new();
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    let root = dirs[0].clone();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let rel = path
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if path.is_dir() {
                if rel != "bin" {
                    dirs.push(path);
                }
                continue;
            }
            let Some(stem) = rel.strip_suffix(".rs") else {
                continue;
            };
            let mut module: Module = stem.split('/').map(str::to_owned).collect();
            let is_dir_module = matches!(module.last().map(String::as_str), Some("mod" | "lib"));
            if is_dir_module {
                module.pop();
            }
            let text = without_tests(&std::fs::read_to_string(&path).unwrap());
            out.insert(module, (is_dir_module, text));
        }
    }
    out
}

/// The text without its `#[cfg(test)] mod name { … }` blocks (rustfmt closes them with a `}`
/// alone at the start of a line) and without comments.
fn without_tests(text: &str) -> String {
    let mut out = String::new();
    let (mut skipping, mut previous) = (false, "");
    for line in text.lines() {
        if skipping {
            skipping = line != "}";
        } else if previous.trim() == "#[cfg(test)]"
            && line.starts_with("mod ")
            && line.ends_with('{')
        {
            skipping = true;
        } else {
            out.push_str(line.split("//").next().unwrap_or(""));
            out.push('\n');
        }
        previous = line;
    }
    out
}

/// The paths after each occurrence of `prefix` (`crate::` or a run of `super::`), with how
/// many `super::` there were.
fn paths(text: &str) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut rest = text;
    while let Some(at) = rest
        .find("crate::")
        .into_iter()
        .chain(rest.find("super::"))
        .min()
    {
        let before = rest[..at].chars().last();
        rest = &rest[at..];
        if before.is_some_and(word) {
            rest = &rest[1..];
            continue;
        }
        let mut ups = 0;
        if rest.starts_with("crate::") {
            rest = &rest["crate::".len()..];
        } else {
            while let Some(r) = rest.strip_prefix("super::") {
                ups += 1;
                rest = r;
            }
        }
        let mut path = Vec::new();
        loop {
            let end = rest.find(|c: char| !word(c)).unwrap_or(rest.len());
            if end == 0 {
                break;
            }
            path.push(rest[..end].to_owned());
            rest = &rest[end..];
            match rest.strip_prefix("::") {
                Some(r) => rest = r,
                None => break,
            }
        }
        out.push((ups, path));
    }
    out
}

/// Each module's imports of other modules.
fn imports() -> BTreeMap<Module, BTreeSet<Module>> {
    let all = modules();
    let resolve = |path: Vec<String>| {
        (1..=path.len())
            .rev()
            .map(|n| path[..n].to_vec())
            .find(|m| all.contains_key(m))
    };
    let mut out = BTreeMap::new();
    for (module, (is_dir_module, text)) in &all {
        let mut to = BTreeSet::new();
        for (ups, path) in paths(text) {
            let base: Module = if ups == 0 {
                Vec::new()
            } else {
                // A file's `super` is its folder; a folder's mod.rs's `super` is the one above.
                let keep = module.len() + usize::from(*is_dir_module);
                module[..keep.saturating_sub(ups)].to_vec()
            };
            if let Some(target) = resolve([base, path].concat()) {
                if &target != module {
                    to.insert(target);
                }
            }
        }
        out.insert(module.clone(), to);
    }
    out
}

/// The circles among the children of `within`, each module counted as the child it is in.
fn circles(within: &[&str]) -> Vec<BTreeSet<Module>> {
    let depth = within.len() + 1;
    let inside = |m: &Module| m.len() >= depth && m[..within.len()].iter().eq(within.iter());
    let mut graph: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (from, to) in imports() {
        if !inside(&from) {
            continue;
        }
        for t in to.into_iter().filter(inside) {
            if from[..depth] != t[..depth] {
                graph
                    .entry(from[..depth].to_vec())
                    .or_default()
                    .insert(t[..depth].to_vec());
            }
        }
    }
    circles_of(&graph)
}

/// The circles of `graph`: two modules are in one circle when each reaches the other.
fn circles_of(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<BTreeSet<Module>> {
    let reach = |from: &Module| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.clone()];
        while let Some(m) = todo.pop() {
            for next in graph.get(&m).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        seen
    };
    let mut out: Vec<BTreeSet<Module>> = Vec::new();
    for m in graph.keys() {
        let from_m = reach(m);
        if !from_m.contains(m) || out.iter().any(|c| c.contains(m)) {
            continue;
        }
        out.push(
            from_m
                .into_iter()
                .filter(|x| reach(x).contains(m))
                .collect(),
        );
    }
    out
}

#[test]
fn no_room_of_the_crate_imports_a_room_that_imports_it_back() {
    assert_eq!(circles(&[]), Vec::<BTreeSet<Module>>::new());
}

#[test]
fn no_file_of_the_questionnaire_the_results_the_rules_or_the_register_is_in_an_import_circle() {
    for room in [&["flow"][..], &["results"], &["rules"], &["register"]] {
        assert_eq!(circles(room), Vec::<BTreeSet<Module>>::new(), "in {room:?}");
    }
}

#[test]
fn no_screen_of_the_family_page_is_in_an_import_circle() {
    assert_eq!(circles(&["app", "screens"]), Vec::<BTreeSet<Module>>::new());
    assert_eq!(circles(&["app"]), Vec::<BTreeSet<Module>>::new());
}

#[test]
fn no_file_of_the_office_page_is_in_an_import_circle() {
    assert_eq!(circles(&["app", "desk"]), Vec::<BTreeSet<Module>>::new());
}

#[test]
fn no_folder_of_the_crate_holds_files_in_an_import_circle() {
    // Every folder under src/ (the app's, the desk's, the screens', the hooks', and any added
    // later), not only the rooms named above.
    let folders: BTreeSet<Module> = modules()
        .into_iter()
        .filter(|(_, (is_dir_module, _))| *is_dir_module)
        .map(|(m, _)| m)
        .collect();
    assert!(folders.contains(&vec!["app".to_owned(), "desk".to_owned()]));
    for folder in folders {
        let within: Vec<&str> = folder.iter().map(String::as_str).collect();
        assert_eq!(
            circles(&within),
            Vec::<BTreeSet<Module>>::new(),
            "in src/{}",
            within.join("/")
        );
    }
}

#[test]
fn the_questionnaire_reads_neither_the_results_nor_the_link_nor_the_host() {
    let imports = imports();
    for (from, to) in imports
        .iter()
        .filter(|(m, _)| m.first().is_some_and(|r| r == "flow"))
    {
        for t in to {
            assert!(
                matches!(t[0].as_str(), "flow" | "rules" | "english" | "later"),
                "{from:?} imports {t:?}"
            );
        }
    }
}

#[test]
fn the_check_finds_a_circle_where_there_is_one() {
    // Two files of one room reaching each other, as flow/present.rs and flow/print.rs once
    // did, and a third that imports one of them without being imported back.
    let m = |name: &str| vec![name.to_owned()];
    let graph = BTreeMap::from([
        (m("present"), BTreeSet::from([m("print")])),
        (m("print"), BTreeSet::from([m("present")])),
        (m("calendar"), BTreeSet::from([m("present")])),
    ]);
    assert_eq!(
        circles_of(&graph),
        vec![BTreeSet::from([m("present"), m("print")])]
    );
}

#[test]
fn the_check_reads_super_paths_and_leaves_out_test_modules() {
    let text = "use super::print;\nfn f() { super::print::by_agency(); }\n";
    let print = |more: &[&str]| {
        [&["print"][..], more]
            .concat()
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        paths(text),
        vec![(1, print(&[])), (1, print(&["by_agency"]))]
    );
    assert_eq!(
        without_tests("a\n#[cfg(test)]\nmod tests {\n    use crate::x;\n}\nb\n"),
        "a\n#[cfg(test)]\nb\n"
    );
}
