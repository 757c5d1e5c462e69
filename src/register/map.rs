//! The column matching: which of a register's columns holds which field, as a small JSON file
//! with headers and field names only (no one's data), so an office matches its layout once
//! and opens the next month's file with it (`fuzhu register IN --map MAP.json`, the office
//! page's 打开列匹配文件). `--show-map` prints the matching a file was read with.

use serde::{Deserialize, Serialize};

use super::columns::{self, canonical_order, letter, Field};

/// One column: its letter, its header as the register shows it, and the field it holds
/// (the field's canonical header, as in the template; `null`: kept, not used).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapColumn {
    #[serde(default)]
    pub column: String,
    pub header: String,
    pub field: Option<String>,
}

/// A register's column matching.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnMap {
    /// What the file is, for a person who opens it: 扶助通台账列匹配.
    #[serde(default = "kind")]
    pub kind: String,
    pub version: u32,
    pub columns: Vec<MapColumn>,
}

fn kind() -> String {
    KIND.to_string()
}

const KIND: &str = "扶助通台账列匹配";

/// The field a canonical name (or any header the register knows) stands for.
pub fn field_named(name: &str) -> Option<Field> {
    let n = columns::normalise(name);
    canonical_order()
        .into_iter()
        .find(|f| columns::header(*f) == n)
        .or_else(|| columns::resolve(name))
}

impl ColumnMap {
    /// The matching a header was read with.
    pub fn of(headers: &[String], fields: &[Option<Field>]) -> ColumnMap {
        ColumnMap {
            kind: kind(),
            version: 1,
            columns: headers
                .iter()
                .zip(fields)
                .enumerate()
                .filter(|(_, (h, f))| !h.is_empty() || f.is_some())
                .map(|(j, (h, f))| MapColumn {
                    column: letter(j),
                    header: h.clone(),
                    field: f.map(columns::header),
                })
                .collect(),
        }
    }

    /// A matching file read back; a file that is not one is refused with what is wrong.
    /// (Native: the office page's wasm has no serde_json; the page reads the same JSON with
    /// the browser's own parser.)
    #[cfg(not(target_arch = "wasm32"))]
    pub fn parse(text: &str) -> Result<ColumnMap, super::FileError> {
        let map: ColumnMap =
            serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
                super::FileError::new(
                    format!("列匹配文件读不懂：{e}"),
                    format!("the column matching file cannot be read: {e}"),
                )
            })?;
        if map.version != 1 {
            return Err(super::FileError::new(
                format!("列匹配文件的版本{}不认识", map.version),
                format!("column matching version {} is not known", map.version),
            ));
        }
        for c in &map.columns {
            if let Some(name) = &c.field {
                if field_named(name).is_none() {
                    return Err(super::FileError::new(
                        format!("列匹配文件里的“{name}”不是认得的项目（{}列“{}”）", c.column, c.header),
                        format!("\"{name}\" in the column matching file is not a known field (column {} \"{}\")", c.column, c.header),
                    ));
                }
            }
        }
        Ok(map)
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Applies the matching to a header as found: a column named here (by its header, or by
    /// its letter where two columns have the same header) holds the field named. How many
    /// of the map's columns were found.
    pub fn apply(&self, headers: &[String], fields: &mut [Option<Field>]) -> usize {
        let mut used = 0;
        for c in &self.columns {
            let norm = columns::normalise(&c.header);
            let same: Vec<usize> = headers
                .iter()
                .enumerate()
                .filter(|(_, h)| columns::normalise(h) == norm)
                .map(|(j, _)| j)
                .collect();
            let j = match same.as_slice() {
                [j] => Some(*j),
                [] if norm.is_empty() => (0..headers.len()).find(|j| letter(*j) == c.column),
                [] => None,
                many => many.iter().copied().find(|j| letter(*j) == c.column),
            };
            if let Some(j) = j.filter(|j| *j < fields.len()) {
                fields[j] = c.field.as_deref().and_then(field_named);
                used += 1;
            }
        }
        used
    }
}
