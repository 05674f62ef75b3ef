//! The position of each id in a column of ids, found by the id's text without keeping a
//! second copy of it.
//!
//! A `HashMap<String, u32>` beside the column stored every id twice: at 40,000 units, two
//! million person ids, its buckets and key copies were about 170 MB, while this table
//! holds a 4-byte position per bucket (about 20 MB) and compares a looked-up id with the
//! column's own text.

use hashbrown::HashTable;

use super::texts::Texts;
use std::hash::BuildHasher;

/// Positions into a column of distinct ids (the caller keeps the column).
#[derive(Debug, Clone, Default)]
pub struct IdIndex {
    table: HashTable<u32>,
}

impl IdIndex {
    pub fn with_capacity(n: usize) -> IdIndex {
        IdIndex {
            table: HashTable::with_capacity(n),
        }
    }

    /// The hash the index files `id` under: the same in every index, so that it can be
    /// computed where the ids are read, on every core, ahead of the look-up.
    pub fn hash(id: &str) -> u64 {
        foldhash::fast::FixedState::default().hash_one(id)
    }

    /// The position of `id` in `ids`.
    pub fn get(&self, ids: &Texts, id: &str) -> Option<u32> {
        self.get_hashed(ids, id, Self::hash(id))
    }

    /// [`IdIndex::get`] with the id's [`IdIndex::hash`] in hand.
    pub fn get_hashed(&self, ids: &Texts, id: &str, hash: u64) -> Option<u32> {
        self.table
            .find(hash, |&at| &ids[at as usize] == id)
            .copied()
    }

    /// The position of `id` in `ids` if it is there; if not, records that it is going
    /// to be at `at` (the caller pushes it there before the next look-up): one probe
    /// where a look-up and then an insertion are two.
    pub fn get_or_insert(&mut self, ids: &Texts, id: &str, hash: u64, at: u32) -> Option<u32> {
        match self.table.entry(
            hash,
            |&i| &ids[i as usize] == id,
            |&i| Self::hash(&ids[i as usize]),
        ) {
            hashbrown::hash_table::Entry::Occupied(e) => Some(*e.get()),
            hashbrown::hash_table::Entry::Vacant(e) => {
                e.insert(at);
                None
            }
        }
    }

    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::IdIndex;

    #[test]
    fn get_or_insert_finds_the_first_position_of_an_id_and_records_new_ones() {
        let input = ["P3", "P1", "P3", "P2", "P1", "P1"];
        let mut ids: Vec<&str> = Vec::new();
        let mut index = IdIndex::with_capacity(1);
        let mut found = Vec::new();
        for id in input {
            let column: super::Texts = ids.iter().copied().collect();
            let at = ids.len() as u32;
            let first = index.get_or_insert(&column, id, IdIndex::hash(id), at);
            if first.is_none() {
                ids.push(id);
            }
            found.push(first);
        }
        assert_eq!(ids, ["P3", "P1", "P2"]);
        assert_eq!(found, [None, None, Some(0), None, Some(1), Some(1)]);
        let column: super::Texts = ids.iter().copied().collect();
        assert_eq!(index.get(&column, "P2"), Some(2));
        assert_eq!(index.get(&column, "P4"), None);
    }

    #[test]
    fn finds_every_id_and_no_other_across_growth() {
        // Starts small so that the table grows (and rehashes from the column) many times.
        let ids: Vec<String> = (0..5000).map(|i| format!("P{i:07}")).collect();
        let ids: super::Texts = ids.iter().map(String::as_str).collect();
        let mut index = IdIndex::with_capacity(1);
        for at in 0..ids.len() {
            let id = &ids[at];
            assert_eq!(
                index.get_or_insert(&ids, id, IdIndex::hash(id), at as u32),
                None
            );
        }
        assert_eq!(index.len(), 5000);
        for (at, id) in ids.iter().enumerate() {
            assert_eq!(index.get(&ids, id), Some(at as u32), "{id}");
        }
        assert_eq!(index.get(&ids, "P0005000"), None);
        assert_eq!(index.get(&ids, ""), None);
        assert_eq!(index.get(&ids, "p0000001"), None);
    }
}
