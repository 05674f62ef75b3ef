#!/usr/bin/env python3
"""The four headline checks of banzi written as DuckDB SQL, for the speed comparison of
issue 7 (item 4).

    python3 benches/compare_duckdb.py DATASET [--out findings.csv] [--banzi BIN]
                                              [--compare exceptions.csv] [--facts-out facts.csv]
                                              [--rules FILE.toml] [--lean] [--threads N] [--steps]

DATASET is a folder of CSV tables as `banzi gen --units N --out DATASET` writes them
(cadres, careers, units, slate, cycles, relations). The script computes, with SQL only,
the findings of

    SIZE-001  a 街道 team has 7-9 posts (slate rows except plain 纪委 members)
    AGE-001   at least ceil(n/5) of a team's n members aged 35 or under (all teams)
    EXP-001   at least ceil(2n/3) of a team's members with 2+ years of township work
    ROT-002   a 街道 seat whose holder has held the same post in the same unit,
              unbroken, for 10+ years at the cycle's reference date

exactly as banzi defines them (see benches/README.md for the arithmetic and for what is
left out), prints the number of findings per rule and the wall time of reading the CSVs
and of the checks, and writes the findings as `rule,cycle,unit_id,person_id` (person_id
empty for team rules), comparable with banzi's exceptions.csv filtered to these rules.
With --banzi it then runs `BIN check DATASET --select <the four rules>` on the same
files, times it the same way and checks that both give the same findings.

Needs `pip install duckdb` (tested with duckdb 2.0).
"""

import argparse
import csv
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import tomllib
except ImportError:  # Python < 3.11: --rules is then unavailable
    tomllib = None

import duckdb

# --------------------------------------------------------------------------------------
# Rule parameters: banzi's defaults (src/rules/{size,age,exp,rot}/*.rs, META.params) and
# which preset each rule applies to (META.township / META.subdistrict not None).
# --------------------------------------------------------------------------------------
RULES = {
    "SIZE-001": {"params": {"min": 7.0, "max": 9.0}, "township": False, "subdistrict": True},
    "AGE-001": {"params": {"max_age": 35.0, "min_share": 0.2}, "township": True, "subdistrict": True},
    "EXP-001": {"params": {"min_years": 2.0, "min_share": 0.6666666667}, "township": True, "subdistrict": True},
    "ROT-002": {"params": {"min_years": 10.0}, "township": False, "subdistrict": True},
}

# --------------------------------------------------------------------------------------
# Vocabularies of src/normalize/role.rs and src/normalize/unit_kind.rs, as data.
# --------------------------------------------------------------------------------------
ROLE_CODES = {  # code -> English label (Role::code, Role::label_en)
    "secretary": "party secretary",
    "deputy_secretary": "deputy party secretary",
    "deputy_secretary_party_building": "full-time deputy party secretary",
    "head": "township head",
    "pc_head": "people's congress head",
    "discipline_secretary": "discipline secretary",
    "discipline_deputy_secretary": "deputy discipline secretary",
    "organization_member": "organisation member",
    "deputy_head": "deputy township head",
    "armed_forces_head": "armed forces head",
    "pc_deputy_head": "people's congress deputy head",
    "member": "committee member",
}

