//! `tailor man`: one man page (roff) for the whole tool. clap_mangen
//! renders each part; every subcommand becomes a section of the one page,
//! with its synopsis and every flag, so the page refers to no other pages.

use std::process::ExitCode;

use anyhow::Result;
use clap_mangen::Man;
use roff::{Roff, roman};

use crate::cli::Cli;

/// Runs `tailor man`.
pub fn run() -> Result<ExitCode> {
    super::print(&page()?)?;
    Ok(ExitCode::SUCCESS)
}

/// The page.
pub fn page() -> Result<String> {
    let cmd = <Cli as clap::CommandFactory>::command();
    let man = Man::new(cmd.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    let mut subs = Vec::new();
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let nested: Vec<_> = sub
            .get_subcommands()
            .filter(|s| s.get_name() != "help")
            .collect();
        if nested.is_empty() {
            subs.push((sub.get_name().to_string(), sub.clone()));
        }
        for n in nested {
            subs.push((format!("{} {}", sub.get_name(), n.get_name()), n.clone()));
        }
    }
    for (name, sub) in subs {
        let about = sub
            .get_long_about()
            .or(sub.get_about())
            .map(|a| a.to_string())
            .unwrap_or_default();
        let sub = sub.bin_name(format!("tailor {name}"));
        let man = Man::new(sub);
        let mut part = Vec::new();
        man.render_synopsis_section(&mut part)?;
        man.render_options_section(&mut part)?;
        let part = String::from_utf8_lossy(&part)
            .replace(".SH SYNOPSIS", ".SS Synopsis")
            .replace(".SH OPTIONS", ".SS Options");
        let heading = format!("TAILOR {}", name.to_uppercase());
        let mut roff = Roff::new();
        roff.control("SH", [heading.as_str()]).text([roman(about)]);
        out.extend_from_slice(roff.to_roff().as_bytes());
        out.extend_from_slice(part.as_bytes());
    }
    man.render_version_section(&mut out)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_man_page_documents_every_subcommand_and_flag_and_no_missing_pages() {
        let page = super::page().unwrap();
        assert!(
            !page.contains("tailor-compose(1)"),
            "refers to a page that does not exist"
        );
        for section in ["TAILOR COMPOSE", "TAILOR BATCH", "TAILOR TEMPLATES EXPORT"] {
            assert!(page.contains(section), "no section {section}");
        }
        for flag in [
            "\\-\\-job",
            "\\-\\-out\\-dir",
            "\\-\\-min\\-match",
            "\\-\\-deny\\-warnings",
        ] {
            assert!(page.contains(flag), "no {flag}");
        }
    }
}
