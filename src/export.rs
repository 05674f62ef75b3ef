//! `banzi export DATASET --out DIR [--pseudonymize KEY_FILE]`: writes the dataset as
//! banzi sees it, in the contract's own format (cadres, careers, units, slate, cycles,
//! relations and the election tables as CSV), so that it can be checked again anywhere, and, with a key, in a form
//! that can leave the user's machine.
//!
//! Pseudonymisation keeps exactly what the rules and charts need and nothing else:
//! person ids and names become keyed tokens (HMAC-SHA256 of the id under the user's key:
//! the same person gets the same token across cycles and runs with the same key, and
//! nobody without the key can recompute them); birth dates keep year and month only;
//! résumé text and the free-text unit names of careers are dropped (careers keep the unit
//! id, kind, role and leadership flag); native place is kept only as a same-or-different
//! flag against the units a person sits on (it is written as that unit's name when it is
//! the same, empty otherwise); relations become token pairs.
//!
//! The election tables go along when the dataset has them, with person, voter and proxy
//! ids as tokens (a proxy who is a candidate keeps matching). A pseudonymised name is the
//! person's token behind one stand-in character with the surname's stroke count: the
//! only thing of a name a rule reads (DEL-014's ballot order), and shared by many
//! surnames. A compound surname keeps only its first character's count.

use anyhow::{bail, Context as _, Result};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use std::collections::BTreeSet;
use std::path::Path;

use crate::dataset::elections as el;
use crate::dataset::schema::{self, TableSpec};
use crate::dataset::Dataset;
use crate::output::csv;
use crate::rules::del::strokes;

/// Keyed tokens for person ids.
pub struct Pseudonymizer {
    key: Vec<u8>,
}

impl Pseudonymizer {
    /// Reads a key file: its bytes are the key (at least 16).
    pub fn from_key_file(path: &Path) -> Result<Pseudonymizer> {
        let key = std::fs::read(path)
            .with_context(|| format!("reading the key file {}", path.display()))?;
        let trimmed: Vec<u8> = key.trim_ascii().to_vec();
        if trimmed.len() < 16 {
            bail!(
                "{}: a pseudonymisation key needs at least 16 bytes (found {})",
                path.display(),
                trimmed.len()
            );
        }
        Ok(Pseudonymizer { key: trimmed })
    }

    pub fn from_key(key: &[u8]) -> Pseudonymizer {
        Pseudonymizer { key: key.to_vec() }
    }

    /// The token of a person id: `X` and 16 hex digits of HMAC-SHA256(key, id).
    pub fn token(&self, person_id: &str) -> String {
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.key)
            .expect("HMAC takes keys of any length");
        mac.update(b"banzi-person:");
        mac.update(person_id.as_bytes());
        let bytes = mac.finalize().into_bytes();
        let hex: String = bytes.iter().take(8).map(|b| format!("{b:02x}")).collect();
        format!("X{hex}")
    }
}

/// `dir/TABLE.csv` with the table's contract header.
fn table_csv(dir: &Path, table: &TableSpec) -> Result<csv::Writer> {
    let mut c = csv::Writer::create(&dir.join(format!("{}.csv", table.name)))?;
    c.row(table.column_names())?;
    Ok(c)
}