TITLES = [  # role.rs TITLES
    ("书记", "secretary"), ("党委书记", "secretary"), ("党工委书记", "secretary"),
    ("副书记", "deputy_secretary"), ("党委副书记", "deputy_secretary"),
    ("党工委副书记", "deputy_secretary"),
    ("专职副书记", "deputy_secretary_party_building"),
    ("抓党建副书记", "deputy_secretary_party_building"),
    ("党建副书记", "deputy_secretary_party_building"),
    ("抓党建专职副书记", "deputy_secretary_party_building"),
    ("党委专职副书记", "deputy_secretary_party_building"),
    ("党工委专职副书记", "deputy_secretary_party_building"),
    ("专职党委副书记", "deputy_secretary_party_building"),
    ("专职党工委副书记", "deputy_secretary_party_building"),
    ("党委抓党建副书记", "deputy_secretary_party_building"),
    ("党工委抓党建副书记", "deputy_secretary_party_building"),
    ("乡长", "head"), ("镇长", "head"), ("乡镇长", "head"), ("苏木达", "head"),
    ("主任", "head"), ("办事处主任", "head"), ("街道办主任", "head"),
    ("街道办事处主任", "head"),
    ("人大主席", "pc_head"), ("人大主席团主席", "pc_head"), ("人大专职主席", "pc_head"),
    ("人大主席团专职主席", "pc_head"), ("人大主任", "pc_head"), ("人大工委主任", "pc_head"),
    ("人大工作委员会主任", "pc_head"),
    ("纪委书记", "discipline_secretary"), ("纪工委书记", "discipline_secretary"),
    ("纪检监察工委书记", "discipline_secretary"),
    ("纪委副书记", "discipline_deputy_secretary"),
    ("纪工委副书记", "discipline_deputy_secretary"),
    ("纪检监察工委副书记", "discipline_deputy_secretary"),
    ("专职纪委副书记", "discipline_deputy_secretary"),
    ("纪委专职副书记", "discipline_deputy_secretary"),
    ("专职纪工委副书记", "discipline_deputy_secretary"),
    ("纪工委专职副书记", "discipline_deputy_secretary"),
    ("组织委员", "organization_member"), ("党委组织委员", "organization_member"),
    ("党工委组织委员", "organization_member"),
    ("副乡长", "deputy_head"), ("副镇长", "deputy_head"), ("副乡镇长", "deputy_head"),
    ("副苏木达", "deputy_head"), ("常务副乡长", "deputy_head"), ("常务副镇长", "deputy_head"),
    ("副主任", "deputy_head"), ("常务副主任", "deputy_head"), ("办事处副主任", "deputy_head"),
    ("街道办副主任", "deputy_head"), ("街道办事处副主任", "deputy_head"),
    ("人武部长", "armed_forces_head"), ("人武部部长", "armed_forces_head"),
    ("武装部长", "armed_forces_head"), ("武装部部长", "armed_forces_head"),
    ("人民武装部长", "armed_forces_head"), ("人民武装部部长", "armed_forces_head"),
    ("人大副主席", "pc_deputy_head"), ("人大主席团副主席", "pc_deputy_head"),
    ("人大专职副主席", "pc_deputy_head"), ("人大兼职副主席", "pc_deputy_head"),
    ("人大主席团专职副主席", "pc_deputy_head"), ("人大副主任", "pc_deputy_head"),
    ("人大工委副主任", "pc_deputy_head"), ("人大工作委员会副主任", "pc_deputy_head"),
    ("委员", "member"), ("党委委员", "member"), ("党工委委员", "member"),
    ("宣传委员", "member"), ("统战委员", "member"), ("政法委员", "member"),
    ("宣统委员", "member"), ("宣传统战委员", "member"), ("党委宣传委员", "member"),
    ("党委统战委员", "member"), ("党委政法委员", "member"), ("党委宣统委员", "member"),
    ("党工委宣传委员", "member"), ("党工委统战委员", "member"), ("党工委政法委员", "member"),
]

BODIES = [  # role.rs BODIES, and Body::code / label_en
    ("党委", "party_committee"), ("党工委", "party_committee"), ("党委会", "party_committee"),
    ("委员会", "party_committee"), ("工作委员会", "party_committee"),
    ("纪委", "discipline"), ("纪工委", "discipline"), ("纪检监察工委", "discipline"),
    ("纪律检查委员会", "discipline"), ("纪律检查工作委员会", "discipline"),
    ("政府", "government"), ("人民政府", "government"), ("办事处", "government"),
    ("街道办", "government"), ("街道办事处", "government"),
    ("人大", "peoples_congress"), ("人大主席团", "peoples_congress"),
    ("人大工委", "peoples_congress"), ("人大工作委员会", "peoples_congress"),
    ("人民代表大会", "peoples_congress"), ("人民代表大会主席团", "peoples_congress"),
    ("班子", "team"), ("领导班子", "team"), ("党政班子", "team"), ("党政领导班子", "team"),
]
BODY_CODES = {
    "party_committee": "party committee",
    "discipline": "discipline committee",
    "government": "government",
    "peoples_congress": "people's congress",
    "team": "leadership team",
}

UNIT_ENDINGS = ["乡", "镇", "街道", "苏木", "人民政府", "政府", "办事处", "街道办"]
NOTES = ["专职", "兼职", "正科级", "副科级", "正科", "副科"]

UNIT_KINDS = {  # UnitKind::parse (lower-cased input) -> label
    "乡镇": "乡镇", "乡": "乡镇", "镇": "乡镇", "苏木": "乡镇", "township": "乡镇", "town": "乡镇",
    "公社": "公社", "人民公社": "公社", "commune": "公社",
    "街道": "街道", "街道办事处": "街道", "街道办": "街道", "subdistrict": "街道",
    "sub-district": "街道", "sub_district": "街道", "street": "街道",
    "村": "村", "社区": "村", "嘎查": "村", "village": "村", "community": "村",
    "县": "县", "区": "县", "旗": "县", "县级市": "县", "县区": "县", "county": "县", "district": "县",
    "市": "市", "地区": "市", "州": "市", "盟": "市", "地级市": "市", "city": "市", "prefecture": "市",
    "省": "省", "自治区": "省", "直辖市": "省", "中央": "省", "province": "省", "central": "省",
    "企业": "企业", "公司": "企业", "enterprise": "企业", "company": "企业",
    "事业单位": "事业单位", "事业": "事业单位", "public_institution": "事业单位",
    "institution": "事业单位",
    "学校": "学校", "学习": "学校", "school": "学校", "study": "学校",
    "部队": "部队", "军队": "部队", "army": "部队", "military": "部队",
    "其他": "其他", "其它": "其他", "other": "其他",
}

ORGANS = ["办事处", "党工委", "党委", "人民政府", "政府", "人大主席团", "人大工委", "人大"]
ONGOING = ["至今", "今", "现在", "now", "present"]
DATE_FULL_WIDTH = "０１２３４５６７８９．。－—–／"
DATE_NARROW = "0123456789..---/"
FULL_WIDTH = "".join(chr(c) for c in range(0xFF01, 0xFF5F))
NARROW = "".join(chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F))

