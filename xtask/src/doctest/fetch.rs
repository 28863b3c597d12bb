//! SQLAlchemy's source distribution, which holds its documentation: fetched
//! from PyPI once (pinned by sha256), kept under `target/doctest/`, and
//! unpacked there. Its text is never committed.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};
use sha2::{Digest, Sha256};

const VERSION: &str = "2.1.9";
const URL: &str =
    "https://files.pythonhosted.org/packages/3f/69/b87a540f6888ebc1f63a6e6138e8dc0827331a9be7c5eb15e3bd40a76281/sqlalchemy-2.1.9.tar.gz";
const SHA256: &str = "d700a8b2edfb26282a470333d6bc4a454c4acda4d201a3bea7b72fa76c217d28";

/// The unpacked sdist's root (`.../sqlalchemy-2.1.9`), fetched if need be.
pub fn sdist(root: &Path) -> Result<PathBuf> {
    let dir = root.join("target/doctest");
    let unpacked = dir.join(format!("sqlalchemy-{VERSION}"));
    if unpacked.join("doc/build/tutorial/index.rst").exists() {
        return Ok(unpacked);
    }
    std::fs::create_dir_all(&dir)?;
    let archive = dir.join(format!("sqlalchemy-{VERSION}.tar.gz"));
    if !archive.exists() || !sha256_is(&archive)? {
        download(&dir, &archive)?;
    }
    if !sha256_is(&archive)? {
        bail!("{} does not have the pinned sha256 {SHA256}", archive.display());
    }
    let file = std::fs::File::open(&archive)?;
    tar::Archive::new(flate2::read::GzDecoder::new(file)).unpack(&dir).context("cannot unpack the sdist")?;
    Ok(unpacked)
}

fn sha256_is(path: &Path) -> Result<bool> {
    let bytes = std::fs::read(path)?;
    let digest = Sha256::digest(&bytes);
    Ok(digest.iter().map(|b| format!("{b:02x}")).collect::<String>() == SHA256)
}

/// The archive from PyPI's file host; failing that, through pip (which
/// first installs the sdist's build tools, a few minutes).
fn download(dir: &Path, archive: &Path) -> Result<()> {
    eprintln!("xtask: fetching SQLAlchemy {VERSION}'s source distribution from PyPI");
    let partial = archive.with_extension("part");
    let curl = Command::new("curl").args(["-sSfL", "--retry", "3", "--max-time", "300", "-o"]).arg(&partial).arg(URL).status();
    if curl.is_ok_and(|s| s.success()) {
        return std::fs::rename(&partial, archive).context("cannot keep the download");
    }
    eprintln!("xtask: curl could not fetch it; trying pip download");
    let pip = Command::new("python3")
        .args(["-m", "pip", "download", "--no-deps", "--no-binary", ":all:", &format!("sqlalchemy=={VERSION}"), "-d"])
        .arg(dir)
        .status()
        .context("cannot start python3 -m pip")?;
    if !pip.success() || !archive.exists() {
        bail!("cannot fetch SQLAlchemy {VERSION}'s sdist (from {URL} or through pip)");
    }
    Ok(())
}
