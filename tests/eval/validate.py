#!/usr/bin/env python3
"""Sanity checks for the tailor ranking evaluation set (run from anywhere).

Checks library.yaml (schema, ids, tags, dates, lengths), the postings
(naming, formats, word counts, boilerplate share of 01 and 05) and
labels.tsv (full posting x achievement matrix, valid grades). If intl/ is
present, also checks the non-English set there (naming xx-NN-slug.ext with
xx in de/fr/es, word counts, full label matrix).
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

# ---- intl (non-English) set -------------------------------------------------
IDIR = os.path.join(HERE, "intl")
if os.path.isdir(IDIR):
    LANGS = ("de", "fr", "es")
    NAME = re.compile(r"^(de|fr|es)-(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.(txt|md|html)$")
    ipdir = os.path.join(IDIR, "postings")
    ifiles = sorted(os.listdir(ipdir)) if os.path.isdir(ipdir) else []
    inames = [os.path.splitext(f)[0] for f in ifiles]
    for f in ifiles:
        if not NAME.match(f): err(f"intl: posting name {f}")
    for lang in LANGS:
        nums = sorted(f[3:5] for f in ifiles if f[:2] == lang)
        if nums != ["01", "02", "03"]: err(f"intl: {lang} postings numbered {nums}, want 01-03")
    iexts = Counter(os.path.splitext(f)[1] for f in ifiles)
    if iexts[".html"] < 1 or iexts[".md"] < 1 or iexts[".txt"] < 1: err(f"intl: formats {dict(iexts)}")
    print(f"intl postings: {len(ifiles)}")
    for f in ifiles:
        path = os.path.join(ipdir, f)
        raw_p = open(path, encoding="utf-8").read()
        if f.endswith(".html") and not re.search(r"<h1[^>]*>", raw_p): err(f"intl: {f} has no <h1>")
        words = re.findall(r"\w[\w'’.,%/+-]*", plain(path).replace("**", ""))
        print(f"  {f:40} {len(words):4} words")
        if not 250 <= len(words) <= 600: err(f"intl: {f}: {len(words)} words")
    ipath = os.path.join(IDIR, "labels.tsv")
    irows = open(ipath, encoding="utf-8").read().splitlines() if os.path.exists(ipath) else []
    if not irows or irows[0] != "posting\tachievement\tgrade": err("intl: labels header")
    iseen = Counter(); idist = {n: Counter() for n in inames}
    for r in irows[1:]:
        parts = r.split("\t")
        if len(parts) != 3: err(f"intl: label row {r!r}"); continue
        p, a, g = parts
        if p not in idist: err(f"intl: label posting {p}"); continue
        if a not in ids: err(f"intl: label achievement {a}")
        if g not in ("0", "1", "2", "3"): err(f"intl: grade {g!r}"); continue
        iseen[(p, a)] += 1; idist[p][int(g)] += 1
    want = len(inames) * len(ids)
    if len(inames) != 9: err(f"intl: {len(inames)} postings, want 9")
    if len(irows) - 1 != want: err(f"intl: {len(irows) - 1} label rows, want {want}")
    if any(c != 1 for c in iseen.values()) or len(iseen) != want: err("intl: label pairs not each exactly once")
    print(f"intl labels: {max(len(irows) - 1, 0)} rows")
    for p in inames:
        d = idist[p]
        print(f"  {p:40} 3:{d[3]:2} 2:{d[2]:2} 1:{d[1]:2} 0:{d[0]:2}")
        if d[3] < 3: err(f"intl: {p}: fewer than 3 grade-3 labels")

if errors:
    print("\nERRORS:"); [print(" -", e) for e in errors]; sys.exit(1)
print("\nOK")
