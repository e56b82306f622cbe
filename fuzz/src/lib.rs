//! Fuzz targets for rampart's front ends, and a small replay/mutation driver
//! so they run without `cargo fuzz` (see `README.md`).

pub mod driver;

pub mod targets {
    use std::cell::RefCell;
    use std::path::PathBuf;

    use rampart_source::{SourceFile, SourceMap};

    thread_local! {
        /// One scratch directory per thread, reused across inputs.
        static SCRATCH: RefCell<Option<tempfile::TempDir>> = const { RefCell::new(None) };
    }

    fn scratch() -> PathBuf {
        SCRATCH.with(|s| {
            let mut s = s.borrow_mut();
            if s.is_none() {
                *s = tempfile::tempdir().ok();
            }
            s.as_ref()
                .map(|d| d.path().to_path_buf())
                .unwrap_or_else(std::env::temp_dir)
        })
    }

    /// One Terraform file (`main.tf`, or `main.tf.json` when the input starts
    /// with `{`) parsed and evaluated as a root module by `evaluate_dir`.
    pub fn hcl_eval(data: &[u8]) {
        let dir = scratch().join("root");
        let _ = std::fs::remove_dir_all(&dir);
        if std::fs::create_dir_all(&dir).is_err() {
            return;
        }
        let json = data.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
        let name = if json { "main.tf.json" } else { "main.tf" };
        if std::fs::write(dir.join(name), data).is_err() {
            return;
        }
        let sources = SourceMap::new();
        let opts = rampart_terraform::Options {
            confine_to: Some(dir.clone()),
            display_root: Some(dir.clone()),
            ..Default::default()
        };
        let ev = rampart_terraform::evaluate_dir(&dir, &sources, &opts);
        crate::driver::check_diagnostics(ev.diagnostics.iter().map(|d| d.code));
    }

    /// One HCL expression through `eval_expression`.
    pub fn eval_expression(data: &[u8]) {
        let src = String::from_utf8_lossy(data);
        let dir = scratch();
        let _ = rampart_terraform::eval_expression(&src, &dir);
    }

    /// Plan and state JSON through `plan::load_text`.
    pub fn plan_json(data: &[u8]) {
        use rampart_terraform::plan::{self, PlanKind};
        let text = String::from_utf8_lossy(data).into_owned();
        let _ = plan::detect(&text);
        for want in [Some(PlanKind::Plan), None] {
            let sources = SourceMap::new();
            let file = sources.add(SourceFile::new("plan.json", "plan.json", text.clone()));
            let mut ev = rampart_terraform::Evaluation::default();
            plan::load_text(&text, file, want, &mut ev);
        }
    }

    /// CloudFormation template text (YAML or JSON) through `evaluate_text`.
    pub fn cloudformation(data: &[u8]) {
        let text = String::from_utf8_lossy(data).into_owned();
        let _ = rampart_cloudformation::detect(&text);
        let sources = SourceMap::new();
        let file = sources.add(SourceFile::new("t.yaml", "t.yaml", text.clone()));
        let _ = rampart_cloudformation::evaluate_text(
            &text,
            file,
            &rampart_cloudformation::Options::default(),
        );
    }

    /// Secret detectors over text, with a path hint chosen by the first byte.
    pub fn secrets(data: &[u8]) {
        let _ = rampart_secrets::is_probably_text(data);
        let hint = match data.first().map(|b| b % 6) {
            Some(0) => "main.tf",
            Some(1) => "config.yaml",
            Some(2) => ".env",
            Some(3) => "package-lock.json",
            Some(4) => "Dockerfile",
            _ => "notes.txt",
        };
        let text = String::from_utf8_lossy(data.get(1..).unwrap_or_default());
        let _ = rampart_secrets::scan_text(hint, &text);
    }
}
