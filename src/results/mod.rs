//! The results view, without the browser: how the engine's outcome reads on screen, on the
//! printed sheet and where the family goes first. A room of its own because two pages show it
//! exactly alike, the family page's results screen and the office page's view of one family
//! (`app::screens::results`, `app::desk`); it reads the questionnaire's texts (`crate::flow`),
//! and the questionnaire never reads it.

pub mod present;
pub mod print;
