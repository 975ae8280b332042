//! samverk's domain: the types and rules of a public authority's cooperation, with no I/O.
//!
//! Nothing here touches a database, the network, the file system or the clock: a write is a
//! function from (current state, input, today) to a validated value or a typed error, so the
//! rules can be tested without any set-up and serve the web pages, the API and the CLI alike.

pub mod access;
pub mod attachment;
pub mod call;
pub mod decision;
pub mod discovery;
pub mod engagement;
pub mod error;
pub mod eu;
pub mod indicator;
pub mod input;
pub mod mandate;
pub mod news;
pub mod organisation;
pub mod plan;
pub mod privacy;
pub mod referral;
pub mod refs;
pub mod resolve;
pub mod rule;
pub mod sdg;
pub mod text;
pub mod tz;

pub use error::{FieldError, Problem, ValidationErrors};

/// A stored code that no variant of a closed enum carries (a schema or data fault).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown code `{0}`")]
pub struct UnknownCode(pub String);

/// Generates a closed enum with a stable snake_case code per variant, used in URLs, the
/// database, the API and as a message-catalogue key suffix.
#[macro_export]
macro_rules! code_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        $vis enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code stored in the database and used in URLs and the API.
            #[must_use]
            pub const fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// Parses a stable code; `None` when the code is unknown.
            #[must_use]
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::UnknownCode;

            fn try_from(code: String) -> Result<Self, Self::Error> {
                Self::from_code(&code).ok_or($crate::UnknownCode(code))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}
