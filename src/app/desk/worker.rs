//! Reading and deciding a register off the page's thread, so the page keeps answering while
//! a 10,000-row file is read (docs/register.md, docs/benchmarks.md).
//!
//! The worker is this same wasm, started in a module worker by `static/office-worker.js`
//! (built as `fuzhu-office-worker-<hash>.js`; office.html's loader names it, with the page's
//! JS glue and wasm, in `window.fuzhuOffice`): same origin, nothing more to download, and
//! `main` (`desk::start`) sees that it runs in a worker and calls [`serve`]. The page posts the
//! chosen `File` itself (a worker reads it with `FileReaderSync`; it is never sent anywhere),
//! and the worker answers with bytes (`register::wire`), each message one tag byte then its
//! data: the number of rows, the rows decided in chunks of [`CHUNK`], then the register's
//! head with its filters' counts ([`Counts`]), or the file's refusal. The page turns each chunk back into rows in its own short task
//! and shows how many households are read.
//!
//! Where a worker cannot start (no module workers, the script missing, a wasm that fails to
//! start there), the page reads the file itself as before (`browser::read`), in one task.
//! A worker that dies once it has the file (it ran out of memory, or trapped) fails alone:
//! the page says the file could not be read and why it thinks so, never reads that file on
//! its own thread, and the next file gets a fresh worker.
//! A worker lives for one file and its register: once the register has arrived it keeps it,
//! and the county's view asks it (`ask`) for the 统计, the register decided for a day ahead
//! with the families that change by then, and 与上次比较 with an earlier export, so that
//! 100,000 families are summed off the page's thread while the page shows how far it has got
//! (docs/benchmarks.md). It is ended on 清除, on the idle wipe and when another file is
//! chosen, so no copy of a register stays in it.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDate;
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::File;

use super::matching::{self, Next};
use crate::register::changes::{self, Change};
use crate::register::compare::{self, Diff};
use crate::register::stats::{self, Stats};
use crate::register::view::{self, FILTERS};
use crate::register::{file, wire, Checked, ColumnMap, FileError, Register};

/// How many households each filter keeps (`view::counts`): counted in the worker, with the
/// register, so the page never counts 100,000 households in one task.
pub type Counts = [usize; FILTERS];

/// The register's head, then its filters' counts.
fn head_counted(w: &mut wire::Writer, reg: &Register) {
    w.head(reg);
    for c in view::counts(reg) {
        w.n(c);
    }
}

/// What [`head_counted`] wrote.
fn read_counted(r: &mut wire::Reader) -> Option<(Register, Counts)> {
    let reg = r.head()?;
    let mut counts = [0; FILTERS];
    for c in &mut counts {
        *c = r.n()?;
    }
    Some((reg, counts))
}

/// Rows decided and posted at a time: small enough that the page reads one chunk back in a
/// few milliseconds, large enough that the messages cost nothing to speak of.
pub const CHUNK: usize = 400;

const READY: u8 = b'r';
const TOTAL: u8 = b't';
const ROWS: u8 = b'R';
const DONE: u8 = b'D';
const FAILED: u8 = b'E';
/// The matching step, to show before deciding (`matching::encode`).
const ASK: u8 = b'M';
/// How far a question about the held register has got: rows done, rows in all.
const PROGRESS: u8 = b'p';
const STATS: u8 = b'S';
/// A day ahead's end: the register's head and the families that change (its rows came
/// before as `ROWS`).
const AHEAD: u8 = b'A';
/// 与上次比较's families, [`CHUNK`] at a time; an empty chunk ends them.
const DIFFS: u8 = b'd';
/// The worker does not hold the register asked about: the page works it out itself.
const AWAY: u8 = b'N';

/// What the page hears of a question about the register the worker holds (`ask`).
pub enum Answer {
    /// Done so far, out of.
    Progress(usize, usize),
    Stats(Stats),
    /// The register decided for the day ahead, its filters' counts, and the families that
    /// change by then.
    Ahead(Register, Counts, Vec<Change>),
    Diffs(Vec<Diff>),
    /// The earlier export could not be read, or the worker stopped.
    Failed(FileError),
    /// No worker holds this register: the page works it out on its own thread.
    Away,
}