/// Writes the dataset in the contract's format; pseudonymised when `p` is given.
pub fn export(ds: &Dataset, dir: &Path, p: Option<&Pseudonymizer>) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let pid = |i: u32| -> String {
        let id = &ds.cadres.person_id[i as usize];
        p.map_or_else(|| id.to_string(), |p| p.token(id))
    };
    // Native place as a flag: the units whose name the person's native place names, among
    // the units they sit on.
    let mut native_units: Vec<BTreeSet<u32>> = vec![BTreeSet::new(); ds.cadres.len()];
    for i in 0..ds.slate.len() {
        let (person, unit) = (ds.slate.person[i], ds.slate.unit[i]);
        if let Some(np) = &ds.cadres.native_place[person as usize] {
            if np.contains(ds.units.name[unit as usize].as_str()) {
                native_units[person as usize].insert(unit);
            }
        }
    }

    let mut c = table_csv(dir, &schema::CADRES)?;
    for (i, native_units) in native_units.iter().enumerate() {
        let id = pid(i as u32);
        let name = if p.is_some() {
            let stand_in = strokes::surname_key(&ds.cadres.name[i])
                .and_then(|k| strokes::stand_in(k.1))
                .map(String::from)
                .unwrap_or_default();
            format!("{stand_in}{id}")
        } else {
            ds.cadres.name[i].to_string()
        };
        let birth = &ds.cadres.birth[i];
        let birth = if p.is_some() {
            format!("{:04}-{:02}", birth.year, birth.month)
        } else {
            birth.to_string()
        };
        let native = if p.is_some() {
            native_units
                .iter()
                .next()
                .map(|&u| ds.units.name[u as usize].clone())
                .unwrap_or_default()
        } else {
            ds.cadres.native_place[i]
                .as_deref()
                .cloned()
                .unwrap_or_default()
        };
        c.row(&[
            id,
            name,
            ds.cadres.gender[i].code().to_string(),
            birth,
            ds.cadres.ethnicity[i].name().to_string(),
            ds.cadres.party[i]
                .as_ref()
                .map_or(String::new(), |x| x.name().to_string()),
            ds.cadres.education[i].map_or(String::new(), |e| e.label_zh().to_string()),
            ds.cadres.specialties[i].to_string(),
            native,
            ds.cadres.staffing[i]
                .as_deref()
                .cloned()
                .unwrap_or_default(),
            if ds.cadres.vetting_hold[i] {
                "true".into()
            } else {
                "false".into()
            },
            if p.is_some() {
                String::new()
            } else {
                ds.cadres.resume[i]
                    .as_deref()
                    .unwrap_or_default()
                    .to_string()
            },
        ])?;
    }
    c.finish()?;

    let k = &ds.careers;
    let mut c = table_csv(dir, &schema::CAREERS)?;
    for i in 0..k.len() {
        let unit_id = k
            .unit(i)
            .map(|u| ds.units.unit_id[u as usize].clone())
            .unwrap_or_default();
        let (unit_name, post) = if p.is_some() {
            // Free text goes: the unit by id (or only its kind), the post by its role.
            let name = if unit_id.is_empty() {
                k.unit_kind[i].label().to_string()
            } else {
                unit_id.clone()
            };
            let post = k.role[i].map_or("其他职务".to_string(), |r| r.code().to_string());
            (name, post)
        } else {
            (k.unit_name[i].to_string(), k.post[i].to_string())
        };
        c.row(&[
            pid(k.person[i]),
            k.start(i).to_string(),
            k.end(i).map(|d| d.to_string()).unwrap_or_default(),
            unit_id,
            unit_name,
            k.unit_kind[i].label().to_string(),
            post,
            k.leadership[i].to_string(),
        ])?;
    }
    c.finish()?;

    let u = &ds.units;
    let mut c = table_csv(dir, &schema::UNITS)?;
    for i in 0..u.len() {
        c.row(&[
            u.unit_id[i].clone(),
            u.name[i].clone(),
            u.kind[i].label().to_string(),
            u.parent_id[i].clone().unwrap_or_default(),
            u.minority_area[i].to_string(),
        ])?;
    }
    c.finish()?;

    let s = &ds.slate;
    let mut c = table_csv(dir, &schema::SLATE)?;
    for i in 0..s.len() {
        c.row(&[
            ds.cycles.cycle[s.cycle[i] as usize].clone(),
            u.unit_id[s.unit[i] as usize].clone(),
            s.body[i].label_zh().to_string(),
            s.role[i].code().to_string(),
            pid(s.person[i]),
            s.nomination[i].map_or(String::new(), |n| n.code().to_string()),
            s.fulltime[i].map_or(String::new(), |b| b.to_string()),
        ])?;
    }
    c.finish()?;

    let cy = &ds.cycles;
    let mut c = table_csv(dir, &schema::CYCLES)?;
    for i in 0..cy.len() {
        c.row(&[
            cy.cycle[i].clone(),
            cy.as_of[i].format("%Y-%m-%d").to_string(),
            cy.previous[i].clone().unwrap_or_default(),
        ])?;
    }
    c.finish()?;

    let r = &ds.relations;
    let mut c = table_csv(dir, &schema::RELATIONS)?;
    for i in 0..r.person.len() {
        c.row(&[pid(r.person[i]), pid(r.relative[i]), r.relation[i].clone()])?;
    }
    c.finish()?;
    if ds.elections.present {
        export_elections(ds, dir, p)?;
    }
    Ok(())
}

