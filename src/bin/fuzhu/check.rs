//! `fuzhu check`: a household or a register in, the decisions out.
//!
//! A register is read record by record (serde_json through [`json`]'s sequence visitor), so
//! memory stays bounded whatever its size.
//! Every record is decided once to know whether it is good; the good records' text goes to a
//! temporary spool file (never more than the input itself) and is decided again and written
//! only once the whole input has been read, so a refusal leaves standard output empty.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Seek, Write};
use std::path::PathBuf;

use chrono::{Local, NaiveDate};
use fuzhu::rules::{self, Facts, Outcome};
use serde::de::{self, Deserializer as _, SeqAccess, Visitor};
use serde::ser::{SerializeSeq, Serializer as _};
use serde::Serialize;

use super::json::{Input, Record, RecordSeed, ScanError};
use super::message::{self, Problem};
use super::{fail_output, refuse, Output, EXIT_IO, EXIT_REFUSED};

pub struct Options {
    pub file: String,
    pub compact: bool,
    pub skip_invalid: bool,
}

pub fn check(opts: &Options) -> i32 {
    let today = Local::now().date_naive();
    let input: Box<dyn Read> = if opts.file == "-" {
        let stdin = io::stdin();
        if stdin.is_terminal() {
            eprintln!(
                "正在从标准输入读取JSON，输入完毕后按Ctrl-D（Windows上按Ctrl-Z再回车） / reading JSON from standard input; end it with Ctrl-D (Ctrl-Z, Enter on Windows)"
            );
        }
        Box::new(stdin.lock())
    } else {
        match open(&opts.file) {
            Ok(f) => Box::new(f),
            Err(p) => return refuse(&p, None),
        }
    };
    let input = Input::new(BufReader::with_capacity(1 << 16, input));
    match read(&input, opts, today) {
        Ok(Read1::One(outcome)) => {
            let mut out = Output::stdout();
            let written = if opts.compact {
                serde_json::to_writer(&mut out, &outcome)
            } else {
                serde_json::to_writer_pretty(&mut out, &outcome)
            };
            finish(out, written.map_err(io::Error::from))
        }
        Ok(Read1::Many(spool)) => write_register(spool, opts, today),
        Err(code) => code,
    }
}

fn open(file: &str) -> Result<File, Problem> {
    let shown = message::shown(file);
    let cannot = |e: io::Error| {
        Problem::new(
            format!("无法读取{shown}：{}", message::io_zh(&e)),
            format!("cannot read {shown}: {e}"),
        )
    };
    let f = File::open(file).map_err(cannot)?;
    if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        return Err(Problem::new(
            format!("{shown}是一个文件夹，不是文件"),
            format!("cannot read {shown}: it is a directory"),
        ));
    }
    Ok(f)
}

enum Read1 {
    One(Outcome),
    Many(Spool),
}

/// Reads the whole input, printing a line for each bad record; what there is to write, or the
/// exit code when nothing is.
fn read<R: BufRead>(s: &Input<R>, opts: &Options, today: NaiveDate) -> Result<Read1, i32> {
    let first = s.start().map_err(scanned)?;
    match first {
        None => Err(refuse(
            &Problem::new(
                "输入是空的，没有可检查的家庭",
                "the input is empty: there is no household to check",
            ),
            None,
        )),
        Some(b'{') => {
            let rec = s.one().map_err(scanned)?;
            let text = match rec {
                Record::Text(t) => t,
                Record::TooLong => return Err(refuse(&message::too_long(), None)),
            };
            decide(&text, today)
                .map(Read1::One)
                .map_err(|p| refuse(&p, None))
        }
        Some(b'[') => read_register(s, opts, today),
        Some(b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n') => Err(refuse(
            &Problem::new(
                "输入应为一个家庭（用花括号{}括起来的JSON对象），或由家庭组成的数组（用方括号[]括起来）",
                "the input must be a household object or an array of them",
            ),
            None,
        )),
        Some(_) => Err(scanned(s.unexpected_next())),
    }
}

/// The exit code for a syntax or read error in a single household or before a register's
/// first record, its line printed.
fn scanned(e: ScanError) -> i32 {
    match e {
        ScanError::Io(_) => refuse_io(&message::scan_error(&e)),
        e => refuse(&message::scan_error(&e), None),
    }
}

