//! The files of the adversarial probe (../shared/reviews/2026-12-07-register-probe.md), each
//! made here at test time (bombs are generated, never kept), given to `fuzhu register` under
//! an address-space limit (`prlimit --as`, 1 GiB) with its peak memory measured
//! (`/usr/bin/time`): every one gets a clear refusal naming the problem, or a correct answer,
//! and none comes near the 512 MB a file under 20 MB may take (docs/register.md, "Limits").
//! The peaks are written to target/hostile-peaks.txt (docs/quality.md quotes them).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use fuzhu::register::Cell;
use zip::write::SimpleFileOptions;

const PEAK_LIMIT_KB: u64 = 512 * 1024;

fn dir() -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile");
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/register")
        .join(name)
}

/// What `fuzhu register FILE -o OUT` did: exit code, standard error, peak memory in KB.
struct Run {
    code: i32,
    stderr: String,
    peak_kb: u64,
    out: PathBuf,
}

fn register(name: &str, input: &Path, out_ext: &str) -> Run {
    register_within(name, input, out_ext, 1 << 30)
}

/// [`register`] under an address-space limit of `limit` bytes.
fn register_within(name: &str, input: &Path, out_ext: &str, limit: u64) -> Run {
    let out = dir().join(format!("{name}.out.{out_ext}"));
    let _ = std::fs::remove_file(&out);
    let o = Command::new("/usr/bin/time")
        .args([
            "-f",
            "PEAK_KB=%M",
            "prlimit",
            &format!("--as={limit}"),
            "--",
        ])
        .arg(env!("CARGO_BIN_EXE_fuzhu"))
        .arg("register")
        .arg(input)
        .arg("-o")
        .arg(&out)
        .args(["--today", "2026-06-01"])
        .output()
        .expect("/usr/bin/time and prlimit are installed (scripts/setup.sh)");
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    let peak_kb = stderr
        .lines()
        .find_map(|l| l.strip_prefix("PEAK_KB="))
        .and_then(|k| k.trim().parse().ok())
        .expect("time reports the peak");
    let code = o.status.code().unwrap_or(-1);
    let size = std::fs::metadata(input).map(|m| m.len()).unwrap_or(0);
    let line = format!(
        "{name}\t{size} bytes\texit {code}\tpeak {} MB\n",
        peak_kb / 1024
    );
    eprint!("{line}");
    let log = Path::new(env!("CARGO_TARGET_TMPDIR")).join("../hostile-peaks.txt");
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
    {
        let _ = f.write_all(line.as_bytes());
    }
    assert!(
        peak_kb < PEAK_LIMIT_KB,
        "{name}: peak {} MB, more than 512 MB",
        peak_kb / 1024
    );
    Run {
        code,
        stderr,
        peak_kb,
        out,
    }
}

/// Refused (exit 2) with a message holding every one of `words`, Chinese line first.
fn refused(name: &str, input: &Path, words: &[&str]) -> Run {
    let run = register(name, input, "csv");
    assert_eq!(run.code, 2, "{name}: {}", run.stderr);
    let first = run.stderr.lines().next().unwrap_or("");
    for w in words {
        assert!(first.contains(w), "{name}: “{w}” not in “{first}”");
    }
    assert!(
        !first.contains("memory allocation") && !run.stderr.contains("panicked"),
        "{name}: {}",
        run.stderr
    );
    run
}

/// The register of tests/register (register-utf8.csv) as sheet rows of inline strings.
fn register_rows() -> String {
    let text = std::fs::read_to_string(fixture("register-utf8.csv")).unwrap();
    let mut xml = String::new();
    for (r, line) in text.lines().take(4).enumerate() {
        xml.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, v) in line.split(',').enumerate() {
            if v.is_empty() {
                continue;
            }
            let col = fuzhu::register::file::column_name(c as u32);
            xml.push_str(&format!(
                "<c r=\"{col}{}\" t=\"inlineStr\"><is><t>{v}</t></is></c>",
                r + 1
            ));
        }
        xml.push_str("</row>");
    }
    xml
}