WHITE = [" ", "\t", "\r", "\n", "\u3000", "\u00a0"]

TABLES = ["cadres", "careers", "units", "slate", "cycles", "relations"]


def q(s):
    """A SQL string literal."""
    return "'" + s.replace("'", "''") + "'"


def values(rows):
    return ", ".join("(" + ", ".join(q(v) for v in r) + ")" for r in rows)


def load_config(path):
    """Thresholds, per-preset switches and the township setting from a banzi rules TOML
    (the subset these four rules use)."""
    rules = {k: {"params": dict(v["params"]), "township": v["township"], "subdistrict": v["subdistrict"]}
             for k, v in RULES.items()}
    subdistrict_counts = True
    if path:
        if tomllib is None:
            sys.exit("--rules needs Python 3.11 (tomllib)")
        with open(path, "rb") as f:
            doc = tomllib.load(f)
        if doc.get("preset", "auto") != "auto":
            sys.exit("only preset = \"auto\" is supported")
        subdistrict_counts = doc.get("settings", {}).get("subdistrict_counts_as_township", True)
        for code, table in doc.get("rules", {}).items():
            if code not in rules:
                continue
            r = rules[code]
            for k, v in table.items():
                if k == "enabled" and v is False:
                    r["township"] = r["subdistrict"] = False
                elif k in ("township", "subdistrict"):
                    r[k] = v != "off"
                elif k in r["params"]:
                    r["params"][k] = float(v)
    return rules, subdistrict_counts


def preset_filter(rule, column="subdistrict"):
    """SQL condition selecting the teams a rule applies to."""
    t, s = rule["township"], rule["subdistrict"]
    if t and s:
        return "true"
    if s:
        return column
    if t:
        return f"NOT {column}"
    return "false"


# --------------------------------------------------------------------------------------
# Phase 1: read the CSV files into DuckDB tables, every column as text (as banzi does:
# values are normalised after reading).
# --------------------------------------------------------------------------------------
def read_tables(con, folder):
    present = []
    for t in TABLES:
        path = os.path.join(folder, t + ".csv")
        if not os.path.exists(path):
            continue
        con.execute(
            f"CREATE OR REPLACE TABLE raw_{t} AS SELECT * FROM read_csv({q(path)}, header = true, "
            f"all_varchar = true, delim = ',', quote = '\"', escape = '\"')"
        )
        present.append(t)
    for t in ("cadres", "careers", "units", "slate", "cycles"):
        if t not in present:
            sys.exit(f"{folder}: {t}.csv is missing (this script needs cadres, careers, units, slate, cycles)")
    return present


