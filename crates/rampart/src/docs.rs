//! The rule reference: one Markdown page per rule, generated from metadata.
//! `rampart explain` prints the same page; `docs/rules/` holds them all and a
//! test fails when the committed pages are stale.

use std::path::Path;

use rampart_rules::{ExampleFormat, Rule};

pub fn rule_markdown(rule: &Rule) -> String {
    let m = &rule.meta;
    let mut s = String::new();
    s.push_str(&format!("# {} — {}\n\n", m.id, m.title));
    s.push_str(&format!("- **Name:** `{}`\n", m.name));
    s.push_str(&format!("- **Severity:** {}\n", m.severity));
    s.push_str(&format!("- **Resources:** {}\n", code_list(m.kinds)));
    s.push_str(&format!("- **Also known as:** {}\n", code_list(m.aliases)));
    s.push_str(&format!("- **Controls:** {}\n", code_list(m.frameworks)));
    s.push_str(&format!(
        "- **Policy sections:** {}\n\n",
        code_list(m.policies)
    ));
    s.push_str("## What it checks\n\n");
    s.push_str(&reflow(m.description));
    s.push_str("\n\n## Why it matters\n\n");
    s.push_str(&reflow(m.rationale));
    s.push_str("\n\n## How to fix\n\n");
    s.push_str(&reflow(m.remediation));
    s.push_str("\n\n## Examples\n");
    for ex in m.examples {
        let lang = match ex.format {
            ExampleFormat::Terraform => "hcl",
            ExampleFormat::CloudFormation if ex.code.trim_start().starts_with('{') => "json",
            ExampleFormat::CloudFormation
            | ExampleFormat::Kubernetes
            | ExampleFormat::GithubActions => "yaml",
            ExampleFormat::Dockerfile => "dockerfile",
        };
        let verdict = if ex.pass { "Passes" } else { "Fails" };
        s.push_str(&format!(
            "\n{verdict}:\n\n```{lang}\n{}\n```\n",
            ex.code.trim_end()
        ));
    }
    s
}

/// The page of a secret detector (`rampart explain RMP-SECRET-...`).
pub fn secret_markdown(rule: &rampart_engine::secrets::SecretRule) -> String {
    let info = rule.info(rule.detector.severity);
    let mut s = String::new();
    s.push_str(&format!("# {} — {}\n\n", info.id, info.title));
    s.push_str(&format!("- **Name:** `{}`\n", info.name));
    s.push_str(&format!("- **Severity:** {}\n", info.severity));
    s.push_str("- **Scans:** every text file of the scanned tree\n");
    s.push_str(&format!(
        "- **Also known as:** {}\n",
        code_list(&strs(&info.aliases))
    ));
    s.push_str(&format!(
        "- **Controls:** {}\n",
        code_list(&strs(&info.frameworks))
    ));
    s.push_str(&format!(
        "- **Policy sections:** {}\n\n",
        code_list(&strs(&info.policies))
    ));
    s.push_str("## What it finds\n\n");
    s.push_str(&reflow(&info.description));
    s.push_str("\n\n## Why it matters\n\n");
    s.push_str(&reflow(&info.rationale));
    s.push_str("\n\n## How to fix\n\n");
    s.push_str(&reflow(&info.remediation));
    s.push_str(
        "\n\nThe value is never printed: reports show at most a short prefix and its length.\n",
    );
    s
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn code_list(items: &[&str]) -> String {
    if items.is_empty() {
        "—".into()
    } else {
        items
            .iter()
            .map(|i| format!("`{i}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Collapse the runs of spaces that line continuations leave in the metadata.
fn reflow(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The index page listing every rule.
pub fn index_markdown() -> String {
    let mut s = String::from("# Rule reference\n\nGenerated from the rule metadata by `rampart docs`; do not edit by hand.\n\n| Id | Severity | Title | Also known as |\n|---|---|---|---|\n");
    for r in rampart_rules::all() {
        let m = &r.meta;
        s.push_str(&format!(
            "| [{}]({}.md) | {} | {} | {} |\n",
            m.id,
            m.id,
            m.severity,
            m.title,
            m.aliases.join(", ")
        ));
    }
    s.push_str(
        "\n## Hardcoded secrets\n\n| Id | Severity | Title | Also known as |\n|---|---|---|---|\n",
    );
    for r in rampart_engine::secrets::rules() {
        s.push_str(&format!(
            "| [{}]({}.md) | {} | {} | {} |\n",
            r.id,
            r.id,
            r.detector.severity,
            r.detector.title,
            r.detector.aliases.join(", ")
        ));
    }
    s
}

pub fn write_all(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.path().extension().is_some_and(|x| x == "md") {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    std::fs::write(dir.join("README.md"), index_markdown()).map_err(|e| e.to_string())?;
    for r in rampart_rules::all() {
        std::fs::write(dir.join(format!("{}.md", r.meta.id)), rule_markdown(r))
            .map_err(|e| e.to_string())?;
    }
    for r in rampart_engine::secrets::rules() {
        std::fs::write(dir.join(format!("{}.md", r.id)), secret_markdown(r))
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}