/// Writes one part's XML.
type Part = Box<dyn FnOnce(&mut dyn Write)>;

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/// A minimal .xlsx: the sheet's `<sheetData>` content written by `sheet`, and shared strings
/// written by `shared` when given.
fn xlsx(name: &str, sheet: impl FnOnce(&mut dyn Write), shared: Option<Part>) -> PathBuf {
    let path = dir().join(name);
    let mut z = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let o = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let ct = "application/vnd.openxmlformats-officedocument.spreadsheetml";
    z.start_file("[Content_Types].xml", o).unwrap();
    write!(z, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"{ct}.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"{ct}.worksheet+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"{ct}.sharedStrings+xml\"/></Types>").unwrap();
    z.start_file("_rels/.rels", o).unwrap();
    write!(z, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>").unwrap();
    z.start_file("xl/workbook.xml", o).unwrap();
    write!(z, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{MAIN}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"台账\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>").unwrap();
    z.start_file("xl/_rels/workbook.xml.rels", o).unwrap();
    write!(z, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>").unwrap();
    if let Some(shared) = shared {
        z.start_file("xl/sharedStrings.xml", o).unwrap();
        shared(&mut z);
    }
    z.start_file("xl/worksheets/sheet1.xml", o).unwrap();
    write!(
        z,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{MAIN}\"><sheetData>"
    )
    .unwrap();
    sheet(&mut z);
    write!(z, "</sheetData></worksheet>").unwrap();
    z.finish().unwrap();
    path
}

/// The register's rows, then `extra` (more rows, or a hostile one).
fn register_with(name: &str, extra: &str) -> PathBuf {
    let rows = register_rows() + extra;
    xlsx(name, |w| w.write_all(rows.as_bytes()).unwrap(), None)
}

#[test]
fn the_generated_register_itself_is_read_and_decided() {
    let p = register_with("plain.xlsx", "");
    let run = register("plain.xlsx", &p, "csv");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("共3户"), "{}", run.stderr);
}

#[test]
fn one_cell_at_xfd1048576_is_refused_by_name_not_allocated() {
    let p = register_with(
        "xfd.xlsx",
        "<row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row>",
    );
    refused("xfd.xlsx", &p, &["XFD1048576", "列"]);
}

#[test]
fn a_formula_at_xfd1048576_is_refused_too() {
    let p = register_with(
        "xfd-formula.xlsx",
        "<row r=\"1048576\"><c r=\"XFD1048576\"><f>1+1</f></c></row>",
    );
    refused("xfd-formula.xlsx", &p, &["XFD1048576"]);
}

#[test]
fn a_column_reference_that_wraps_round_is_refused() {
    let p = register_with(
        "wrap.xlsx",
        "<row r=\"5\"><c r=\"AAAAAAAAAAAAAAA5\" t=\"inlineStr\"><is><t>x</t></is></c></row>",
    );
    // The reference wraps round a u32 (as calamine reads it in release) to a column far past
    // the register's: refused, never a panic or an allocation, and told by what it is (not
    // by a name such as GRGLBVC5, a cell the file does not have).
    let run = refused(
        "wrap.xlsx",
        &p,
        &["第5行", "XFD列之后", "台账最多能用1000列"],
    );
    assert!(!run.stderr.contains("单元格GR"), "{}", run.stderr);
}

#[test]
fn a_cell_at_row_4_000_000_000_is_refused_by_its_row() {
    let p = register_with(
        "row4e9.xlsx",
        "<row r=\"4000000000\"><c r=\"A4000000000\" t=\"inlineStr\"><is><t>x</t></is></c></row>",
    );
    refused("row4e9.xlsx", &p, &["A4000000000", "1048576行"]);
}

#[test]
fn a_cell_at_gr200000_is_within_the_limits_and_the_register_is_decided() {
    let p = register_with(
        "gr200000.xlsx",
        "<row r=\"200000\"><c r=\"GR200000\" t=\"inlineStr\"><is><t>x</t></is></c></row>",
    );
    let run = register("gr200000.xlsx", &p, "csv");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.peak_kb < 200 * 1024, "peak {} KB", run.peak_kb);
}

#[test]
fn a_shared_strings_unique_count_of_2e9_or_2_64_is_not_reserved() {
    for (name, count) in [
        ("sst-2e9.xlsx", "2000000000"),
        ("sst-2e64.xlsx", "18446744073709551615"),
    ] {
        let rows = register_rows();
        let p = xlsx(
            name,
            |w| {
                w.write_all(rows.as_bytes()).unwrap();
                write!(w, "<row r=\"9\"><c r=\"A9\" t=\"s\"><v>0</v></c></row>").unwrap();
            },
            Some(Box::new(move |w: &mut dyn Write| {
                write!(w, "<?xml version=\"1.0\"?><sst xmlns=\"{MAIN}\" count=\"1\" uniqueCount=\"{count}\"><si><t>x</t></si></sst>").unwrap();
            })),
        );
        refused(name, &p, &["共享字符串", count]);
    }
}

