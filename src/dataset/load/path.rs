//! Locations in the document, e.g. `incidents[2].where.places[0].lat`.

/// A location in the document, built on the stack and only turned into a
/// string when a problem is reported (100,000 incidents must load fast).
#[derive(Clone, Copy)]
pub(super) struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    seg: Seg,
}

#[derive(Clone, Copy)]
pub(super) enum Seg {
    Root(&'static str),
    Field(&'static str),
    Index(usize),
}

impl<'a> Path<'a> {
    pub(super) fn root(name: &'static str) -> Path<'static> {
        Path {
            parent: None,
            seg: Seg::Root(name),
        }
    }
    pub(super) fn field(&'a self, name: &'static str) -> Path<'a> {
        Path {
            parent: Some(self),
            seg: Seg::Field(name),
        }
    }
    pub(super) fn index(&'a self, i: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            seg: Seg::Index(i),
        }
    }
    pub(super) fn render(&self) -> String {
        let mut out = self.parent.map(Path::render).unwrap_or_default();
        match self.seg {
            Seg::Root(name) => out.push_str(name),
            Seg::Field(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
        out
    }
}