/// The same for an error at or after record `n` of a register (`n` = 0: outside any record);
/// it ends the reading.
fn broken(n: u64, e: ScanError) -> i32 {
    say(&message::scan_error(&e).line((n > 0).then_some(n)));
    match e {
        ScanError::Io(_) => EXIT_IO,
        _ => EXIT_REFUSED,
    }
}

/// One record's decision, or why it is refused.
fn decide(text: &[u8], today: NaiveDate) -> Result<Outcome, Problem> {
    if text.first() != Some(&b'{') {
        // serde would read an array into a struct field by field: a register's record must be
        // an object, named field by named field.
        return Err(message::not_an_object());
    }
    let mut de = serde_json::Deserializer::from_slice(text);
    let facts: Facts = serde_path_to_error::deserialize(&mut de).map_err(message::serde_error)?;
    rules::evaluate(&facts, today).map_err(|e| Problem {
        at: Some(message::At::Field(message::escape(&e.field))),
        zh: e.zh,
        en: e.en,
    })
}

fn read_register<R: BufRead>(s: &Input<R>, opts: &Options, today: NaiveDate) -> Result<Read1, i32> {
    let spool = Spool::new().map_err(|e| spool_failed(&e))?;
    let mut register = Register {
        input: s,
        spool,
        today,
        bad: 0,
        spool_failed: None,
    };
    // A syntax error ends the reading: what follows cannot be told apart into records.
    let mut de = serde_json::Deserializer::from_reader(s);
    let read = de.deserialize_seq(&mut register);
    if let Some(e) = register.spool_failed.take() {
        return Err(spool_failed(&e));
    }
    if let Err(e) = read {
        let (n, e) = s.error_in_register(e);
        return Err(broken(n, e));
    }
    if let Err(e) = de.end() {
        return Err(broken(0, s.error(e)));
    }
    if s.records() == 0 {
        return Err(refuse(
            &Problem::new(
                "输入是一个空数组，没有可检查的家庭",
                "the input is an empty array: there is no household to check",
            ),
            None,
        ));
    }
    if register.spool.count == 0 || (register.bad > 0 && !opts.skip_invalid) {
        return Err(EXIT_REFUSED);
    }
    Ok(Read1::Many(register.spool))
}

/// The register's array, read by serde_json record by record: each decided as it comes, a
/// line said for each bad one, the good ones' text spooled.
struct Register<'a, R> {
    input: &'a Input<R>,
    spool: Spool,
    today: NaiveDate,
    bad: u64,
    spool_failed: Option<io::Error>,
}

impl<'de, R: BufRead> Visitor<'de> for &mut Register<'_, R> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of households")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let seed = || RecordSeed {
            input: self.input,
            started: true,
        };
        while let Some(rec) = self.input.stopped_at_error(seq.next_element_seed(seed()))? {
            let n = self.input.records();
            let decided = match rec {
                Record::TooLong => Err(message::too_long()),
                Record::Text(text) => decide(&text, self.today).map(|_| text),
            };
            match decided {
                Ok(text) => {
                    if let Err(e) = self.spool.push(n, &text) {
                        self.spool_failed = Some(e);
                        return Err(de::Error::custom("cannot spool"));
                    }
                }
                Err(p) => {
                    self.bad += 1;
                    say(&p.line(Some(n)));
                }
            }
        }
        Ok(())
    }
}

fn say(line: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

fn refuse_io(p: &Problem) -> i32 {
    say(&p.line(None));
    EXIT_IO
}

fn spool_failed(e: &io::Error) -> i32 {
    refuse_io(&Problem::new(
        format!("无法写入临时文件：{}", message::io_zh(e)),
        format!("cannot write the temporary file: {e}"),
    ))
}

/// Writes the register's answer from the spool: an array in the input's order, each element
/// carrying its `index` (from 1) when bad records were skipped.
fn write_register(spool: Spool, opts: &Options, today: NaiveDate) -> i32 {
    let mut records = match spool.reader() {
        Ok(r) => r,
        Err(e) => return spool_failed(&e),
    };
    let mut out = Output::stdout();
    let written = if opts.compact {
        let mut ser = serde_json::Serializer::new(&mut out);
        write_all(&mut ser, &mut records, opts.skip_invalid, today)
    } else {
        let mut ser = serde_json::Serializer::pretty(&mut out);
        write_all(&mut ser, &mut records, opts.skip_invalid, today)
    };
    finish(out, written)
}

#[derive(Serialize)]
struct Indexed<'a> {
    index: u64,
    #[serde(flatten)]
    outcome: &'a Outcome,
}

