//! The typst side of [`super::pdf`]: a sandboxed typst world holding the template,
//! the document as `/data.json`, the embedded fonts and read-only access to the
//! book's `templates/` folder; compiled, laid out and exported to PDF in memory.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Result, bail};
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

use super::{BUILT_IN_TEMPLATE, Document};
use crate::report::templates::FOLDER;

/// The largest file a template may read from the book (a logo, a font).
const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// The embedded fonts, parsed once.
fn embedded_fonts() -> &'static [Font] {
    static FONTS: OnceLock<Vec<Font>> = OnceLock::new();
    FONTS.get_or_init(|| {
        [dejavu::sans::regular(), dejavu::sans::bold()]
            .into_iter()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect()
    })
}

/// `.ttf`/`.otf`/`.ttc` files in `templates/fonts/` of the book, read as fonts.
fn book_fonts(dir: &Path) -> Vec<Font> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "ttf" | "otf" | "ttc"))
        })
        .collect();
    paths.sort();
    // The fonts folder is under the book's templates; a font is never read through a
    // link that leads out of them.
    let root = dir.parent().and_then(Path::parent).unwrap_or(dir);
    paths
        .iter()
        .filter(|p| crate::book::within(root, FOLDER, p))
        .filter(|p| std::fs::metadata(p).is_ok_and(|m| m.len() <= MAX_FILE_BYTES))
        .filter_map(|p| std::fs::read(p).ok())
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect()
}

fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(FileId::new(RootedPath::new(VirtualRoot::Project, vpath)))
}

/// What the template sees.
struct Sandbox {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
    data_id: FileId,
    data: Bytes,
    /// The book root: files under `/templates/` are read from here.
    root: PathBuf,
}

impl World for Sandbox {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        let bytes = self.file(id)?;
        let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text.to_owned()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            return Ok(self.data.clone());
        }
        let rooted = id.get();
        if matches!(rooted.root(), VirtualRoot::Package(_)) {
            return Err(FileError::Other(Some(
                "rapport's templates cannot import typst packages".into(),
            )));
        }
        let vpath = rooted.vpath();
        let inside = vpath
            .get_without_slash()
            .strip_prefix(FOLDER)
            .is_some_and(|rest| rest.starts_with('/'));
        if !inside {
            return Err(FileError::AccessDenied);
        }
        let path = vpath
            .realize(&self.root)
            .map_err(|_| FileError::AccessDenied)?;
        let meta = std::fs::metadata(&path).map_err(|e| FileError::from_io(e, &path))?;
        if meta.is_dir() {
            return Err(FileError::IsDirectory);
        }
        // Never through a link that leads out of the book's templates.
        if !crate::book::within(&self.root, FOLDER, &path) {
            return Err(FileError::AccessDenied);
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(FileError::Other(Some("the file is too large".into())));
        }
        std::fs::read(&path)
            .map(Bytes::new)
            .map_err(|e| FileError::from_io(e, &path))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        // Documents carry their own dates; a template asking for today gets none, so
        // that rendering the same invoice twice gives the same bytes.
        None
    }
}

/// Renders `doc` with `templates/<name>.typ` of the book at `root`, or the built-in
/// layout.
pub fn render(doc: &Document, root: &Path, name: &str) -> Result<Vec<u8>> {
    let own = root.join(FOLDER).join(format!("{name}.typ"));
    if own.exists() && !crate::book::within(root, FOLDER, &own) {
        bail!(
            "{FOLDER}/{name}.typ leads outside the book's templates folder (a link), so it was not read"
        );
    }
    let (template, origin) = match std::fs::read_to_string(&own) {
        Ok(text) => (text, format!("{FOLDER}/{name}.typ of the book")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (
            BUILT_IN_TEMPLATE.to_owned(),
            "the built-in document layout".to_owned(),
        ),
        Err(e) => bail!("cannot read {}: {e}", own.display()),
    };
    let (Some(main_id), Some(data_id)) = (
        file_id(&format!("/{FOLDER}/{name}.typ")),
        file_id("/data.json"),
    ) else {
        bail!("`{name}` cannot name a template");
    };
    let mut fonts = embedded_fonts().to_vec();
    fonts.extend(book_fonts(&root.join(FOLDER).join("fonts")));
    let world = Sandbox {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
        main: Source::new(main_id, template),
        data_id,
        data: Bytes::new(serde_json::to_vec(doc)?),
        root: root.to_path_buf(),
    };
    let compiled = typst::compile::<PagedDocument>(&world);
    let document = compiled
        .output
        .map_err(|errors| diagnostics(&world, &origin, &errors))?;
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(doc.title.clone()),
        creator: Smart::Custom(Some(format!("rapport {}", env!("CARGO_PKG_VERSION")))),
        ..typst_pdf::PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| diagnostics(&world, &origin, &errors))
}

