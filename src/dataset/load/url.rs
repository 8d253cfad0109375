//! Links from a dataset.

use crate::dataset::message::Message;

/// Only http(s) links are ever followed; anything else (javascript:, data:,
/// file:, relative paths) is refused.
pub fn check_url(url: &str) -> Result<(), String> {
    if is_web_link(url) {
        Ok(())
    } else {
        Err(Message::UnsafeUrl {
            got: url.to_owned(),
        }
        .to_string())
    }
}

/// Whether `url` is an http(s) link with a host.
pub fn is_web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|host| {
        !host.is_empty()
            && !host.starts_with('/')
            && !url.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}
