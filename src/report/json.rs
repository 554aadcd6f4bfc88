//! Machine output: pretty JSON with a fixed key and element order, so the
//! same corpus always gives byte-identical output whatever the thread count.

use serde::Serialize;

/// Serializes a report (pretty-printed, newline-terminated).
pub fn to_string<T: Serialize>(report: &T) -> String {
    let mut s = serde_json::to_string_pretty(report).expect("reports serialize: plain data only");
    s.push('\n');
    s
}
