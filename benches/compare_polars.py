#!/usr/bin/env python3
"""The four headline checks of banzi as a plain Python polars script: the peer a
researcher who knows polars would write instead of running banzi (issue 16).

    python3 benches/compare_polars.py DATASET [--out findings.csv]

DATASET is a folder of CSV tables as `banzi gen --units N --out DATASET` writes them. The
script reads them lazily with every column as text, then computes with joins and
group-bys the findings of

    SIZE-001  a 街道 team has 7-9 posts (slate rows except plain 纪委 members)
    AGE-001   at least ceil(n/5) of a team's n members aged 35 or under
    EXP-001   at least ceil(2n/3) of a team's members with 2+ years of township work
    ROT-002   a 街道 seat whose holder has held the same post in the same unit,
              unbroken, for 10+ years at the cycle's reference date

with banzi's conventions where they are simple to state: dates as `banzi gen` writes them
(YYYY-MM = the 1st, or YYYY-MM-DD), calendar years (N years = N anniversaries), a union
of overlapping township spells, plain 纪委 members left out of the member count. It does
not normalise spellings (aliases, full-width digits, 1985.03, GBK): `banzi gen` writes
contract-clean cells, so on its datasets the findings agree with banzi's. It writes them
as `rule,cycle,unit_id,person_id` and prints the time and peak memory.

Needs `pip install polars` (tested with polars 1.x and 2.x).
"""

import argparse
import resource
import sys
import time

import polars as pl

SUBDISTRICT = "街道"
TOWNSHIP_WORK = ["乡镇", "乡", "镇", "公社", "街道"]
SECRETARY_OF_DISCIPLINE = ["纪委书记", "纪工委书记"]


def scan(folder, name):
    return pl.scan_csv(f"{folder}/{name}.csv", infer_schema=False)


def date(column):
    """A YYYY-MM or YYYY-MM-DD text column as a date (month precision = the 1st)."""
    c = pl.col(column)
    return pl.when(c.str.len_chars() == 7).then(c + "-01").otherwise(c).str.to_date("%Y-%m-%d", strict=False)


def full_months(start, end):
    """Full calendar months from `start` to `end` (a month is reached on the same day)."""
    return (
        (end.dt.year() - start.dt.year()) * 12
        + end.dt.month().cast(pl.Int32)
        - start.dt.month().cast(pl.Int32)
        - (end.dt.day() < start.dt.day()).cast(pl.Int32)
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dataset")
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    t0 = time.perf_counter()
    d = a.dataset
    cycles = scan(d, "cycles").select("cycle", date("as_of").alias("as_of"))
    units = scan(d, "units").select("unit_id", pl.col("kind"))
    slate = scan(d, "slate").select("cycle", "unit_id", "body", "post", "person_id")
    cadres = scan(d, "cadres").select("person_id", date("birth_date").alias("birth"))
    careers = scan(d, "careers").select(
        "person_id", "unit_id", "unit_kind", "post",
        date("start").alias("start"), date("end").alias("end"),
    )
    seats = slate.join(cycles, on="cycle").join(units, on="unit_id")
    plain = (pl.col("body") == "纪委") & ~pl.col("post").is_in(SECRETARY_OF_DISCIPLINE)
    members = seats.filter(~plain).select("cycle", "unit_id", "kind", "person_id", "as_of").unique()

    # SIZE-001: posts of a 街道 team.
    size = (
        seats.filter(~plain & (pl.col("kind") == SUBDISTRICT))
        .group_by("cycle", "unit_id").len()
        .filter((pl.col("len") < 7) | (pl.col("len") > 9))
        .select(pl.lit("SIZE-001").alias("rule"), "cycle", "unit_id", pl.lit("").alias("person_id"))
    )

    # AGE-001: members aged 35 or under.
    aged = members.join(cadres, on="person_id", how="left").with_columns(
        age=(full_months(pl.col("birth"), pl.col("as_of")) // 12)
    )
    young = (
        aged.group_by("cycle", "unit_id")
        .agg(n=pl.len(), k=(pl.col("age") <= 35).sum())
        .filter(pl.col("k") < (pl.col("n") * 0.2 - 1e-9).ceil())
        .select(pl.lit("AGE-001").alias("rule"), "cycle", "unit_id", pl.lit("").alias("person_id"))
    )

    # EXP-001: township work, the union of spells up to the reference date, in months.
    spells = (
        members.select("cycle", "person_id", "as_of").unique()
        .join(careers.filter(pl.col("unit_kind").is_in(TOWNSHIP_WORK)), on="person_id")
        .with_columns(end=pl.min_horizontal(pl.col("end").fill_null(pl.col("as_of")), pl.col("as_of")))
        .filter(pl.col("start") < pl.col("end"))
        .sort("cycle", "person_id", "start")
        .with_columns(reach=pl.col("end").cum_max().shift(1).over("cycle", "person_id"))
        .with_columns(run=(pl.col("reach").is_null() | (pl.col("start") > pl.col("reach"))).cum_sum().over("cycle", "person_id"))
        .group_by("cycle", "person_id", "run")
        .agg(pl.col("start").min(), pl.col("end").max())
        .with_columns(months=full_months(pl.col("start"), pl.col("end")))
        .group_by("cycle", "person_id").agg(pl.col("months").sum())
    )
    exp = (
        members.join(spells, on=["cycle", "person_id"], how="left")
        .group_by("cycle", "unit_id")
        .agg(n=pl.len(), k=(pl.col("months").fill_null(0) >= 24).sum())
        .filter(pl.col("k") < (pl.col("n") * 0.6666666667 - 1e-9).ceil())
        .select(pl.lit("EXP-001").alias("rule"), "cycle", "unit_id", pl.lit("").alias("person_id"))
    )

    # ROT-002: the unbroken stretch in the same post of the same unit reaching the date.
    held = (
        seats.filter(pl.col("kind") == SUBDISTRICT)
        .select("cycle", "unit_id", "post", "person_id", "as_of").unique()
        .join(careers, on=["person_id", "unit_id", "post"])
        .filter(pl.col("start") <= pl.col("as_of"))
        .sort("cycle", "unit_id", "post", "person_id", "start")
        .with_columns(reach=pl.col("end").fill_null(pl.date(9999, 1, 1)).cum_max().shift(1).over("cycle", "unit_id", "post", "person_id"))
        .with_columns(run=(pl.col("reach").is_null() | (pl.col("start") > pl.col("reach"))).cum_sum().over("cycle", "unit_id", "post", "person_id"))
        .group_by("cycle", "unit_id", "post", "person_id", "run")
        .agg(pl.col("start").min(), pl.col("end").fill_null(pl.date(9999, 1, 1)).max(), pl.col("as_of").first())
        .filter(pl.col("end") >= pl.col("as_of"))
        .filter(full_months(pl.col("start"), pl.col("as_of")) >= 120)
        .select(pl.lit("ROT-002").alias("rule"), "cycle", "unit_id", "person_id")
        .unique()
    )

    findings = pl.concat([size, young, exp, held]).sort("rule", "cycle", "unit_id", "person_id").collect()
    elapsed = time.perf_counter() - t0
    if a.out:
        findings.write_csv(a.out)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    counts = findings.group_by("rule").len().sort("rule").rows()
    print(f"polars peer: {elapsed:.2f} s, peak {peak:.0f} MB, findings {dict(counts)}", file=sys.stderr)


if __name__ == "__main__":
    main()