/// What the page hears of a file being read.
pub enum Event {
    /// Households decided so far, and the data rows in all.
    Progress(usize, usize),
    /// The register, and how many households each filter keeps.
    Done(Register, Counts),
    Failed(FileError),
    /// The register's columns, for the clerk to match before it is decided.
    Ask(crate::register::matching::Matching),
}

/// The message when the worker reading a file stopped: `why` is the browser's own report.
/// A wasm module that cannot grow its memory traps ("RuntimeError: unreachable": the
/// allocator's failure aborts, and an abort is that trap), so a trap is read as what it
/// almost always is with a register: memory (docs/decisions.md).
pub fn stopped(why: &str) -> FileError {
    let w = why.to_ascii_lowercase();
    let (zh, en): (String, String) = if ["memory", "unreachable", "runtimeerror"]
        .iter()
        .any(|k| w.contains(k))
    {
        ("内存不够".to_string(), "it ran out of memory".to_string())
    } else if why.is_empty() {
        ("没有说明原因".to_string(), "without saying why".to_string())
    } else {
        (format!("出错：{why}"), format!("error: {why}"))
    };
    stopped_because(&zh, &en)
}

fn stopped_because(zh: &str, en: &str) -> FileError {
    FileError::new(
        format!("无法读取这个文件：读取它的后台任务中途停止了（{zh}）。文件可能太大或已损坏；请确认选的是台账，或用表格软件打开后另存为.xlsx再试"),
        format!("cannot read this file: the background task reading it stopped ({en}). The file may be too large or damaged; check that it is the register, or open it in a spreadsheet program and save it as .xlsx"),
    )
}

/// The message when the browser cannot read the chosen file.
pub fn unreadable() -> FileError {
    FileError::new(
        "浏览器读不出这个文件，请确认文件没有被别的程序占用，再选一次",
        "the browser could not read the file: make sure no other program holds it, and choose it again",
    )
}

// The few worker APIs used, bound here rather than through web-sys's features: enabling those
// features changes the family page's wasm by a few bytes, and its first load must not grow.
#[wasm_bindgen]
extern "C" {
    /// A dedicated worker, as the page sees it.
    #[derive(Clone)]
    type Worker;
    #[wasm_bindgen(constructor, catch)]
    fn new(url: &str, options: &JsValue) -> Result<Worker, JsValue>;
    #[wasm_bindgen(method, catch, js_name = postMessage)]
    fn post_message(this: &Worker, message: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method)]
    fn terminate(this: &Worker);
    #[wasm_bindgen(method, setter)]
    fn set_onmessage(this: &Worker, f: &JsValue);
    #[wasm_bindgen(method, setter)]
    fn set_onerror(this: &Worker, f: &JsValue);

    /// The worker's global scope, as the worker sees it.
    #[derive(Clone)]
    pub type Scope;
    #[wasm_bindgen(method, catch, js_name = postMessage)]
    fn post_message_with_transfer(
        this: &Scope,
        message: &JsValue,
        transfer: &JsValue,
    ) -> Result<(), JsValue>;
    #[wasm_bindgen(method, setter)]
    fn set_onmessage(this: &Scope, f: &JsValue);

    /// Reads a file at once, in a worker.
    type FileReaderSync;
    #[wasm_bindgen(constructor, catch)]
    fn new() -> Result<FileReaderSync, JsValue>;
    #[wasm_bindgen(method, catch, js_name = readAsArrayBuffer)]
    fn read_as_array_buffer(
        this: &FileReaderSync,
        blob: &File,
    ) -> Result<js_sys::ArrayBuffer, JsValue>;
}

// ---- In the worker ----

/// The worker's scope, when this wasm runs in a worker (the office page's): no window, and
/// the global `importScripts` and `postMessage` of a worker.
pub fn scope() -> Option<Scope> {
    if web_sys::window().is_some() {
        return None;
    }
    let global = js_sys::global();
    let has = |k: &str| Reflect::has(&global, &JsValue::from_str(k)).unwrap_or(false);
    (has("importScripts") && has("postMessage")).then(|| global.unchecked_into())
}

