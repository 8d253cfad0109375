//! Closed vocabularies of the dataset format (precisions, attributions,
//! shapes...): one macro gives each its JSON spellings and a parser, so the
//! modules that own a vocabulary (geo, symbols, dataset) spell it the same
//! way without depending on each other.

/// Declares a closed vocabulary: its JSON spellings and a parser.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $json:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The spelling used in the JSON format.
            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $json),+ }
            }

            pub fn parse(s: &str) -> Option<$name> {
                match s { $($json => Some($name::$variant),)+ _ => None }
            }

            /// "a, b, c": every spelling, for error messages.
            pub fn ids() -> String {
                let all: Vec<&str> = Self::ALL.iter().map(|v| v.id()).collect();
                all.join(", ")
            }

            /// "one of a, b, c", for error messages.
            pub fn expected() -> String {
                format!("one of {}", Self::ids())
            }
        }
    };
}

pub(crate) use vocabulary;
