#!/usr/bin/env bash
# Rebuilds NotoSansSC-Subset.otf and NotoSansSC-Subset.woff2 in this folder from Debian's
# fonts-noto-cjk package (Noto Sans CJK SC Regular, face 2 of NotoSansCJK-Regular.ttc).
#
#   apt-get install -y fonts-noto-cjk        # tested with 1:20220127+repack1-1 (font 2.004)
#   pip install fonttools brotli             # tested with fonttools 4.68.0
#   bash assets/fonts/subset.sh
#
# Character set: all of GB2312 (7445 characters: 6763 hanzi plus its punctuation, digits,
# Latin, Greek, Cyrillic, kana and box drawing), ASCII and Latin-1, CJK and full-width
# punctuation, general punctuation and a few symbols used in reports (≤ ≥ ✓ ✗ ‰ ℃ ①),
# and the name characters listed in extra-chars.txt (common in personal names, outside
# GB2312). Only the kern layout feature is kept (locl would pull in the Japanese, Korean
# and traditional glyph variants, vert the vertical forms); vertical metrics are dropped.
# Hinting is dropped (it does nothing for ab_glyph and little at report sizes).
set -euo pipefail
# Fixed head.modified timestamp (fontTools honours SOURCE_DATE_EPOCH) so reruns give the same bytes.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1643241600}"
here="$(cd "$(dirname "$0")" && pwd)"
ttc="${NOTO_CJK_TTC:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$ttc" "$work" "$here/extra-chars.txt" <<'PY'
import sys
from fontTools.ttLib import TTCollection

ttc, work, extra_path = sys.argv[1:4]
# Extract the Simplified Chinese face (index 2: JP, KR, SC, TC, HK, then the Mono faces).
faces = TTCollection(ttc).fonts
sc = next(f for f in faces if f["name"].getDebugName(4) == "Noto Sans CJK SC")
sc.save(f"{work}/NotoSansCJKsc-Regular.otf")

chars = set()
for hi in range(0xA1, 0xF8):               # every GB2312 code point
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
ranges = [
    (0x0020, 0x007E), (0x00A0, 0x00FF),     # ASCII, Latin-1
    (0x2010, 0x2027), (0x2030, 0x203B),     # dashes, quotes, ellipsis, ‰, ※
    (0x2103, 0x2103), (0x2116, 0x2116),     # ℃ №
    (0x2160, 0x216B), (0x2190, 0x2193),     # Roman numerals, arrows
    (0x2212, 0x2212), (0x2264, 0x2265),     # − ≤ ≥
    (0x2460, 0x2473), (0x25A0, 0x25FF),     # ①–⑳, geometric shapes
    (0x2713, 0x2718),                       # ✓ ✔ ✕ ✖ ✗ ✘
    (0x3000, 0x303F),                       # CJK symbols and punctuation
    (0xFE30, 0xFE4F), (0xFE50, 0xFE6B),     # CJK compatibility and small forms
    (0xFF01, 0xFF65), (0xFFE0, 0xFFE6),     # full-width forms
]
for lo, hi in ranges:
    chars.update(chr(c) for c in range(lo, hi + 1))
with open(extra_path, encoding="utf-8") as fh:
    for line in fh:
        if not line.startswith("#"):
            chars.update(c for c in line if not c.isspace())
with open(f"{work}/unicodes.txt", "w") as fh:
    fh.write(",".join(f"U+{ord(c):04X}" for c in sorted(chars)))
print(f"{len(chars)} characters requested", file=sys.stderr)
PY

# hhea ascent/descent 1000/-240 (was 1160/-288): ab_glyph scales a font so that
# ascent - descent = the requested size, and plotters' SVG backend writes font-size =
# size / 1.24, so with 1240 units the PNG and SVG glyphs come out the same size. The em
# box (880/-120) sits centred in the new line box; OS/2 metrics are unchanged.
python3 - "$work/NotoSansCJKsc-Regular.otf" <<'PY'
import sys
from fontTools.ttLib import TTFont
font = TTFont(sys.argv[1])
font["hhea"].ascent, font["hhea"].descent, font["hhea"].lineGap = 1000, -240, 0
font.save(sys.argv[1])
PY

for flavor in otf woff2; do
    if [ "$flavor" = otf ]; then out="$here/NotoSansSC-Subset.otf"; opt=(); else
        out="$here/NotoSansSC-Subset.woff2"; opt=(--flavor=woff2); fi
    pyftsubset "$work/NotoSansCJKsc-Regular.otf" \
        --unicodes-file="$work/unicodes.txt" \
        --layout-features='kern' --drop-tables+=vhea,vmtx,VORG,BASE \
        --no-hinting --desubroutinize=no \
        --name-IDs='*' --name-languages='*' \
        "${opt[@]}" --output-file="$out"
done
ls -l "$here"/NotoSansSC-Subset.*