/// In the worker: answers every file the page posts, then says it is ready.
pub fn serve(scope: Scope) {
    let s = scope.clone();
    let on = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| answer(&s, &field(&e, "data")));
    scope.set_onmessage(on.as_ref());
    on.forget();
    post(&scope, READY, &[]);
}

fn post(scope: &Scope, tag: u8, body: &[u8]) {
    let mut bytes = Vec::with_capacity(body.len() + 1);
    bytes.push(tag);
    bytes.extend_from_slice(body);
    let array = Uint8Array::from(&bytes[..]);
    let _ = scope.post_message_with_transfer(&array, &Array::of1(&array.buffer()));
}

fn field(data: &JsValue, name: &str) -> JsValue {
    Reflect::get(data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// In the worker: the register it read and decided, and the same decided for a day ahead.
struct Held {
    base: Register,
    ahead: Option<(NaiveDate, Register)>,
}

thread_local! {
    static HELD: RefCell<Option<Held>> = const { RefCell::new(None) };
}

fn day_of(data: &JsValue, name: &str) -> Option<NaiveDate> {
    field(data, name)
        .as_string()
        .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
}

fn pair(a: usize, b: usize) -> Vec<u8> {
    let mut w = wire::Writer::new();
    w.n(a);
    w.n(b);
    w.bytes
}

/// In the worker: a question about the held register (`do` names it: `stats`, `ahead`,
/// `compare`), answered with its progress, then the answer.
fn job(scope: &Scope, what: &str, data: &JsValue) {
    HELD.with(|h| {
        let mut h = h.borrow_mut();
        let Some(held) = h.as_mut() else {
            post(scope, AWAY, &[]);
            return;
        };
        let ahead = day_of(data, "ahead");
        let reg = match ahead {
            None => Some(&held.base),
            Some(d) => held.ahead.as_ref().filter(|(a, _)| *a == d).map(|(_, r)| r),
        };
        let n = held.base.rows.len();
        let tell = |k: usize, total: usize| post(scope, PROGRESS, &pair(k, total));
        let mut w = wire::Writer::new();
        match (what, reg, day_of(data, "date")) {
            ("stats", Some(reg), Some(date)) => {
                let mut tell = |k| tell(k, n);
                // `rows`: the families the page lists, for its export of them.
                let listed = field(data, "rows").dyn_into::<Uint8Array>().ok().map(|a| {
                    let b = a.to_vec();
                    let mut r = wire::Reader::new(&b);
                    std::iter::from_fn(|| r.n()).collect::<Vec<usize>>()
                });
                w.stats(&stats::compute_listed(
                    reg,
                    listed.as_deref(),
                    date,
                    &mut tell,
                ));
                post(scope, STATS, &w.bytes);
            }
            ("ahead", _, Some(date)) => {
                let today = day_of(data, "today").unwrap_or(date);
                // Three parts: deciding again, finding the changes, the rows sent back.
                let after =
                    changes::redecide_with(&held.base, date, today, &mut |k| tell(k, 3 * n));
                let list =
                    changes::between_with(&held.base, &after, date, &mut |k| tell(n + k, 3 * n));
                for chunk in after.rows.chunks(CHUNK) {
                    post(scope, ROWS, &wire::rows(chunk));
                }
                head_counted(&mut w, &after);
                w.changes(&list);
                post(scope, AHEAD, &w.bytes);
                held.ahead = Some((date, after));
            }
            ("compare", Some(reg), _) => {
                let name = field(data, "name").as_string().unwrap_or_default();
                let old = field(data, "file")
                    .dyn_into::<File>()
                    .ok()
                    .and_then(|f| FileReaderSync::new().ok()?.read_as_array_buffer(&f).ok())
                    .map(|buf| Uint8Array::new(&buf).to_vec());
                let old = old.map_or_else(
                    || Err(unreadable()),
                    |b| compare::read_export_bytes(&b, &name),
                );
                match old {
                    Ok(old) => {
                        let list = compare::with_register(&old, reg, &mut |k| tell(k, n));
                        // In chunks, each read back on the page in a task of its own; an
                        // empty one ends the list.
                        for chunk in list.chunks(CHUNK).chain([&[][..]]) {
                            let mut w = wire::Writer::new();
                            w.diffs(chunk);
                            post(scope, DIFFS, &w.bytes);
                        }
                    }
                    Err(e) => {
                        w.file_error(&e);
                        post(scope, FAILED, &w.bytes);
                    }
                }
            }
            _ => post(scope, AWAY, &[]),
        }
    });
}

fn answer(scope: &Scope, data: &JsValue) {
    if let Some(what) = field(data, "do").as_string() {
        job(scope, &what, data);
        return;
    }
    HELD.with(|h| h.borrow_mut().take());
    let fail = |e: &FileError| {
        let mut w = wire::Writer::new();
        w.file_error(e);
        post(scope, FAILED, &w.bytes);
    };
    let name = field(data, "name").as_string().unwrap_or_default();
    let today = day_of(data, "today");
    let (Ok(f), Some(today)) = (field(data, "file").dyn_into::<File>(), today) else {
        fail(&unreadable());
        return;
    };
    let bytes = FileReaderSync::new()
        .and_then(|r| r.read_as_array_buffer(&f))
        .map(|buf| Uint8Array::new(&buf).to_vec());
    let Ok(bytes) = bytes else {
        fail(&unreadable());
        return;
    };
    let read = file::read_with_notices(&bytes, &name);
    drop(bytes);
    let (sheets, notices) = match read {
        Ok((s, n)) => (Ok(s), n),
        Err(e) => (Err(e), Vec::new()),
    };
    // The page's matching (a file it has read with the browser's parser), and whether to stop
    // at the matching step.
    let map = field(data, "map")
        .as_string()
        .and_then(|t| matching::from_json(&t, crate::flow::text::Lang::Zh).ok());
    let ask = field(data, "ask").as_f64().unwrap_or(0.0) as u8;
    let mut pending = match sheets.and_then(|s| matching::next(s, today, map.as_ref(), ask)) {
        Ok(Next::Decide(p)) => *p,
        Ok(Next::Ask(m)) => {
            post(scope, ASK, &matching::encode(&m));
            return;
        }
        Err(e) => {
            fail(&e);
            return;
        }
    };
    let mut w = wire::Writer::new();
    w.n(pending.total());
    post(scope, TOTAL, &w.bytes);
    loop {
        let from = pending.done();
        if pending.step(CHUNK) == 0 {
            break;
        }
        post(scope, ROWS, &wire::rows(&pending.rows()[from..]));
    }
    let reg = file::with_notices(pending.finish(), notices);
    let mut w = wire::Writer::new();
    head_counted(&mut w, &reg);
    post(scope, DONE, &w.bytes);
    // Kept for the county's view, until the page ends this worker.
    HELD.with(|h| {
        *h.borrow_mut() = Some(Held {
            base: reg,
            ahead: None,
        })
    });
}

// ---- On the page ----

/// The addresses office.html's loader gives: the worker script, the page's JS glue, its wasm.
struct Files {
    worker: String,
    js: String,
    wasm: String,
}

fn files() -> Option<Files> {
    let window = web_sys::window()?;
    let o = Reflect::get(&window, &JsValue::from_str("fuzhuOffice")).ok()?;
    let get = |k: &str| field(&o, k).as_string();
    let base = window.location().href().ok()?;
    let abs = |u: String| {
        web_sys::Url::new_with_base(&u, &base)
            .ok()
            .map(|u| u.href())
    };
    Some(Files {
        worker: abs(get("worker")?)?,
        js: abs(get("js")?)?,
        wasm: abs(get("wasm")?)?,
    })
}

/// One worker: ready or not, and the file to post to it once it says it is.
struct Job {
    id: u32,
    worker: Worker,
    ready: bool,
    waiting: Option<JsValue>,
    /// Whether it has been given the file: from then on, its failure is the file's.
    posted: bool,
    _on_message: Closure<dyn FnMut(JsValue)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

/// What one file's reading needs on the page: how to tell the page, and how to read the file
/// in the page when the worker fails.
struct Reading {
    events: Rc<dyn Fn(Event)>,
    fallback: Option<Box<dyn FnOnce()>>,
    rows: Vec<Checked>,
    households: usize,
    total: usize,
}

/// A question asked of the held register's worker, waiting for its answer (answered in the
/// order asked): how to tell the page, and a day ahead's rows as they come.
struct Task {
    events: Rc<dyn Fn(Answer)>,
    rows: Vec<Checked>,
    /// The rows done before they are sent back, in a day ahead's three parts.
    progress: (usize, usize),
    /// 与上次比较's families as they come.
    diffs: Vec<Diff>,
}

#[derive(Default)]
struct Workers {
    /// The worker reading the file now.
    job: Option<Job>,
    /// The worker holding the register on the page, once read (for the county's view).
    held: Option<Job>,
    tasks: Vec<Task>,
    /// A worker started ahead, for the next file.
    spare: Option<Job>,
    reading: Option<Reading>,
    /// Workers ended from inside their own handlers, dropped at the next file.
    ended: Vec<Job>,
    /// Set once a worker has failed to start: every later file is read in the page.
    broken: bool,
    next_id: u32,
}

thread_local! {
    static WORKERS: RefCell<Workers> = RefCell::new(Workers::default());
}

fn with<T>(f: impl FnOnce(&mut Workers) -> T) -> T {
    WORKERS.with(|w| f(&mut w.borrow_mut()))
}

fn start_worker(w: &mut Workers) -> Option<Job> {
    if w.broken {
        return None;
    }
    let files = files()?;
    let options = Object::new();
    let _ = Reflect::set(&options, &"type".into(), &"module".into());
    let worker = Worker::new(&files.worker, &options).ok()?;
    w.next_id += 1;
    let id = w.next_id;
    let on_message =
        Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| heard(id, &field(&e, "data")));
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        e.prevent_default();
        let why = field(&e, "message").as_string().unwrap_or_default();
        died(id, &why);
    });
    worker.set_onmessage(on_message.as_ref());
    worker.set_onerror(on_error.as_ref());
    let init = Object::new();
    let _ = Reflect::set(&init, &"js".into(), &files.js.into());
    let _ = Reflect::set(&init, &"wasm".into(), &files.wasm.into());
    worker.post_message(&init).ok()?;
    Some(Job {
        id,
        worker,
        ready: false,
        waiting: None,
        posted: false,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Starts a worker ahead of the first file, so that it is ready when the file is chosen.
pub fn prepare() {
    with(|w| {
        if w.spare.is_none() {
            w.spare = start_worker(w);
        }
    });
}

/// Ends the worker reading a file and the one holding the register, and forgets the file
/// (清除, the idle wipe, another file).
pub fn cancel() {
    matching::forget();
    let ended = with(|w| {
        w.reading = None;
        w.tasks.clear();
        let mut ended = std::mem::take(&mut w.ended);
        ended.extend(w.job.take());
        ended.extend(w.held.take());
        ended
    });
    for job in ended {
        job.worker.terminate();
    }
}

/// Reads and decides `f` in a worker, telling `events` how far it has got; where no worker
/// can do it, calls `fallback` (which reads it in the page) instead.
pub fn read(
    f: File,
    name: &str,
    today: NaiveDate,
    map: Option<&ColumnMap>,
    ask: u8,
    events: impl Fn(Event) + 'static,
    fallback: impl FnOnce() + 'static,
) {
    cancel();
    let message = Object::new();
    let _ = Reflect::set(&message, &"file".into(), &f);
    let _ = Reflect::set(&message, &"name".into(), &name.into());
    let _ = Reflect::set(&message, &"today".into(), &today.to_string().into());
    if let Some(m) = map {
        let _ = Reflect::set(&message, &"map".into(), &matching::to_json(m).into());
    }
    let _ = Reflect::set(&message, &"ask".into(), &ask.into());
    let message: JsValue = message.into();
    let mut fallback: Option<Box<dyn FnOnce()>> = Some(Box::new(fallback));
    let events: Rc<dyn Fn(Event)> = Rc::new(events);
    with(|w| {
        let Some(mut job) = w.spare.take().or_else(|| start_worker(w)) else {
            return;
        };
        if job.ready {
            if job.worker.post_message(&message).is_err() {
                job.worker.terminate();
                return;
            }
            job.posted = true;
        } else {
            job.waiting = Some(message);
        }
        w.job = Some(job);
        w.reading = Some(Reading {
            events,
            fallback: fallback.take(),
            rows: Vec::new(),
            households: 0,
            total: 0,
        });
    });
    if let Some(f) = fallback {
        f();
    }
}

/// Asks the worker holding the register on the page (`message`: `do` is `stats`, `ahead` or
/// `compare`, with `date`, `ahead`, `today`, `file`, `name`, `rows` as `job` reads them);
/// `events` hears its progress and answer, or [`Answer::Away`] at once where no worker
/// holds it.
pub fn ask(message: &Object, events: impl Fn(Answer) + 'static) {
    ask_dyn(message, Rc::new(events));
}

/// [`ask`], once for every caller (the office bundle carries one copy).
fn ask_dyn(message: &Object, events: Rc<dyn Fn(Answer)>) {
    let asked = with(|w| {
        let job = w.held.as_ref()?;
        job.worker.post_message(message).ok()?;
        w.tasks.push(Task {
            events: events.clone(),
            rows: Vec::new(),
            progress: (0, 0),
            diffs: Vec::new(),
        });
        Some(())
    });
    if asked.is_none() {
        events(Answer::Away);
    }
}

/// Whether `id` is the worker reading the file now.
fn current(w: &Workers, id: u32) -> bool {
    w.job.as_ref().is_some_and(|j| j.id == id)
}

/// The worker `id` reported an error (`why`, the browser's words). Before it had the file,
/// it could not start (`broken`); once it had it, the file is what failed: the page says so,
/// never reads it on its own thread, and the next file gets a fresh worker.
fn died(id: u32, why: &str) {
    // The worker holding the register: each question waiting is told it stopped; the page
    // works the next ones out itself.
    let tasks = with(|w| {
        if w.held.as_ref().is_none_or(|j| j.id != id) {
            return None;
        }
        let job = w.held.take();
        w.ended.extend(job);
        Some(std::mem::take(&mut w.tasks))
    });
    if let Some(tasks) = tasks {
        end_all();
        for t in tasks {
            (t.events)(Answer::Failed(stopped(why)));
        }
        return;
    }
    let events = with(|w| {
        if !w.job.as_ref().is_some_and(|j| j.id == id && j.posted) {
            return None;
        }
        let job = w.job.take();
        w.ended.extend(job);
        w.reading.take().map(|r| r.events)
    });
    let Some(events) = events else {
        broken(id);
        return;
    };
    end_all();
    // The next file starts a fresh worker (`read`), not one started now.
    events(Event::Failed(stopped(why)));
}

fn end_all() {
    for job in with(|w| w.ended.iter().map(|j| j.worker.clone()).collect::<Vec<_>>()) {
        job.terminate();
    }
}

/// The worker `id` cannot do it: ended, and the file it was given is read in the page, as
/// is every later one.
fn broken(id: u32) {
    let fallback = with(|w| {
        w.broken = true;
        if w.spare.as_ref().is_some_and(|j| j.id == id) {
            let spare = w.spare.take();
            w.ended.extend(spare);
        }
        if !current(w, id) {
            return None;
        }
        let job = w.job.take();
        w.ended.extend(job);
        w.reading.take().and_then(|mut r| r.fallback.take())
    });
    for job in with(|w| w.ended.iter().map(|j| j.worker.clone()).collect::<Vec<_>>()) {
        job.terminate();
    }
    if let Some(f) = fallback {
        f();
    }
}

/// A message from the worker holding the register: the first question's progress or answer.
fn heard_held(tag: u8, body: &[u8]) {
    let told = with(|w| {
        let t = w.tasks.first_mut()?;
        let (done, total) = t.progress;
        let answer = match tag {
            PROGRESS => {
                let mut r = wire::Reader::new(body);
                let p = (r.n()?, r.n()?);
                t.progress = p;
                Some(Answer::Progress(p.0, p.1))
            }
            // A day ahead's rows, the last of its three parts.
            ROWS => wire::read_rows(body).map(|rows| {
                t.rows.extend(rows);
                let n = total / 3;
                Answer::Progress(done.max(2 * n) + t.rows.len().min(n), total)
            }),
            STATS => wire::read_all(body, wire::Reader::stats).map(Answer::Stats),
            AHEAD => wire::read_all(body, |r| Some((read_counted(r)?, r.changes()?))).map(
                |((mut reg, counts), list)| {
                    reg.rows = std::mem::take(&mut t.rows);
                    Answer::Ahead(reg, counts, list)
                },
            ),
            DIFFS => wire::read_all(body, wire::Reader::diffs).map(|list| {
                if list.is_empty() {
                    Answer::Diffs(std::mem::take(&mut t.diffs))
                } else {
                    t.diffs.extend(list);
                    Answer::Progress(done, total)
                }
            }),
            FAILED => wire::read_all(body, wire::Reader::file_error).map(Answer::Failed),
            AWAY => Some(Answer::Away),
            _ => None,
        }
        // Bytes that do not read back: worked out on the page instead.
        .unwrap_or(Answer::Away);
        let events = if matches!(answer, Answer::Progress(..)) {
            t.events.clone()
        } else {
            w.tasks.remove(0).events
        };
        Some((events, answer))
    });
    if let Some((events, answer)) = told {
        events(answer);
    }
}

fn heard(id: u32, data: &JsValue) {
    if with(|w| w.held.as_ref().is_some_and(|j| j.id == id)) {
        if let Some(bytes) = data.dyn_ref::<Uint8Array>().map(Uint8Array::to_vec) {
            if let Some((&tag, body)) = bytes.split_first() {
                heard_held(tag, body);
            }
        }
        return;
    }
    let Some(bytes) = data.dyn_ref::<Uint8Array>().map(Uint8Array::to_vec) else {
        // The worker script's own report that the wasm would not start there.
        broken(id);
        return;
    };
    let Some((&tag, body)) = bytes.split_first() else {
        broken(id);
        return;
    };
    if tag == READY {
        let post = with(|w| {
            let job = [w.job.as_mut(), w.spare.as_mut()]
                .into_iter()
                .flatten()
                .find(|j| j.id == id)?;
            job.ready = true;
            let m = job.waiting.take()?;
            job.posted = true;
            Some((job.worker.clone(), m))
        });
        if let Some((worker, m)) = post {
            if worker.post_message(&m).is_err() {
                broken(id);
            }
        }
        return;
    }
    // What the message says, worked out with the page's state borrowed; the page is told
    // after, with nothing borrowed (telling it re-renders the page, which may cancel).
    let told = with(|w| {
        if !current(w, id) {
            return None;
        }
        let r = w.reading.as_mut()?;
        let mut reader = wire::Reader::new(body);
        let event = match tag {
            TOTAL => reader.n().map(|n| {
                r.total = n;
                Event::Progress(0, n)
            }),
            ROWS => wire::read_rows(body).map(|rows| {
                r.households += rows.iter().filter(|c| !c.is_blank()).count();
                r.rows.extend(rows);
                Event::Progress(r.households, r.total)
            }),
            DONE => wire::read_all(body, read_counted).map(|(mut reg, counts)| {
                reg.rows = std::mem::take(&mut r.rows);
                Event::Done(reg, counts)
            }),
            FAILED => reader.file_error().map(Event::Failed),
            ASK => matching::decode(body).map(Event::Ask),
            _ => None,
        };
        let events = r.events.clone();
        // Bytes that do not read back: the file failed in the worker, never in the page.
        let event = event.or_else(|| {
            Some(Event::Failed(stopped_because(
                "回传的数据读不出来",
                "its answer could not be read back",
            )))
        });
        if !matches!(event, Some(Event::Progress(..))) {
            // The end of this file: the worker that read it holds its register for the
            // county's view; any other end ends it.
            let job = w.job.take();
            if matches!(event, Some(Event::Done(..))) {
                w.held = job;
            } else {
                w.ended.extend(job);
            }
            w.reading = None;
        }
        Some((events, event, None::<Box<dyn FnOnce()>>))
    });
    let Some((events, event, fallback)) = told else {
        return;
    };
    with(|w| {
        for j in &w.ended {
            j.worker.terminate();
        }
    });
    match (event, fallback) {
        (Some(e), _) => events(e),
        (None, Some(f)) => f(),
        (None, None) => {}
    }
}
