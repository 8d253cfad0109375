//! GeoJSON FeatureCollections.

use super::{ImportError, Imported, Options};

pub fn import(_text: &str, _options: Options) -> Result<Imported, ImportError> {
    Err(ImportError("GeoJSON is not read yet".into()))
}