fn write_all<W: Write, F: serde_json::ser::Formatter>(
    ser: &mut serde_json::Serializer<W, F>,
    records: &mut SpoolReader,
    indexed: bool,
    today: NaiveDate,
) -> io::Result<()> {
    let mut seq = ser.serialize_seq(None)?;
    while let Some((index, text)) = records.next()? {
        let outcome = decide(&text, today).map_err(|p| {
            // Decided once already on the same text and date: only a bug lands here.
            io::Error::other(format!("record {index} changed its decision: {}", p.en))
        })?;
        if indexed {
            seq.serialize_element(&Indexed {
                index,
                outcome: &outcome,
            })?;
        } else {
            seq.serialize_element(&outcome)?;
        }
    }
    seq.end()?;
    Ok(())
}

fn finish(mut out: Output, written: io::Result<()>) -> i32 {
    match written
        .and_then(|()| writeln!(out))
        .and_then(|()| out.flush())
    {
        Ok(()) => 0,
        Err(e) => fail_output(&e),
    }
}

/// The good records' text, in a temporary file readable only by its owner and removed
/// (on Unix, unlinked as soon as it is open, so even a killed run leaves nothing behind).
struct Spool {
    file: BufWriter<File>,
    _remove: Remove,
    count: u64,
}

impl Spool {
    fn new() -> io::Result<Spool> {
        let dir = std::env::temp_dir();
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let mut last = None;
        for attempt in 0..16u32 {
            let path = dir.join(format!(
                "fuzhu-check-{}-{stamp}-{attempt}.spool",
                std::process::id()
            ));
            let mut o = std::fs::OpenOptions::new();
            o.read(true).write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
            match o.open(&path) {
                Ok(f) => {
                    let remove = Remove(path);
                    #[cfg(unix)]
                    let _ = std::fs::remove_file(&remove.0);
                    return Ok(Spool {
                        file: BufWriter::with_capacity(1 << 16, f),
                        _remove: remove,
                        count: 0,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or_else(|| io::Error::other("no temporary file name is free")))
    }

    fn push(&mut self, index: u64, text: &[u8]) -> io::Result<()> {
        self.file.write_all(&index.to_le_bytes())?;
        self.file.write_all(&(text.len() as u64).to_le_bytes())?;
        self.file.write_all(text)?;
        self.count += 1;
        Ok(())
    }

    fn reader(self) -> io::Result<SpoolReader> {
        let mut f = self.file.into_inner().map_err(|e| e.into_error())?;
        f.rewind()?;
        Ok(SpoolReader {
            file: BufReader::with_capacity(1 << 16, f),
            _remove: self._remove,
        })
    }
}

/// Fields drop in order: the file is closed before its name is removed.
struct SpoolReader {
    file: BufReader<File>,
    _remove: Remove,
}

impl SpoolReader {
    fn next(&mut self) -> io::Result<Option<(u64, Vec<u8>)>> {
        let mut word = [0u8; 8];
        match self.file.read_exact(&mut word) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
            Err(e) => return Err(e),
        }
        let index = u64::from_le_bytes(word);
        self.file.read_exact(&mut word)?;
        let mut text = vec![0; u64::from_le_bytes(word) as usize];
        self.file.read_exact(&mut text)?;
        Ok(Some((index, text)))
    }
}

/// Removes the spool file where it could not be unlinked while open (not Unix).
struct Remove(#[cfg_attr(unix, allow(dead_code))] PathBuf);

impl Drop for Remove {
    fn drop(&mut self) {
        #[cfg(not(unix))]
        let _ = std::fs::remove_file(&self.0);
    }
}
