//! An .xlsx sheet read through calamine's streaming cells reader (`XlsxCellReader`), not its
//! dense `Range`: a range spans from the first used cell to the last, so one cell at
//! XFD1048576 in a 2.5 KB file asks for 17 billion cells. Here each cell is placed in its row
//! as it comes, values and formulas in one pass, and the sheet's extent is checked before a
//! cell is stored: a cell past the rows or columns a register can use, a cell longer than a
//! spreadsheet allows, or more cells than [`LIMITS`] allow stop the reading with a message
//! that names the cell.

use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx, XlsxError};

use super::super::{Cell, FileError};
use super::{cell_of, Grid, Sheets};

/// Every sheet of an .xlsx workbook, read sparse within the limits.
pub fn read(wb: &mut Xlsx<Cursor<&[u8]>>) -> Result<Sheets, FileError> {
    let mut out = Vec::new();
    let mut used = 0;
    for name in wb.sheet_names() {
        let mut cells = match wb.worksheet_cells_reader(&name) {
            Ok(r) => r,
            // A chart sheet or a dialog sheet: no cells.
            Err(XlsxError::NotAWorksheet(_)) => {
                out.push((name, Vec::new()));
                continue;
            }
            Err(e) => return Err(super::damaged("xlsx", &e.to_string())),
        };
        let mut grid = Grid::after(used);
        loop {
            let next = cells
                .next_cell_with_formula()
                .map_err(|e| super::damaged("xlsx", &e.to_string()))?;
            let Some(c) = next else { break };
            let cell = match (&c.value, c.formula) {
                (DataRef::Empty, Some(f)) if !f.is_empty() => Cell::Formula(format!("={f}")),
                (DataRef::Empty, _) => continue,
                (DataRef::SharedString(s), _) => Cell::text(*s),
                (v, _) => cell_of(&v.clone().into()),
            };
            grid.put(c.pos.0, c.pos.1, cell)?;
        }
        used = grid.used();
        out.push((name, grid.rows));
    }
    Ok(out)
}