#[test]
fn a_zip_of_whitespace_that_inflates_to_gigabytes_is_refused_at_the_limit() {
    // 256 MiB of spaces in the sheet (4 GiB in the probe: the limit is met as early).
    let p = xlsx(
        "whitespace.xlsx",
        |w| {
            let chunk = vec![b' '; 1 << 20];
            for _ in 0..256 {
                w.write_all(&chunk).unwrap();
            }
        },
        None,
    );
    assert!(std::fs::metadata(&p).unwrap().len() < 2_000_000);
    refused("whitespace.xlsx", &p, &["sheet1.xml", "1MB"]);
}

/// `mib` MiB of empty tags: nothing a token limit stops, compressed to a few hundred KB.
fn tags(w: &mut dyn Write, mib: usize) {
    let chunk = "<a/>".repeat(1 << 18);
    for _ in 0..mib {
        w.write_all(chunk.as_bytes()).unwrap();
    }
}

#[test]
fn a_sheet_that_inflates_past_512_mb_is_refused_at_the_part_limit() {
    let p = xlsx("part-bomb.xlsx", |w| tags(w, 520), None);
    assert!(std::fs::metadata(&p).unwrap().len() < 5_000_000);
    refused("part-bomb.xlsx", &p, &["sheet1.xml", "解压后超过512MB"]);
}

#[test]
fn parts_each_within_their_limit_that_inflate_past_1_gb_together_are_refused() {
    let p = register_with("workbook-bomb.xlsx", "");
    let mut z = zip::ZipWriter::new_append(
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&p)
            .unwrap(),
    )
    .unwrap();
    let o = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for k in 0..3 {
        z.start_file(format!("xl/media/part{k}.xml"), o).unwrap();
        tags(&mut z, 400);
    }
    z.finish().unwrap();
    assert!(std::fs::metadata(&p).unwrap().len() < 15_000_000);
    refused("workbook-bomb.xlsx", &p, &["文件解压后超过1024MB"]);
}

/// A register of `rows` families of `cols` columns, every one the first family of
/// tests/register (her ID number on each row, so each also names ten others in its 提醒:
/// the most a row holds) padded with one-letter cells: the worst case for memory per cell.
fn wide_rows(rows: usize, cols: usize) -> Vec<Vec<String>> {
    let text = register_csv();
    let mut lines = text.lines();
    let mut head: Vec<String> = lines.next().unwrap().split(',').map(String::from).collect();
    let family: Vec<String> = lines.next().unwrap().split(',').map(String::from).collect();
    let n = head.len();
    head.extend((n..cols).map(|k| format!("附加{k}")));
    let mut out = vec![head];
    for i in 0..rows {
        let mut r = family.clone();
        r[0] = format!("K{i}");
        r.resize(cols, "x".into());
        out.push(r);
    }
    out
}

fn wide_csv(name: &str, rows: usize, cols: usize) -> PathBuf {
    let mut text = String::new();
    for r in wide_rows(rows, cols) {
        text.push_str(&r.join(","));
        text.push('\n');
    }
    csv_file(name, text.as_bytes())
}

fn wide_xlsx(name: &str, rows: usize, cols: usize) -> PathBuf {
    let all = wide_rows(rows, cols);
    let names: Vec<String> = (0..cols as u32)
        .map(fuzhu::register::file::column_name)
        .collect();
    xlsx(
        name,
        move |w| {
            for (r, row) in all.iter().enumerate() {
                let mut xml = format!("<row r=\"{}\">", r + 1);
                for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
                    xml.push_str(&format!(
                        "<c r=\"{}{}\" t=\"inlineStr\"><is><t>{v}</t></is></c>",
                        names[c],
                        r + 1
                    ));
                }
                xml.push_str("</row>");
                w.write_all(xml.as_bytes()).unwrap();
            }
        },
        None,
    )
}

