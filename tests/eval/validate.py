#!/usr/bin/env python3
"""Sanity checks for the tailor ranking evaluation set (run from anywhere).

Checks library.yaml (schema, ids, tags, dates, lengths), the postings
(naming, formats, word counts, boilerplate share of 01 and 05) and
labels.tsv (full posting x achievement matrix, valid grades).
"""
import os, re, sys, html
from collections import Counter
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
def err(msg): errors.append(msg)

# ---- library ---------------------------------------------------------------
raw = open(os.path.join(HERE, "library.yaml"), encoding="utf-8").read()
lib = yaml.safe_load(raw)
if set(lib) != {"experience"}: err(f"top-level keys: {set(lib)}")
DATE = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2]))?$")
def date_key(s, end=False):
    s = str(s)
    if end and s == "present": return (9999, 12)
    m = DATE.match(s)
    if not m: err(f"bad date {s!r}"); return (0, 0)
    return (int(m[1]), int(m[2] or (12 if end else 1)))
ids = []
for role in lib["experience"]:
    extra = set(role) - {"title", "company", "start", "end", "achievements"}
    if extra: err(f"role keys {extra}")
    if not role.get("title"): err("role without title")
    if date_key(role["end"], True) < date_key(role["start"]): err(f"end < start in {role['title']}")
    for a in role["achievements"]:
        if set(a) != {"id", "text", "short", "tags"}: err(f"achievement keys {set(a)}")
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", a["id"]): err(f"id {a['id']}")
        ids.append(a["id"])
        tw = len(a["text"].replace("**", "").split()); sw = len(a["short"].replace("**", "").split())
        if tw > 40: err(f"{a['id']}: text has {tw} words")
        if sw >= tw: err(f"{a['id']}: short not shorter")
        if not 2 <= len(a["tags"]) <= 5: err(f"{a['id']}: {len(a['tags'])} tags")
        for t in a["tags"]:
            if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", t): err(f"{a['id']}: tag {t}")
        if re.search(r"\b(I|my|me|we|our)\b", a["text"]): err(f"{a['id']}: first person")
for line in raw.splitlines():
    m = re.match(r"\s+(text|short):\s*(.*)$", line)
    if m and not (m[2].startswith('"') and m[2].endswith('"')): err(f"unquoted: {line.strip()}")
dups = [i for i, c in Counter(ids).items() if c > 1]
if dups: err(f"duplicate ids {dups}")
print(f"library: {len(lib['experience'])} roles, {len(ids)} achievements")

# ---- postings --------------------------------------------------------------
pdir = os.path.join(HERE, "postings")
files = sorted(os.listdir(pdir))
names = [os.path.splitext(f)[0] for f in files]
exts = Counter(os.path.splitext(f)[1] for f in files)
if [n[:2] for n in names] != [f"{i:02d}" for i in range(1, 13)]: err(f"posting names {names}")
if exts[".html"] != 2 or exts[".md"] < 3: err(f"formats {exts}")

def plain(path):
    t = open(path, encoding="utf-8").read()
    if path.endswith(".html"):
        t = re.sub(r"(?s)<head>.*?</head>", " ", t)
        t = re.sub(r"<(h[1-6])[^>]*>", "\n\n## ", t)   # keep headings for sectioning
        t = html.unescape(re.sub(r"<[^>]+>", "\n", t))
    return t

def sections(text, ext):
    """Yield (heading, words) for each section."""
    lines = text.splitlines(); out = []; head = "(top)"; buf = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        is_head = s.startswith("#") if ext in (".md", ".html") else (
            s and not s.startswith("-") and len(s.split()) <= 6 and
            i + 1 < len(lines) and not lines[i + 1].strip() and i > 1)
        if is_head:
            out.append((head, buf)); head = s.lstrip("# "); buf = []
        else:
            buf += re.findall(r"[A-Za-z0-9€£$][\w'’.,%/+-]*", s)
    out.append((head, buf))
    return out

BOILER = re.compile(r"about|benefit|offer|commitment|diversity|equal|why join", re.I)
for f in files:
    ext = os.path.splitext(f)[1]
    secs = sections(plain(os.path.join(pdir, f)), ext)
    total = sum(len(w) for _, w in secs)
    boiler = sum(len(w) for h, w in secs if BOILER.search(h) and not re.search(r"about (the )?role", h, re.I))
    print(f"  {f:34} {total:4} words, boilerplate {boiler / total:.0%}")
    if not 250 <= total <= 600: err(f"{f}: {total} words")
    if f[:2] in ("01", "05") and boiler / total < 0.40: err(f"{f}: boilerplate share {boiler / total:.0%}")

# ---- labels ----------------------------------------------------------------
rows = open(os.path.join(HERE, "labels.tsv"), encoding="utf-8").read().splitlines()
if rows[0] != "posting\tachievement\tgrade": err("labels header")
seen = Counter(); dist = {n: Counter() for n in names}
for r in rows[1:]:
    p, a, g = r.split("\t")
    if p not in dist: err(f"label posting {p}"); continue
    if a not in ids: err(f"label achievement {a}")
    if g not in "0123" or len(g) != 1: err(f"grade {g}")
    seen[(p, a)] += 1; dist[p][int(g)] += 1
if len(rows) - 1 != len(names) * len(ids): err(f"{len(rows) - 1} label rows, want {len(names) * len(ids)}")
if any(c != 1 for c in seen.values()) or len(seen) != len(names) * len(ids): err("label pairs not each exactly once")
print(f"labels: {len(rows) - 1} rows")
for p in names:
    d = dist[p]
    print(f"  {p:30} 3:{d[3]:2} 2:{d[2]:2} 1:{d[1]:2} 0:{d[0]:2}")
    if p[:2] <= "09" and d[3] < 3: err(f"{p}: fewer than 3 grade-3 labels")

if errors:
    print("\nERRORS:"); [print(" -", e) for e in errors]; sys.exit(1)
print("\nOK")