# --------------------------------------------------------------------------------------
# Phase 2: the checks. Every statement below is SQL run by DuckDB; Python only strings
# them together.
# --------------------------------------------------------------------------------------
def check_statements(rules, subdistrict_counts, lean=False):
    p = {k: v["params"] for k, v in rules.items()}
    township_kinds = "('乡镇', '公社', '街道')" if subdistrict_counts else "('乡镇', '公社')"
    ws = "[\\s\\x{3000}\\x{00A0}_\\-'\\x{2019}\\x{200B}\\x{FEFF}]"
    S = []
    # A cell as banzi reads it: trimmed, empty = NULL (trimmed only when there is white space
    # at an end: trimming every cell costs more than the rest of a scan). --lean: no trim.
    if lean:
        cell_macro = "CREATE OR REPLACE MACRO cell(x) AS nullif(x, '');"
    else:
        cell_macro = f"""CREATE OR REPLACE MACRO cell(x) AS CASE
            WHEN {' OR '.join(f'prefix(x, {q(c)}) OR suffix(x, {q(c)})' for c in WHITE)}
            THEN nullif(trim(x, {q(''.join(WHITE))}), '') ELSE nullif(x, '') END;"""

    # Helpers: text cells (trimmed, empty = NULL), the comparison key of role.rs, dates.
    S.append(("macros", f"""
        {cell_macro}
        CREATE OR REPLACE MACRO narrow(x) AS translate(x, {q(FULL_WIDTH)}, {q(NARROW)});
        CREATE OR REPLACE MACRO rkey(x) AS lower(regexp_replace(narrow(x), {q(ws)}, '', 'g'));
        CREATE OR REPLACE MACRO digits(c) AS c BETWEEN '0' AND '9';
        CREATE OR REPLACE MACRO iso_shape(t) AS t[5] = '-' AND digits(t[6]) AND digits(t[7])
            AND (length(t) = 7 OR (length(t) = 10 AND t[8] = '-' AND digits(t[9]) AND digits(t[10])));
        CREATE OR REPLACE MACRO pdate_iso(t) AS CASE WHEN t[1:4] BETWEEN '1900' AND '2100'
            THEN try_cast(CASE WHEN length(t) = 7 THEN t || '-01' ELSE t END AS DATE) END;
        CREATE OR REPLACE MACRO pdate_text(t) AS regexp_replace(regexp_replace(
            split_part(split_part(translate(t, {q(DATE_FULL_WIDTH)}, {q(DATE_NARROW)}), ' ', 1), 'T', 1),
            '日+$', ''), '^([-./年月]*\\d{{4}})(\\d{{2}})(\\d{{2}})?([-./年月]*)$', '\\1-\\2-\\3\\4');
        CREATE OR REPLACE MACRO pdate_any(t) AS try_cast(regexp_replace(regexp_replace(pdate_text(t),
            '^(?:[-./年月]*(19\\d\\d|20\\d\\d|2100)[-./年月]+(\\d{{1,2}})(?:[-./年月]+(\\d{{1,2}}))?[-./年月]*|.*)$',
            '\\1-\\2-\\3'), '-$', '-1') AS DATE);
        -- A date as PartialDate::parse reads it (YYYY-MM, YYYY.MM, YYYYMM, YYYY年M月, with or
        -- without a day), month precision taken as the 1st; NULL when it is not a date.
        CREATE OR REPLACE MACRO pdate(t) AS CASE WHEN iso_shape(t) THEN pdate_iso(t) ELSE pdate_any(t) END;
        CREATE OR REPLACE MACRO days(d) AS CAST(d - DATE '1970-01-01' AS INTEGER);
    """))

    # Vocabularies.
    S.append(("vocabularies", f"""
        CREATE OR REPLACE TEMP TABLE titles(entry VARCHAR, role VARCHAR);
        INSERT INTO titles VALUES {values(TITLES)};
        CREATE OR REPLACE TEMP TABLE role_names(k VARCHAR, role VARCHAR);
        INSERT INTO role_names VALUES {values([(c.replace('_', ''), c) for c in ROLE_CODES] + [(l.replace(' ', '').replace("'", '').replace('-', ''), c) for c, l in ROLE_CODES.items()])};
        CREATE OR REPLACE TEMP TABLE bodies(entry VARCHAR, body VARCHAR);
        INSERT INTO bodies VALUES {values(BODIES)};
        CREATE OR REPLACE TEMP TABLE body_names(k VARCHAR, body VARCHAR);
        INSERT INTO body_names VALUES {values([(c.replace('_', ''), c) for c in BODY_CODES] + [(l.replace(' ', '').replace("'", ''), c) for c, l in BODY_CODES.items()])};
        CREATE OR REPLACE TEMP TABLE unit_kinds(t VARCHAR, kind VARCHAR);
        INSERT INTO unit_kinds VALUES {values(UNIT_KINDS.items())};
    """))

    endings = " OR ".join(f"suffix(prefix, {q(e)})" for e in UNIT_ENDINGS)

    # Post title -> role (role.rs `parse`), once per distinct title of slate and careers.
    S.append(("roles", f"""
        CREATE OR REPLACE TEMP TABLE post_role AS
        WITH posts AS (
            SELECT DISTINCT post FROM raw_slate WHERE cell(post) IS NOT NULL
            UNION SELECT DISTINCT post FROM raw_careers WHERE cell(post) IS NOT NULL
        ), noted AS (
            SELECT post, trim(narrow(post)) AS t,
                   regexp_extract(trim(narrow(post)), '\\(([^(]*)\\)$', 1) AS note
            FROM posts
        ), stripped AS (
            SELECT post,
                   CASE WHEN rkey(note) IN ({', '.join(q(n) for n in NOTES)})
                        THEN regexp_replace(t, '\\([^(]*\\)$', '') ELSE t END AS title,
                   rkey(note) = '专职' AS fulltime
            FROM noted
        ), parts AS (
            SELECT post, fulltime,
                   list_filter(
                       list_transform(
                           regexp_split_to_array(replace(title, '兼职', chr(1)),
                               '[、,;/\\\\|&+()\\[\\]【】〔〕]|兼任|兼'),
                           lambda x: rkey(replace(x, chr(1), '兼职'))),
                       lambda x: x <> '') AS ks
            FROM stripped
        ), single AS (
            SELECT post, fulltime, ks[1] AS k FROM parts WHERE len(ks) = 1
        ), variants AS (
            SELECT post, fulltime, 1 AS prio, k AS kk, NULL AS note FROM single
            UNION ALL SELECT post, fulltime, 2, k[3:], '专职' FROM single WHERE prefix(k, '专职')
            UNION ALL SELECT post, fulltime, 3, k[3:], '兼职' FROM single WHERE prefix(k, '兼职')
        ), candidates AS (
            SELECT s.post, s.fulltime, 0 AS prio, 0 AS len, r.role, NULL AS note
            FROM single s JOIN role_names r ON r.k = s.k
            UNION ALL
            SELECT post, fulltime, prio, length(entry), role, note FROM (
                SELECT v.*, t.entry, t.role, v.kk[1:length(v.kk) - length(t.entry)] AS prefix
                FROM variants v JOIN titles t ON suffix(v.kk, t.entry)
            ) WHERE prefix = '' OR {endings}
        ), best AS (
            SELECT post, arg_min({{'role': role, 'note': note, 'fulltime': fulltime}}, (prio, -len)) AS b
            FROM candidates GROUP BY post
        )
        SELECT post,
               CASE WHEN b.role = 'deputy_secretary' AND (b.note = '专职' OR b.fulltime)
                    THEN 'deputy_secretary_party_building' ELSE b.role END AS role
        FROM best;
    """))

    # Body -> whether it is the 纪委 (Body::parse), once per distinct body.
    S.append(("bodies", f"""
        CREATE OR REPLACE TEMP TABLE body_kind AS
        WITH b AS (SELECT body, rkey(body) AS k FROM (SELECT DISTINCT body FROM raw_slate)
                   WHERE cell(body) IS NOT NULL),
        u AS (SELECT body, k, CASE WHEN prefix(k, '中共') THEN k[3:] ELSE k END AS uk FROM b),
        candidates AS (
            SELECT u.body, 0 AS prio, 0 AS len, n.body AS kind FROM u JOIN body_names n ON n.k = u.k
            UNION ALL
            SELECT body, 1, length(entry), kind FROM (
                SELECT u.body, t.entry, t.body AS kind, u.uk[1:length(u.uk) - length(t.entry)] AS prefix
                FROM u JOIN bodies t ON suffix(u.uk, t.entry)
            ) WHERE prefix = '' OR {endings}
        )
        SELECT body, arg_min(kind, (prio, -len)) AS kind FROM candidates GROUP BY body;
    """))

    # Dates, parsed once per distinct text (month-precision data has few distinct values).
    S.append(("dates", """
        CREATE OR REPLACE TEMP TABLE dates AS
        SELECT t, pdate(cell(t)) AS d FROM (
            SELECT start AS t FROM raw_careers UNION SELECT "end" FROM raw_careers
            UNION SELECT birth_date FROM raw_cadres UNION SELECT as_of FROM raw_cycles
        ) WHERE t IS NOT NULL;
    """))

    # Units, cycles, cadres as banzi loads them: the first valid row of each id.
    S.append(("units", """
        CREATE OR REPLACE TEMP TABLE units AS
        SELECT unit_id, r.name, r.kind, r.parent_id, r.kind = '街道' AS subdistrict FROM (
            SELECT cell(u.unit_id) AS unit_id,
                   arg_min({'name': cell(u.name), 'kind': k.kind, 'parent_id': cell(u.parent_id)}, u.rowid) AS r
            FROM raw_units u JOIN unit_kinds k ON k.t = lower(cell(u.kind))
            WHERE cell(u.unit_id) IS NOT NULL AND cell(u.name) IS NOT NULL
            GROUP BY cell(u.unit_id)
        );
    """))
    S.append(("cycles", """
        CREATE OR REPLACE TEMP TABLE cycles AS
        SELECT cycle, as_of, days(as_of) AS ref_day FROM (
            SELECT cycle, arg_min(as_of, rn) AS as_of FROM (
                SELECT cell(c.cycle) AS cycle, c.rowid AS rn,
                       CASE WHEN cell(c.as_of) IS NULL
                            THEN try_cast(left(cell(c.cycle), 4) || '-12-31' AS DATE) ELSE d.d END AS as_of
                FROM raw_cycles c LEFT JOIN dates d ON d.t = c.as_of
                WHERE cell(c.cycle) IS NOT NULL
            ) WHERE as_of IS NOT NULL GROUP BY cycle
        );
    """))
    S.append(("cadres", """
        CREATE OR REPLACE TEMP TABLE cadres AS
        SELECT cell(c.person_id) AS person_id, arg_min(d.d, c.rowid) AS birth
        FROM raw_cadres c JOIN dates d ON d.t = c.birth_date
        WHERE d.d IS NOT NULL AND cell(c.person_id) IS NOT NULL AND cell(c.name) IS NOT NULL
          AND cell(c.gender) IS NOT NULL AND cell(c.ethnicity) IS NOT NULL
        GROUP BY cell(c.person_id);
    """))

    # Seats: slate rows that load (known cycle, unit, person; readable body and post).
    # `member`: every seat except plain members of the 纪委.
    S.append(("seats", """
        CREATE OR REPLACE TEMP TABLE seats AS
        SELECT c.cycle, u.unit_id, p.person_id, r.role, u.subdistrict, c.ref_day,
               NOT (b.kind = 'discipline' AND r.role <> 'discipline_secretary') AS member,
               year(c.as_of) - year(p.birth)
                 - CASE WHEN month(c.as_of) * 100 + day(c.as_of) < month(p.birth) * 100 + day(p.birth)
                        THEN 1 ELSE 0 END AS age
        FROM raw_slate s
        JOIN cycles c ON c.cycle = cell(s.cycle)
        JOIN units u ON u.unit_id = cell(s.unit_id)
        JOIN cadres p ON p.person_id = cell(s.person_id)
        JOIN body_kind b ON b.body = s.body
        JOIN post_role r ON r.post = s.post
        WHERE r.role IS NOT NULL;
    """))

    # Career units named only by name: the longest unit name the text ends with (after an
    # organ such as 办事处), disambiguated by the parent's name (careers.rs UnitMatcher).
    organ_strip = "CASE " + " ".join(
        f"WHEN suffix(n, {q(o)}) AND length(n) - {len(o)} >= 2 THEN n[1:length(n) - {len(o)}]"
        for o in ORGANS) + " ELSE n END"
    S.append(("organ macro", f"CREATE OR REPLACE MACRO strip_organ(n) AS {organ_strip};"))
    if lean:
        S.append(("career units by name", "CREATE OR REPLACE TEMP TABLE name_unit(unit_name VARCHAR, unit_id VARCHAR);"))
    else:
        S.append(("career units by name", """
            CREATE OR REPLACE TEMP TABLE name_unit AS
            WITH names AS (
                SELECT DISTINCT cell(c.unit_name) AS unit_name FROM raw_careers c
                LEFT JOIN units u ON u.unit_id = cell(c.unit_id)
                WHERE u.unit_id IS NULL AND cell(c.unit_name) IS NOT NULL
            ), stripped AS (
                SELECT unit_name, strip_organ(unit_name) AS name FROM names
            ), tails AS (
                SELECT unit_name, name, i, name[i:] AS tail
                FROM stripped, generate_series(1, length(name) - 1) g(i)
            ), hits AS (
                SELECT t.unit_name, t.name, t.i, u.unit_id, pu.name AS parent_name
                FROM tails t JOIN units u ON u.name = t.tail
                LEFT JOIN units pu ON pu.unit_id = u.parent_id
            ), longest AS (
                SELECT h.* FROM hits h
                JOIN (SELECT unit_name, min(i) AS i FROM hits GROUP BY unit_name) m USING (unit_name, i)
            )
            SELECT unit_name,
                   CASE WHEN count(*) = 1 THEN any_value(unit_id)
                        WHEN count(*) FILTER (WHERE contains(name[1:i - 1], parent_name)) = 1
                        THEN any_value(unit_id) FILTER (WHERE contains(name[1:i - 1], parent_name))
                   END AS unit_id
            FROM longest GROUP BY unit_name;
        """))

    # Careers as banzi loads them, reduced to what the four rules need: spells as days
    # since 1970 (end NULL = ongoing), township work, unit and role. The unit is the
    # given unit_id when it is in units, else the unit matched by name; the kind is
    # unit_kind when given, else the unit's kind.
    ongoing = ", ".join(q(o) for o in ONGOING)
    S.append(("careers", f"""
        CREATE OR REPLACE TEMP TABLE spells AS
        SELECT p.person_id, days(ds.d) AS s, days(de.d) AS e,
               coalesce(u.unit_id, n.unit_id) AS unit_id,
               coalesce(k.kind, CASE WHEN cell(c.unit_kind) IS NULL THEN coalesce(u.kind, nu.kind) END)
                   IN {township_kinds} AS township,
               r.role
        FROM raw_careers c
        JOIN cadres p ON p.person_id = cell(c.person_id)
        JOIN dates ds ON ds.t = c.start
        LEFT JOIN dates de ON de.t = c."end"
        LEFT JOIN units u ON u.unit_id = cell(c.unit_id)
        LEFT JOIN name_unit n ON n.unit_name = cell(c.unit_name)
        LEFT JOIN units nu ON nu.unit_id = n.unit_id
        LEFT JOIN unit_kinds k ON k.t = lower(cell(c.unit_kind))
        LEFT JOIN post_role r ON r.post = c.post
        WHERE ds.d IS NOT NULL AND cell(c.unit_name) IS NOT NULL AND cell(c.post) IS NOT NULL
          AND (cell(c."end") IS NULL OR cell(c."end") IN ({ongoing}) OR de.d >= ds.d);
    """))

    # Township years per (cycle, person): length of the union of township spells clipped
    # to the reference date. Sorted by start, a spell adds what it covers beyond the
    # furthest end of the spells before it (`before`, computed once per person; clipping
    # to the date clips `before` too).
    S.append(("township years", """
        CREATE OR REPLACE TEMP TABLE township AS
        WITH tw AS (
            SELECT person_id, s, coalesce(e, 2147483647) AS e,
                   max(coalesce(e, 2147483647)) OVER (PARTITION BY person_id ORDER BY s
                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
            FROM spells WHERE township
        ), cp AS (SELECT DISTINCT cycle, person_id, ref_day FROM seats)
        SELECT cp.cycle, cp.person_id,
               floor(CAST(sum(greatest(0, least(tw.e, cp.ref_day)
                                          - greatest(tw.s, least(coalesce(tw.before, tw.s), cp.ref_day))))
                          AS DOUBLE) / 365.2425 * 100.0 + 1e-9) / 100.0 AS township_years
        FROM cp JOIN tw ON tw.person_id = cp.person_id
        GROUP BY cp.cycle, cp.person_id;
    """))

    # Years in post per (cycle, unit, person): for each of the person's roles on the team,
    # the unbroken stretch of spells in that role and unit (touching spells join) that
    # reaches the reference date; the longest of the roles.
    S.append(("years in post", """
        CREATE OR REPLACE TEMP TABLE in_post AS
        WITH sr AS (SELECT DISTINCT cycle, unit_id, person_id, role, ref_day FROM seats),
        sp AS (
            SELECT sr.cycle, sr.unit_id, sr.person_id, sr.role, sr.ref_day, k.s, coalesce(k.e, 2147483647) AS e
            FROM sr JOIN spells k
              ON k.person_id = sr.person_id AND k.unit_id = sr.unit_id AND k.role = sr.role
            WHERE k.s <= sr.ref_day
        ), w AS (
            SELECT *, max(e) OVER (PARTITION BY cycle, unit_id, person_id, role ORDER BY s, e
                                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
            FROM sp
        ), stretch AS (
            SELECT cycle, unit_id, person_id, role, any_value(ref_day) AS ref_day, max(e) AS last_end,
                   max(s) FILTER (WHERE before IS NULL OR s > before) AS start
            FROM w GROUP BY cycle, unit_id, person_id, role
        )
        SELECT cycle, unit_id, person_id,
               max(CASE WHEN last_end >= ref_day AND start < ref_day
                        THEN floor(CAST(ref_day - start AS DOUBLE) / 365.2425 * 100.0 + 1e-9) / 100.0
                        ELSE 0.0 END) AS years_in_post
        FROM stretch GROUP BY cycle, unit_id, person_id;
    """))

    # Members: one row per distinct person of each team, plain 纪委 members left out.
    S.append(("members", """
        CREATE OR REPLACE TEMP TABLE members AS
        SELECT m.cycle, m.unit_id, m.person_id, m.subdistrict, m.age,
               coalesce(t.township_years, 0.0) AS township_years
        FROM (SELECT DISTINCT cycle, unit_id, person_id, subdistrict, age FROM seats WHERE member) m
        LEFT JOIN township t ON t.cycle = m.cycle AND t.person_id = m.person_id;
    """))

    size, age, exp, rot = (rules[c] for c in ("SIZE-001", "AGE-001", "EXP-001", "ROT-002"))
    S.append(("rules", f"""
        CREATE OR REPLACE TEMP TABLE findings AS
        SELECT 'SIZE-001' AS rule, cycle, unit_id, NULL::VARCHAR AS person_id FROM (
            SELECT cycle, unit_id, count(*) FILTER (WHERE member) AS posts
            FROM seats WHERE {preset_filter(size)} GROUP BY cycle, unit_id
        ) WHERE posts < {p['SIZE-001']['min']} OR posts > {p['SIZE-001']['max']}
        UNION ALL
        SELECT 'AGE-001', cycle, unit_id, NULL FROM (
            SELECT cycle, unit_id, count(*) AS n,
                   count(*) FILTER (WHERE CAST(age AS DOUBLE) <= {p['AGE-001']['max_age']}) AS k
            FROM members WHERE {preset_filter(age)} GROUP BY cycle, unit_id
        ) WHERE k < CAST(ceil(CAST(n AS DOUBLE) * {p['AGE-001']['min_share']!r} - 1e-9) AS BIGINT)
        UNION ALL
        SELECT 'EXP-001', cycle, unit_id, NULL FROM (
            SELECT cycle, unit_id, count(*) AS n,
                   count(*) FILTER (WHERE township_years >= {p['EXP-001']['min_years']}) AS k
            FROM members WHERE {preset_filter(exp)} GROUP BY cycle, unit_id
        ) WHERE k < CAST(ceil(CAST(n AS DOUBLE) * {p['EXP-001']['min_share']!r} - 1e-9) AS BIGINT)
        UNION ALL
        SELECT DISTINCT 'ROT-002', s.cycle, s.unit_id, s.person_id
        FROM seats s JOIN in_post y USING (cycle, unit_id, person_id)
        WHERE {preset_filter(rot, 's.subdistrict')} AND y.years_in_post >= {p['ROT-002']['min_years']};
    """))
    return S