/// 100 columns: each row counts 100 cells and 20 for deciding it, so 36,600 rows and the
/// header are just under the 4,400,000 (docs/register.md, "Limits").
const WIDE_COLUMNS: usize = 100;
const JUST_UNDER: usize = 36_600;
const JUST_OVER: usize = 36_800;

#[test]
fn a_csv_just_under_the_cell_limit_is_decided_within_512_mib() {
    let p = wide_csv("near-limit.csv", JUST_UNDER, WIDE_COLUMNS);
    assert!(std::fs::metadata(&p).unwrap().len() < 20_000_000);
    let run = register_within("near-limit.csv", &p, "csv", 512 << 20);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("共36600户"), "{}", run.stderr);
}

#[test]
fn an_xlsx_just_under_the_cell_limit_is_decided_within_512_mib() {
    let p = wide_xlsx("near-limit.xlsx", JUST_UNDER, WIDE_COLUMNS);
    assert!(std::fs::metadata(&p).unwrap().len() < 20_000_000);
    let run = register_within("near-limit.xlsx", &p, "csv", 512 << 20);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("共36600户"), "{}", run.stderr);
}

#[test]
fn a_sheet_just_over_the_cell_limit_is_refused_by_the_row_it_passes_it_at() {
    let p = wide_csv("over-limit.csv", JUST_OVER, WIDE_COLUMNS);
    // 4,400,000 / 120 = 36,666.7: the header and 36,665 families fit, the next row does not.
    refused(
        "over-limit.csv",
        &p,
        &["读到第36667行时已超过440万个单元格（每行另计20个）"],
    );
}

#[test]
fn shared_strings_past_their_limit_are_refused_before_calamine_holds_them() {
    let rows = register_rows();
    let p = xlsx(
        "sst-big.xlsx",
        |w| w.write_all(rows.as_bytes()).unwrap(),
        Some(Box::new(|w: &mut dyn Write| {
            write!(w, "<?xml version=\"1.0\"?><sst xmlns=\"{MAIN}\">").unwrap();
            let si = "<si><t>abcdefghijklmnopqrstuvwxyz0123456789</t></si>".repeat(1000);
            for _ in 0..1000 {
                w.write_all(si.as_bytes()).unwrap();
            }
            write!(w, "</sst>").unwrap();
        })),
    );
    refused("sst-big.xlsx", &p, &["sharedStrings.xml", "32MB"]);
}

#[test]
fn a_cell_longer_than_a_spreadsheet_allows_is_refused_with_its_row() {
    let long = "长".repeat(40_000);
    let p = register_with(
        "long-cell.xlsx",
        &format!("<row r=\"5\"><c r=\"B5\" t=\"inlineStr\"><is><t>{long}</t></is></c></row>"),
    );
    refused("long-cell.xlsx", &p, &["第5行", "B5", "32767"]);
}

/// register.xls (LibreOffice) with every FAT entry pointing at its own sector.
#[test]
fn an_xls_whose_sector_chain_loops_is_refused_as_damaged() {
    let mut b = std::fs::read(fixture("register.xls")).unwrap();
    let first_fat = u32::from_le_bytes(b[76..80].try_into().unwrap()) as usize;
    let at = (first_fat + 1) * 512;
    for k in 0..128u32 {
        b[at + 4 * k as usize..at + 4 * k as usize + 4].copy_from_slice(&k.to_le_bytes());
    }
    let p = dir().join("fat-loop.xls");
    std::fs::write(&p, &b).unwrap();
    refused("fat-loop.xls", &p, &["已损坏", "环"]);
}

#[test]
fn an_xls_with_a_cell_at_iv65536_is_refused_before_a_dense_range_is_built() {
    refused(
        "far-cell.xls",
        &fixture("hostile-far-cell.xls"),
        &["超过440万个单元格"],
    );
}

#[test]
fn an_ods_with_a_cell_at_iv65536_is_refused_before_a_dense_range_is_built() {
    refused(
        "far-cell.ods",
        &fixture("hostile-far-cell.ods"),
        &["第256列", "超过440万个"],
    );
}

/// The fuzzer's find (tests/register/fuzz/): a register .ods whose styles' tags no longer
/// match and whose last row has a cell at IV65536. The extent count stopped at the first bad
/// tag and let calamine build 65,536 × 256 cells (512 MB); now it reads as leniently as
/// calamine and refuses what it cannot read to the end.
#[test]
fn an_ods_whose_tags_do_not_match_is_refused_as_damaged_before_a_dense_range_is_built() {
    refused(
        "mangled-styles-far-cell.ods",
        &fixture("fuzz/mangled-styles-far-cell.ods"),
        &["已损坏", "content.xml"],
    );
}

