//! A casualty figure as a claimant reported it: a number, a bound, a range
//! or words. Figures are never merged across claimants.

use super::message::Message;
use crate::text::Text;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Figure {
    Exact(u32),
    Approx(u32),
    AtLeast(u32),
    MoreThan(u32),
    Range(u32, u32),
    /// A non-numeric wording such as "a large number".
    Words(Text),
}

impl Figure {
    /// The smallest number the claim allows, if it gives one.
    pub fn low(&self) -> Option<u32> {
        match *self {
            Figure::Exact(n) | Figure::Approx(n) | Figure::AtLeast(n) => Some(n),
            Figure::MoreThan(n) => Some(n.saturating_add(1)),
            Figure::Range(lo, _) => Some(lo),
            Figure::Words(_) => None,
        }
    }

    /// The number that best represents the claim when one number is needed
    /// (a marker's size): the stated number, or a range's upper end.
    pub fn headline(&self) -> Option<u32> {
        match *self {
            Figure::Exact(n) | Figure::Approx(n) | Figure::AtLeast(n) => Some(n),
            Figure::MoreThan(n) => Some(n.saturating_add(1)),
            Figure::Range(_, hi) => Some(hi),
            Figure::Words(_) => None,
        }
    }

    /// Decodes the JSON form documented in docs/dataset.md.
    pub fn from_json(value: &serde_json::Value) -> Result<Figure, String> {
        Figure::decode(value).map_err(|m| m.to_string())
    }

    /// Decodes the JSON form documented in docs/dataset.md, saying what is
    /// wrong as a [`Message`].
    pub fn decode(value: &serde_json::Value) -> Result<Figure, Message> {
        use serde_json::Value;
        let count = |v: &Value| -> Result<u32, Message> {
            match v.as_u64() {
                Some(n) if n <= u64::from(u32::MAX) => Ok(n as u32),
                _ => Err(Message::NotACount { got: v.to_string() }),
            }
        };
        let not_a_figure = || Message::NotAFigure {
            got: value.to_string(),
        };
        match value {
            Value::Number(_) => count(value).map(Figure::Exact),
            Value::Object(map) => {
                let keys: Vec<&str> = map.keys().map(String::as_str).collect();
                let field = |k: &str| map.get(k).unwrap_or(&Value::Null);
                match keys.as_slice() {
                    ["approx"] => count(field("approx")).map(Figure::Approx),
                    ["at_least"] => count(field("at_least")).map(Figure::AtLeast),
                    ["more_than"] => count(field("more_than")).map(Figure::MoreThan),
                    ["max", "min"] | ["min", "max"] => {
                        let (min, max) = (count(field("min"))?, count(field("max"))?);
                        if min > max {
                            Err(Message::RangeBackwards { min, max })
                        } else {
                            Ok(Figure::Range(min, max))
                        }
                    }
                    ["text"] => {
                        let text: Text = serde_json::from_value(field("text").clone())
                            .map_err(|_| Message::FigureTextShape)?;
                        if text.is_empty() {
                            Err(Message::FigureTextEmpty)
                        } else {
                            Ok(Figure::Words(text))
                        }
                    }
                    _ => Err(not_a_figure()),
                }
            }
            _ => Err(not_a_figure()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn decodes_every_form() {
        assert_eq!(Figure::from_json(&json!(5)), Ok(Figure::Exact(5)));
        assert_eq!(
            Figure::from_json(&json!({"approx": 27})),
            Ok(Figure::Approx(27))
        );
        assert_eq!(
            Figure::from_json(&json!({"at_least": 37})),
            Ok(Figure::AtLeast(37))
        );
        assert_eq!(
            Figure::from_json(&json!({"more_than": 15})),
            Ok(Figure::MoreThan(15))
        );
        assert_eq!(
            Figure::from_json(&json!({"min": 23, "max": 26})),
            Ok(Figure::Range(23, 26))
        );
        let words = Figure::from_json(&json!({"text": {"en": "a large number"}})).expect("words");
        assert_eq!(words.low(), None);
    }

    #[test]
    fn rejects_nonsense() {
        assert!(Figure::from_json(&json!(-3)).is_err());
        assert!(Figure::from_json(&json!(2.5)).is_err());
        assert!(Figure::from_json(&json!("5")).is_err());
        assert!(Figure::from_json(&json!({"min": 9, "max": 3})).is_err());
        assert!(Figure::from_json(&json!({"about": 3})).is_err());
        assert!(Figure::from_json(&json!({"text": {}})).is_err());
    }

    #[test]
    fn low_and_headline() {
        assert_eq!(Figure::MoreThan(15).low(), Some(16));
        assert_eq!(Figure::Range(23, 26).low(), Some(23));
        assert_eq!(Figure::Range(23, 26).headline(), Some(26));
    }
}
