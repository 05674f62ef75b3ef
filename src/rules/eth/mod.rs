//! ETH: minority-nationality cadres (catalogue 3.5).

pub mod eth_001;