fn csv_file(name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir().join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn register_csv() -> String {
    std::fs::read_to_string(fixture("register-utf8.csv")).unwrap()
}

#[test]
fn a_csv_line_past_its_limit_is_refused_with_its_line() {
    // 200 MB in the probe; 2 MiB meets the 1 MiB limit as surely.
    let mut text = register_csv();
    text.push_str(&"x".repeat(2 << 20));
    text.push('\n');
    let line = register_csv().lines().count() + 1;
    let p = csv_file("long-line.csv", text.as_bytes());
    refused("long-line.csv", &p, &[&format!("第{line}行"), "1MB"]);
}

#[test]
fn a_hundred_thousand_columns_are_refused_clearly() {
    let mut text = vec!["列"; 100_000].join(",");
    text.push('\n');
    let p = csv_file("100k-columns.csv", text.as_bytes());
    let t = std::time::Instant::now();
    refused("100k-columns.csv", &p, &["第1行", "100000列", "1000列"]);
    eprintln!("100,000 columns refused in {:?}", t.elapsed());
}

#[test]
fn an_unbalanced_quote_is_reported_with_its_line_not_swallowed() {
    let text = register_csv();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    // Row 4's name opens a quote that never closes.
    lines[3] = lines[3]
        .replacen(",张", ",\"张", 1)
        .replacen(",李", ",\"李", 1);
    if !lines[3].contains('"') {
        lines[3] = format!("\"{}", lines[3]);
    }
    let p = csv_file("quote.csv", (lines.join("\n") + "\n").as_bytes());
    refused("quote.csv", &p, &["第4行", "引号"]);
}

#[test]
fn one_stray_byte_leaves_a_utf8_csv_in_utf8_and_names_its_line() {
    let mut b = register_csv().into_bytes();
    let line3 = b
        .iter()
        .enumerate()
        .filter(|(_, &c)| c == b'\n')
        .nth(1)
        .unwrap()
        .0;
    b.insert(line3 + 3, 0xFF);
    let p = csv_file("stray-ff.csv", &b);
    let run = register("stray-ff.csv", &p, "csv");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("按UTF-8编码读取"), "{}", run.stderr);
    assert!(run.stderr.contains("CSV文件第3行有"), "{}", run.stderr);
    assert!(
        run.stderr.contains("line 3 of the CSV file holds bytes"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("共12户"), "{}", run.stderr);
}

#[test]
fn the_csv_exports_header_row_is_escaped_like_its_cells() {
    let text = register_csv().replacen("备注", "=HYPERLINK(\"http://x\")", 1);
    let p = csv_file("formula-header.csv", text.as_bytes());
    let run = register("formula-header.csv", &p, "csv");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = std::fs::read_to_string(&run.out).unwrap();
    let head = out.lines().next().unwrap();
    assert!(head.contains("'=HYPERLINK"), "{head}");
}

#[test]
fn a_real_xlsx_named_ods_is_read() {
    let p = dir().join("really-xlsx.ods");
    std::fs::copy(fixture("register.xlsx"), &p).unwrap();
    let run = register("really-xlsx.ods", &p, "csv");
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn a_damaged_file_is_named_in_whole_words() {
    let p = dir().join("damaged.xlsx");
    let mut b = std::fs::read(fixture("register.xlsx")).unwrap();
    b.truncate(b.len() / 2);
    std::fs::write(&p, &b).unwrap();
    let run = refused("damaged.xlsx", &p, &["无法读取这个.xlsx文件"]);
    assert!(!run.stderr.contains("这个.表格"), "{}", run.stderr);
}

#[test]
fn an_id_number_of_32000_characters_is_refused_in_its_row_and_the_xlsx_export_holds() {
    // Within the cell limit, so the file is read; the row's 错误 quotes the start of it.
    let text = register_csv();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut cells: Vec<String> = lines[1].split(',').map(str::to_string).collect();
    cells[11] = "4".repeat(32_000);
    lines[1] = cells.join(",");
    let p = csv_file("long-id.csv", (lines.join("\n") + "\n").as_bytes());
    let run = register("long-id.xlsx", &p, "xlsx");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let back = fuzhu::register::file::read_path(&run.out).unwrap();
    let rows = &back[0].1;
    let error = rows[0]
        .iter()
        .position(|c| *c == Cell::Text("错误".into()))
        .unwrap();
    assert!(
        matches!(&rows[1][error], Cell::Text(t) if t.contains("不是18位居民身份证号（32000位）")),
        "{:?}",
        rows[1].get(error)
    );
}

/// The register's first family on `n` rows, every one with her ID number (a column copied
/// down), each its own 编号.
fn one_id_on_rows(n: usize) -> String {
    let text = register_csv();
    let mut lines = text.lines();
    let mut out = String::from(lines.next().unwrap());
    out.push('\n');
    let family = lines.next().unwrap();
    for k in 0..n {
        out.push_str(&family.replacen("KF-001", &format!("D-{k}"), 1));
        out.push('\n');
    }
    out
}

/// The output's 提醒 and 错误 cells of every data row, read back from the exported CSV.
fn notes_of(out: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(out).unwrap();
    let rows = fuzhu::register::file::read_csv(text.as_bytes()).unwrap();
    let at = |h: &str| {
        rows[0]
            .iter()
            .position(|c| *c == Cell::Text(h.into()))
            .unwrap()
    };
    let (remind, error) = (at("提醒"), at("错误"));
    rows[1..]
        .iter()
        .map(|r| {
            let t = |k: usize| {
                r.get(k)
                    .and_then(fuzhu::register::values::text)
                    .unwrap_or_default()
            };
            format!("{}|{}", t(remind), t(error))
        })
        .collect()
}

#[test]
fn twenty_thousand_rows_with_one_id_number_each_name_ten_others_and_the_count_in_little_memory() {
    let p = csv_file("same20k.csv", one_id_on_rows(20_000).as_bytes());
    let run = register("same20k.csv", &p, "csv");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("共20000户"), "{}", run.stderr);
    // 661 MB and an abort when each row listed the 19,999 others.
    assert!(run.peak_kb < 150 * 1024, "peak {} MB", run.peak_kb / 1024);
    let notes = notes_of(&run.out);
    assert_eq!(notes.len(), 20_000);
    // Row 2 (the first family) names rows 3 to 12, then how many there are.
    assert!(
        notes[0].contains(
            "与第3、4、5、6、7、8、9、10、11、12行等19999行的身份证号相同（共20000行是这个号码"
        ),
        "{}",
        notes[0]
    );
    // The last row (20,001) names the first ten others, not itself.
    assert!(
        notes[19_999].contains("与第2、3、4、5、6、7、8、9、10、11行等19999行"),
        "{}",
        notes[19_999]
    );
    let longest = notes.iter().map(|n| n.chars().count()).max().unwrap();
    assert!(longest < 400, "a row's notes run to {longest} characters");
}

#[test]
fn the_same_id_number_on_three_rows_names_the_other_two_on_each() {
    let p = csv_file("same3.csv", one_id_on_rows(3).as_bytes());
    let run = register("same3.csv", &p, "csv");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let notes = notes_of(&run.out);
    for (n, others) in notes.iter().zip(["第3、4行", "第2、4行", "第2、3行"]) {
        assert!(
            n.contains(&format!(
                "与{others}的身份证号相同（同一人登记了不止一次？）"
            )),
            "{n}"
        );
        assert!(!n.contains("共3行"), "{n}");
    }
}

/// The register of tests/register, its rows as `edit` leaves them, decided.
fn decided(edit: impl FnOnce(&mut Vec<Vec<Cell>>)) -> fuzhu::register::Register {
    let mut rows = fuzhu::register::file::read_csv(register_csv().as_bytes()).unwrap();
    edit(&mut rows);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    fuzhu::register::check(rows, today).unwrap()
}

#[test]
fn a_cell_longer_than_an_xlsx_holds_is_cut_with_a_note_in_its_rows_reminders_and_a_notice() {
    let reg = decided(|rows| {
        let last = rows[1].len() - 1;
        assert_eq!(rows[0][last], Cell::Text("备注".into()));
        rows[1][last] = Cell::Text("长".repeat(40_000));
    });
    let (bytes, notices) = fuzhu::register::file::xlsx_with_notices(&reg).unwrap();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0]
            .zh
            .contains("1行有超过32767个字符的单元格，导出的.xlsx里已截断"),
        "{}",
        notices[0].zh
    );
    let sheet = common::export_sheet(&bytes);
    let header = common::header_of(&sheet);
    let col = |h: &str| header.iter().position(|x| x == h).unwrap();
    let first = sheet.rows().nth(1).unwrap();
    assert_eq!(first[col("备注")].to_string().chars().count(), 32_767);
    let note = first[col("提醒")].to_string();
    assert!(
        note.contains("备注（")
            && note.contains("的内容超过32767个字符，.xlsx里只保留了前32767个（CSV里是全文）"),
        "{note}"
    );
    // The rows after it are whole and carry no such note.
    let second = sheet.rows().nth(2).unwrap();
    assert!(!second[col("提醒")].to_string().contains("32767"));
}