def warm_cache(folder):
    """Reads the CSV files once so that neither program pays for a cold disk cache."""
    for t in TABLES:
        path = os.path.join(folder, t + ".csv")
        if os.path.exists(path):
            with open(path, "rb") as f:
                while f.read(1 << 24):
                    pass


def read_findings(path):
    """(rule, cycle, unit_id, person_id) of the four rules in a findings or exceptions CSV."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        return {(r["rule"], r["cycle"], r["unit_id"], r["person_id"] or "")
                for r in csv.DictReader(f) if r["rule"] in RULES}


def run_banzi(binary, args):
    """Runs `banzi check` on the same dataset; returns (wall seconds, peak RSS in MB, exceptions.csv)."""
    out = args.banzi_out or tempfile.mkdtemp(prefix="banzi-compare-")
    cmd = [binary, "check", args.dataset, "--out", out, "--select", ",".join(RULES)]
    if args.rules:
        cmd += ["--rules", args.rules]
    timer = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time") else None)
    wrapped = [timer, "-f", "maxrss_kb=%M"] + cmd if timer else cmd  # GNU time: the child's peak RSS
    t0 = time.perf_counter()
    proc = subprocess.run(wrapped, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited with {proc.returncode}:\n{proc.stdout}")
    peak = None
    for line in proc.stdout.splitlines():
        if line.startswith("maxrss_kb="):
            peak = int(line.split("=")[1]) / 1024
    return wall, peak, os.path.join(out, "exceptions.csv"), " ".join(cmd)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dataset", help="folder of CSV tables (banzi gen --units N --out DIR)")
    ap.add_argument("--out", help="findings CSV (default: DATASET-duckdb-findings.csv, next to the dataset)")
    ap.add_argument("--facts-out", help="also write age, township_years, years_in_post per "
                    "(cycle, unit_id, person_id), comparable with `banzi normalize`'s facts.csv")
    ap.add_argument("--rules", help="banzi rules TOML: thresholds and on/off of these four rules")
    ap.add_argument("--threads", type=int, help="DuckDB threads (default: all cores)")
    ap.add_argument("--steps", action="store_true", help="print the time of each SQL step")
    ap.add_argument("--lean", action="store_true", help="assume contract-clean cells as `banzi gen` writes "
                    "them: no trimming of cells, career units by unit_id only (no matching by name)")
    ap.add_argument("--banzi", metavar="BIN", help="also run `BIN check DATASET --select <the four rules>` "
                    "in the same run (after the DuckDB checks), time it and compare the findings")
    ap.add_argument("--banzi-out", metavar="DIR", help="--out of that banzi run (default: a temporary folder)")
    ap.add_argument("--compare", metavar="CSV", help="compare the findings with an existing banzi exceptions.csv")
    args = ap.parse_args()

    if not args.out:
        args.out = os.path.normpath(args.dataset) + "-duckdb-findings.csv"
    rules, subdistrict_counts = load_config(args.rules)
    warm_cache(args.dataset)
    con = duckdb.connect()
    if args.threads:
        con.execute(f"SET threads = {args.threads}")

    t0 = time.perf_counter()
    read_tables(con, args.dataset)
    t1 = time.perf_counter()
    for name, sql in check_statements(rules, subdistrict_counts, args.lean):
        ts = time.perf_counter()
        con.execute(sql)
        if args.steps:
            print(f"  step {name:<22} {time.perf_counter() - ts:8.3f} s", file=sys.stderr)
    counts = dict(con.execute("SELECT rule, count(*) FROM findings GROUP BY rule").fetchall())
    t2 = time.perf_counter()
    con.execute(f"""COPY (SELECT rule, cycle, unit_id, coalesce(person_id, '') AS person_id
                          FROM findings ORDER BY rule, cycle, unit_id, person_id)
                    TO {q(args.out)} (HEADER, DELIMITER ',')""")
    t3 = time.perf_counter()
    duck_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if args.facts_out:
        con.execute(f"""COPY (
            SELECT s.cycle, s.unit_id, s.person_id, any_value(s.age) AS age,
                   coalesce(any_value(t.township_years), 0.0) AS township_years,
                   coalesce(any_value(y.years_in_post), 0.0) AS years_in_post
            FROM seats s
            LEFT JOIN township t ON t.cycle = s.cycle AND t.person_id = s.person_id
            LEFT JOIN in_post y ON y.cycle = s.cycle AND y.unit_id = s.unit_id AND y.person_id = s.person_id
            GROUP BY s.cycle, s.unit_id, s.person_id ORDER BY ALL) TO {q(args.facts_out)} (HEADER)""")

    rows = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("seats", "spells", "cadres", "units")}
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    con.close()
    print(f"dataset {args.dataset}: {rows['seats']} seats, {rows['cadres']} cadres, "
          f"{rows['spells']} career rows, {rows['units']} units")
    mode = "lean" if args.lean else "exact"
    print(f"duckdb {duckdb.__version__} ({threads} threads, {mode} mode), findings in {args.out}")
    for code in RULES:
        print(f"  {code:<9} {counts.get(code, 0):>8}")
    print(f"  read CSV  {t1 - t0:8.3f} s")
    print(f"  checks    {t2 - t1:8.3f} s")
    print(f"  write     {t3 - t2:8.3f} s")
    print(f"  total     {t3 - t0:8.3f} s   peak RSS {duck_peak:.0f} MB")

    compare_with = args.compare
    if args.banzi:
        wall, peak, compare_with, cmd = run_banzi(args.banzi, args)
        print(f"banzi: {cmd}")
        theirs = read_findings(compare_with)
        for code in RULES:
            print(f"  {code:<9} {sum(1 for f in theirs if f[0] == code):>8}")
        rss = f"peak RSS {peak:.0f} MB" if peak else "peak RSS not measured (no GNU time)"
        print(f"  total     {wall:8.3f} s   {rss}   (load through exceptions.csv)")
        print(f"banzi / duckdb total: {wall / (t3 - t0):.2f}")
    if compare_with:
        theirs, ours = read_findings(compare_with), read_findings(args.out)
        if theirs == ours:
            print(f"findings: identical ({len(ours)}) to {compare_with}")
        else:
            print(f"findings: DIFFER from {compare_with}: {len(theirs - ours)} only in banzi, "
                  f"{len(ours - theirs)} only here")
            for f in sorted(theirs - ours)[:10]:
                print("  only banzi: ", ",".join(f))
            for f in sorted(ours - theirs)[:10]:
                print("  only duckdb:", ",".join(f))
            sys.exit(1)


if __name__ == "__main__":
    main()