/// The four election tables (`elections`, `candidates`, `memberships`, `proxies`).
fn export_elections(ds: &Dataset, dir: &Path, p: Option<&Pseudonymizer>) -> Result<()> {
    let t = &ds.elections;
    let token = |id: &str| p.map_or_else(|| id.to_string(), |p| p.token(id));
    let pid = |i: u32| token(&ds.cadres.person_id[i as usize]);
    let opt = |b: Option<bool>| b.map_or(String::new(), |b| b.to_string());
    let e = &t.elections;
    let mut c = table_csv(dir, &el::ELECTIONS)?;
    for i in 0..e.len() {
        c.row(&[
            e.election_id[i].clone(),
            ds.cycles.cycle[e.cycle[i] as usize].clone(),
            ds.units.unit_id[e.unit[i] as usize].clone(),
            e.body[i].label_zh().to_string(),
            e.seats[i].to_string(),
            e.level[i].label().to_string(),
            e.date[i].map_or(String::new(), |d| d.format("%Y-%m-%d").to_string()),
            e.previous[i].map_or(String::new(), |j| e.election_id[j as usize].clone()),
            e.party_members[i].map_or(String::new(), |n| n.to_string()),
            e.congress[i].map_or(String::new(), |b| {
                if b {
                    "党员代表大会"
                } else {
                    "党员大会"
                }
                .to_string()
            }),
            opt(e.competitive[i]),
        ])?;
    }
    c.finish()?;
    let k = &t.candidates;
    let mut c = table_csv(dir, &el::CANDIDATES)?;
    for i in 0..k.len() {
        let flags: Vec<&str> = k.flags[i].iter().map(|g| g.code()).collect();
        c.row(&[
            e.election_id[k.election[i] as usize].clone(),
            pid(k.person[i]),
            k.ballot_order[i].map_or(String::new(), |n| n.to_string()),
            k.role[i].map_or(String::new(), |r| r.code().to_string()),
            opt(k.fulltime[i]),
            k.nominated_by[i].as_deref().cloned().unwrap_or_default(),
            opt(k.elected[i]),
            opt(k.incumbent[i]),
            k.category[i].map_or(String::new(), |x| x.label_zh().to_string()),
            k.quota_category[i].map_or(String::new(), |x| x.label_zh().to_string()),
            opt(k.frontline[i]),
            opt(k.leading_cadre[i]),
            flags.join(";"),
            k.constituency[i].as_deref().cloned().unwrap_or_default(),
        ])?;
    }
    c.finish()?;
    let m = &t.memberships;
    let mut c = table_csv(dir, &el::MEMBERSHIPS)?;
    for i in 0..m.person.len() {
        c.row(&[
            pid(m.person[i]),
            ds.cycles.cycle[m.cycle[i] as usize].clone(),
            m.body[i].label_zh().to_string(),
            m.level[i].map_or(String::new(), |l| l.label().to_string()),
            m.role[i].clone().unwrap_or_default(),
        ])?;
    }
    c.finish()?;
    let x = &t.proxies;
    let mut c = table_csv(dir, &el::PROXIES)?;
    for i in 0..x.election.len() {
        c.row(&[
            e.election_id[x.election[i] as usize].clone(),
            token(&x.voter[i]),
            token(&x.proxy[i]),
            opt(x.approved[i]),
        ])?;
    }
    c.finish()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_keyed_and_stable() {
        let a = Pseudonymizer::from_key(b"0123456789abcdef");
        let b = Pseudonymizer::from_key(b"0123456789abcdeX");
        assert_eq!(a.token("P0001"), a.token("P0001"));
        assert_ne!(a.token("P0001"), a.token("P0002"));
        assert_ne!(a.token("P0001"), b.token("P0001"));
        assert_eq!(a.token("P0001").len(), 17);
    }
}