/// Typst's errors as one message, each with its line in the template.
fn diagnostics(world: &Sandbox, origin: &str, errors: &[SourceDiagnostic]) -> anyhow::Error {
    let mut lines = Vec::new();
    for e in errors {
        let at = e
            .span
            .id()
            .and_then(|id| {
                let range = world.range(e.span)?;
                let source = world.source(id).ok()?;
                let line = source.lines().byte_to_line(range.start)?;
                Some(format!(
                    "{}:{}: ",
                    id.get().vpath().get_without_slash(),
                    line + 1
                ))
            })
            .unwrap_or_default();
        let mut text = format!("{at}{}", e.message);
        for hint in &e.hints {
            text.push_str(&format!("\n  hint: {}", hint.v));
        }
        lines.push(text);
    }
    anyhow::anyhow!(
        "cannot typeset the PDF with {origin}:\n{}",
        lines.join("\n")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::pdf::{Block, Field};

    fn doc() -> Document {
        Document {
            lang: "ru".into(),
            title: "Счёт".into(),
            blocks: vec![
                Block::Heading {
                    text: "Счёт на оплату № 2026-0001".into(),
                },
                Block::Fields {
                    rows: vec![Field {
                        label: "ИНН".into(),
                        value: "7707083893".into(),
                    }],
                },
            ],
            data: serde_json::json!({"number": "2026-0001"}),
        }
    }

    #[test]
    fn the_built_in_layout_makes_a_pdf() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let pdf = render(&doc(), tmp.path(), "invoice").expect("pdf");
        assert!(pdf.starts_with(b"%PDF-"));
        // The same document gives the same bytes.
        assert_eq!(render(&doc(), tmp.path(), "invoice").expect("pdf"), pdf);
    }

    #[test]
    fn a_book_template_is_used_and_its_errors_name_the_line() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join(FOLDER);
        std::fs::create_dir(&dir).expect("mkdir");
        std::fs::write(
            dir.join("invoice.typ"),
            "#let d = json(\"/data.json\")\nСчёт #d.data.number\n#nope\n",
        )
        .expect("write");
        let err = format!(
            "{:#}",
            render(&doc(), tmp.path(), "invoice").expect_err("error")
        );
        assert!(err.contains("templates/invoice.typ of the book"), "{err}");
        assert!(
            err.contains("templates/invoice.typ:3: unknown variable: nope"),
            "{err}"
        );
    }

    #[test]
    fn templates_cannot_read_outside_their_folder() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join(FOLDER);
        std::fs::create_dir(&dir).expect("mkdir");
        std::fs::write(tmp.path().join("rapport.yaml"), "agency: {name: A}\n").expect("write");
        std::fs::write(dir.join("ok.txt"), "fine").expect("write");
        for (path, ok) in [
            ("ok.txt", true),
            ("../rapport.yaml", false),
            ("/rapport.yaml", false),
            ("../../../etc/passwd", false),
        ] {
            std::fs::write(dir.join("estimate.typ"), format!("#read(\"{path}\")\n"))
                .expect("write");
            let result = render(&doc(), tmp.path(), "estimate");
            assert_eq!(result.is_ok(), ok, "{path}: {result:?}");
        }
    }
}
