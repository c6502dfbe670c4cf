"""Self-check of the unseen label files (stdlib only).

Run: python3 bench/data/extract_unseen/validate.py
Checks: JSON parses with keys unit/period/facts; fact fields and types; indicator codes from
/work/shared/indicators.md; evidence occurs exactly once in the report and is not reused; the evidence
contains a figure equal to the value (Vietnamese format: '.' thousands, ',' decimal, triệu/tỷ/nghìn, %);
the qualifier agrees with the word right before that figure; report length 600-1,200 words.
"""
import json, re, sys, pathlib

HERE = pathlib.Path(__file__).resolve().parent
CODES = set(re.findall(r"^\|\s*([a-z0-9_]+)\s*\|", open("/work/shared/indicators.md", encoding="utf-8").read(), re.M)) - {"code"}
QUAL = {"khoảng": "about", "hơn": "more_than", "trên": "more_than", "gần": "less_than", "dưới": "less_than"}
MULT = {"triệu": 10**6, "tỷ": 10**9, "nghìn": 10**3, "ngàn": 10**3}
NUM = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?:\s*(triệu|tỷ|nghìn|ngàn))?")

def figures(text):
    for m in NUM.finditer(text):
        v = float(m.group(1).replace(".", "") + ("." + m.group(2) if m.group(2) else ""))
        if m.group(3):
            v *= MULT[m.group(3)]
        yield m.start(), v

errors = 0
def err(msg):
    global errors
    errors += 1
    print("ERROR", msg)

total = 0
for jp in sorted(HERE.glob("unseen_*.json")):
    tp = jp.with_suffix(".txt")
    text = tp.read_text(encoding="utf-8")
    n = len(text.split())
    if not 600 <= n <= 1200:
        err(f"{tp.name}: {n} words")
    try:
        d = json.loads(jp.read_text(encoding="utf-8"))
    except Exception as e:
        err(f"{jp.name}: {e}"); continue
    if set(d) != {"unit", "period", "facts"}:
        err(f"{jp.name}: keys {sorted(d)}")
    if not re.fullmatch(r"20\d\d(-H1)?", d.get("period", "")):
        err(f"{jp.name}: period {d.get('period')}")
    seen = set()
    for i, f in enumerate(d["facts"]):
        tag = f"{jp.name}#{i} {f.get('evidence')!r}"
        if set(f) != {"indicator", "value", "qualifier", "per_item", "evidence"}:
            err(f"{tag}: fields {sorted(f)}"); continue
        if f["indicator"] not in CODES: err(f"{tag}: code {f['indicator']}")
        if f["qualifier"] not in {"exact", "about", "more_than", "less_than"}: err(f"{tag}: qualifier")
        if not isinstance(f["per_item"], bool): err(f"{tag}: per_item")
        if not isinstance(f["value"], (int, float)) or isinstance(f["value"], bool): err(f"{tag}: value type")
        ev = f["evidence"]
        if ev in seen: err(f"{tag}: evidence reused")
        seen.add(ev)
        c = text.count(ev)
        if c != 1:
            err(f"{tag}: occurs {c} times"); continue
        pos = text.index(ev)
        hits = [(p, v) for p, v in figures(ev) if abs(v - f["value"]) < 1e-6]
        if not hits:
            err(f"{tag}: value {f['value']} not in evidence"); continue
        p = pos + hits[0][0]
        before = re.findall(r"(\w+)\W*$", text[max(0, p - 30):p])
        q = QUAL.get(before[0].lower(), "exact") if before else "exact"
        if q != f["qualifier"]: err(f"{tag}: qualifier {f['qualifier']} but word before is {before}")
    total += len(d["facts"])
    print(f"{jp.name}: {len(d['facts'])} facts, {n} words, unit={d['unit']!r}, period={d['period']}")
print(f"{total} facts, {errors} errors")
sys.exit(1 if errors else 0)
