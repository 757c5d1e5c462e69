//! A zipped workbook (.xlsx, .ods) checked before calamine opens it: calamine inflates each
//! part it reads in full (the shared strings, the styles) or through quick-xml, whose buffer
//! grows to the longest text or tag, and it reserves what `uniqueCount` declares. So every
//! part is inflated here once, in 64 KiB steps and into nothing, counting: its bytes (a limit
//! per part and for the whole file), its longest stretch without `<` or `>` (what quick-xml
//! would hold at once), and, for the shared strings, whether the declared count could fit in
//! the part at all. A file past a limit is refused with the limit named; nothing it declares
//! is allocated here.

use std::io::{Cursor, Read};

use super::super::FileError;
use super::{too_large, LIMITS};

/// What the check learnt: nothing needed later but that the file is within the limits.
pub fn check(bytes: &[u8]) -> Result<(), FileError> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        // Not a zip calamine could open either; it says why.
        return Ok(());
    };
    let mut total: u64 = 0;
    let mut buf = vec![0u8; 64 * 1024];
    for i in 0..zip.len() {
        let Ok(mut part) = zip.by_index(i) else {
            continue;
        };
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        let shared = name.to_ascii_lowercase().ends_with("sharedstrings.xml");
        let limit = if shared {
            LIMITS.shared_strings_bytes
        } else {
            LIMITS.part_bytes
        };
        let mut size: u64 = 0;
        let mut run: u64 = 0;
        let mut head: Vec<u8> = Vec::new();
        loop {
            let n = match part.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                // A damaged part: calamine reports it when it reads it.
                Err(_) => break,
            };
            let chunk = &buf[..n];
            size += n as u64;
            total += n as u64;
            if size > limit {
                return Err(too_large(
                    &format!("文件里的“{name}”解压后超过{}MB", limit >> 20),
                    &format!("the part “{name}” inflates to more than {} MB", limit >> 20),
                ));
            }
            if total > LIMITS.workbook_bytes {
                return Err(too_large(
                    &format!("文件解压后超过{}MB", LIMITS.workbook_bytes >> 20),
                    &format!(
                        "the file inflates to more than {} MB",
                        LIMITS.workbook_bytes >> 20
                    ),
                ));
            }
            if shared && head.len() < 4096 {
                let take = (4096 - head.len()).min(chunk.len());
                head.extend_from_slice(&chunk[..take]);
            }
            let mut rest = chunk;
            while let Some(at) = memchr::memchr2(b'<', b'>', rest) {
                run += at as u64;
                if run > LIMITS.token_bytes {
                    break;
                }
                run = 0;
                rest = &rest[at + 1..];
            }
            run += rest.len() as u64;
            if run > LIMITS.token_bytes {
                return Err(too_large(
                    &format!(
                        "文件里的“{name}”有一段超过{}MB的文字或标记",
                        LIMITS.token_bytes >> 20
                    ),
                    &format!(
                        "the part “{name}” holds a text or tag longer than {} MB",
                        LIMITS.token_bytes >> 20
                    ),
                ));
            }
        }
        if shared {
            // `<si/>` is the shortest string the part can hold: five bytes.
            let fits = size / 5 + 16;
            if let Some(declared) = unique_count(&head).filter(|&d| d > fits) {
                return Err(FileError::new(
                    format!(
                        "文件已损坏：共享字符串表声称有{declared}个字符串，但它的大小最多只装得下{fits}个；请用表格软件打开后另存为.xlsx再试"
                    ),
                    format!(
                        "the file is damaged: its shared strings claim {declared} strings, but the part can hold at most {fits}; open it in a spreadsheet program and save it as .xlsx"
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// The `uniqueCount` the shared strings' `<sst>` tag declares (saturating).
fn unique_count(head: &[u8]) -> Option<u64> {
    let key = b"uniqueCount=";
    let at = memchr::memmem::find(head, key)? + key.len();
    let digits = head[at..]
        .iter()
        .skip(1)
        .take_while(|b| b.is_ascii_digit())
        .fold(0u64, |n, d| {
            n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
        });
    Some(digits)
}