#[test]
fn input_columns_past_an_xlsxs_16384_are_left_out_and_named_and_the_answers_kept() {
    let extra = 17_000;
    let reg = decided(|rows| {
        let n = rows[0].len();
        for (k, row) in rows.iter_mut().enumerate() {
            row.resize(n, Cell::Empty);
            row.extend((0..extra).map(|c| {
                if k == 0 {
                    Cell::Text(format!("附加{c}"))
                } else {
                    Cell::Empty
                }
            }));
        }
    });
    let headers = reg.output_headers();
    assert!(headers.len() > 16_384);
    let (bytes, notices) = fuzhu::register::file::xlsx_with_notices(&reg).unwrap();
    let over = headers.len() - 16_384;
    let said = notices
        .iter()
        .find(|n| n.zh.contains("Excel表格最多16384列"))
        .unwrap_or_else(|| panic!("{notices:?}"));
    assert!(
        said.zh.contains(&format!("导出的.xlsx没有这{over}列：")),
        "{}",
        said.zh
    );
    // The input columns just before the answers go, each named with its column letter.
    let first_gone = headers.iter().position(|h| h == "特殊家庭").unwrap() - over;
    assert!(
        said.zh.contains(&format!(
            "{}（{}）",
            headers[first_gone],
            fuzhu::register::file::column_name(first_gone as u32)
        )),
        "{}",
        said.zh
    );
    let sheet = common::export_sheet(&bytes);
    assert_eq!(sheet.width(), 16_384);
    let header = common::header_of(&sheet);
    assert_eq!(header[0], "编号");
    assert_eq!(header.last(), headers.last());
    assert!(header.contains(&"特殊家庭".to_string()));
    assert!(!header.contains(&headers[first_gone]));
}

#[test]
fn libreoffice_opens_the_csv_exports_formula_header_as_text_not_a_formula() {
    let found = Command::new("soffice").arg("--version").output();
    if !found.is_ok_and(|o| o.status.success()) {
        eprintln!("SKIPPED: soffice (LibreOffice) is not installed; scripts/setup.sh installs libreoffice-calc-nogui");
        return;
    }
    let text = register_csv().replacen("备注", "=HYPERLINK(\"http://x\")", 1);
    let p = csv_file("formula-header-lo.csv", text.as_bytes());
    let run = register("formula-header-lo.csv", &p, "csv");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lo = dir().join("lo");
    let _ = std::fs::remove_dir_all(&lo);
    std::fs::create_dir_all(&lo).unwrap();
    let o = Command::new("soffice")
        .args([
            "--headless",
            &format!("-env:UserInstallation=file://{}/profile", lo.display()),
            "--infilter=CSV:44,34,76,1",
            "--convert-to",
            "xlsx",
            "--outdir",
        ])
        .arg(&lo)
        .arg(&run.out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{o:?}");
    let bytes = std::fs::read(lo.join("formula-header-lo.csv.out.xlsx")).unwrap();
    use calamine::Reader;
    let mut wb = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let name = wb.sheet_names()[0].clone();
    let values = wb.worksheet_range(&name).unwrap();
    let formulas = wb.worksheet_formula(&name).unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "LibreOffice read a formula: {:?}",
        formulas.used_cells().find(|(_, _, f)| !f.is_empty())
    );
    let header = common::header_of(&values);
    assert!(
        header
            .iter()
            .any(|h| h.contains("=HYPERLINK(\"http://x\")")),
        "{header:?}"
    );
    let _ = std::fs::remove_dir_all(&lo);
}
