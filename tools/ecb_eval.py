#!/usr/bin/env python3
"""Pair-level evaluation of crosscheck's alignment on ECB+ (issue 4, item 4).

Usage:
    python3 tools/ecb_eval.py                      # all 43 topics
    python3 tools/ecb_eval.py --topics 1,2,3       # chosen topics
    python3 tools/ecb_eval.py --limit 5            # the first 5 topics only
    python3 tools/ecb_eval.py --examples 3         # also print sample pairs (stderr)
Options: --data DIR (default <repo>/../shared/data/ecbplus), --bin PATH
(default <repo>/build/crosscheck), --args "OPTIONS" (passed to `crosscheck run`;
default "--top-k 3", see below; --args "" evaluates crosscheck's own defaults), --no-statements (skip counting statements),
--map best (map a crosscheck sentence only to the ECB+ sentence it overlaps
most, instead of every ECB+ sentence it overlaps).

Each topic (both sub-topics) is one corpus: its documents are copied into a
temporary folder as <doc_id>.txt (no sources.toml, so each file is its own
source) and `crosscheck run DIR --out TMP --format pairs -q` writes aligned.csv.

Why --top-k 3: every article of an ECB+ topic tells the same one or two events, so
a sentence has several true partners in each other article, and the gold holds them
all. crosscheck's default (--top-k 1: each statement is aligned with at most one
statement of each other document) suits corpora of articles on many events, such
as korea-1950, where it keeps no more aligned pairs than statements; here it misses
the many-to-many pairs. Both figures are in the closing note of issue 4.

Gold: unordered pairs of *selected* ECB+ sentences (in_selected_sentence=1)
from different documents of the topic that hold event mentions of the same
CROSS_DOC_COREF chain.  A predicted row is mapped to ECB+ sentences by finding
text_a / text_b in the document text and taking the ECB+ sentences whose
[char_start, char_end) overlaps that span; rows whose text cannot be found are
counted as misses.  A predicted pair counts only if both sentences are
selected and come from different documents (pairs are de-duplicated).

Baseline "same-lemma": selected sentences from different documents sharing a
stem of an event mention's words (lowercased, function words dropped, crude
suffix stripping of -ing/-ed/-es/-s).

Output: a per-topic table on stdout with precision, recall and F1 for
crosscheck and the baseline, micro-averaged overall, the number of aligned
pairs vs statements, then one JSON line with the overall figures.
"""

import argparse
import collections
import csv
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
csv.field_size_limit(10 ** 9)

# words of multi-word event mentions that are not a trigger lemma
FUNCTION_WORDS = {
    "a", "an", "the", "in", "into", "on", "onto", "up", "out", "off", "down", "of",
    "to", "for", "at", "by", "with", "from", "over", "as", "and", "or", "her", "his",
    "their", "its", "be", "is", "are", "was", "were", "been", "being", "has", "have",
    "had", "do", "did", "does", "not", "no", "will", "would", "could", "can", "may",
    "might", "should", "shall", "must", "it", "that", "this", "way", "back", "away",
}


def stem(word):
    for suf in ("ing", "ed", "es", "s"):
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            return word[: -len(suf)]
    return word


def trigger_stems(mention_text):
    out = set()
    for w in mention_text.lower().split():
        w = w.strip(".,;:!?\"'()[]")
        if w and w not in FUNCTION_WORDS and any(c.isalpha() for c in w):
            out.add(stem(w))
    return out


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def load_data(data):
    """Returns {topic: {"docs": {doc_id: path}, "sents": {doc_id: [(start, end, num, selected)]},
    "events": [mention rows]}}."""
    topics = collections.defaultdict(lambda: {"docs": {}, "sents": collections.defaultdict(list),
                                              "events": [], "text": {}})
    for r in read_tsv(os.path.join(data, "ecbplus_sentences.tsv")):
        t = topics[int(r["topic"])]
        t["docs"][r["doc_id"]] = os.path.join(data, "docs", r["topic"], r["subtopic"],
                                              r["doc_id"] + ".txt")
        t["sents"][r["doc_id"]].append((int(r["char_start"]), int(r["char_end"]),
                                        int(r["sentence_num"]), r["in_selected_sentence"] == "1"))
        t["text"][(r["doc_id"], int(r["sentence_num"]))] = r["sentence_text"]
    for r in read_tsv(os.path.join(data, "ecbplus_event_mentions.tsv")):
        if r["is_event"] == "1":
            topics[int(r["topic"])]["events"].append(r)
    for t in topics.values():
        for lst in t["sents"].values():
            lst.sort()
    return topics


def upair(a, b):
    return (a, b) if a <= b else (b, a)


def cross_doc_pairs(groups):
    """Unordered pairs of sentences from different documents that share a group."""
    pairs = set()
    for sents in groups.values():
        sents = sorted(sents)
        for i, a in enumerate(sents):
            for b in sents[i + 1:]:
                if a[0] != b[0]:
                    pairs.add(upair(a, b))
    return pairs


def gold_pairs(tdata):
    chains = collections.defaultdict(set)
    for m in tdata["events"]:
        if m["chain_kind"] == "CROSS_DOC_COREF" and m["in_selected_sentence"] == "1":
            chains[m["chain_id"]].add((m["doc_id"], int(m["sentence_num"])))
    return cross_doc_pairs(chains)


def baseline_pairs(tdata):
    by_stem = collections.defaultdict(set)
    for m in tdata["events"]:
        if m["in_selected_sentence"] == "1":
            for s in trigger_stems(m["mention_text"]):
                by_stem[s].add((m["doc_id"], int(m["sentence_num"])))
    return cross_doc_pairs(by_stem)


def find_span(doc_text, text):
    """(start, end) of text in doc_text, tolerating a CSV formula guard and whitespace changes."""
    cands = [text]
    if text.startswith("'"):  # spreadsheet-formula guard in CSV output
        cands.append(text[1:])
    for c in cands:
        c = c.strip()
        if not c:
            continue
        pos = doc_text.find(c)
        if pos >= 0:
            return pos, pos + len(c)
    for c in cands:  # crosscheck collapses runs of whitespace
        words = c.split()
        if words:
            m = re.search(r"\s+".join(map(re.escape, words)), doc_text)
            if m:
                return m.start(), m.end()
    return None


def locate(doc_text, sents, text, cache, mode="overlap"):
    """ECB+ sentences (doc-local (num, selected) list) overlapping where text occurs, or None.
    mode "best" keeps only the sentence with the largest overlap."""
    key = text
    if key in cache:
        return cache[key]
    res = None
    span = find_span(doc_text, text)
    if span is not None:
        pos, end = span
        ov = [(min(e, end) - max(s, pos), num, sel) for (s, e, num, sel) in sents if s < end and pos < e]
        if mode == "best" and ov:
            ov = [max(ov)]
        res = [(num, sel) for _, num, sel in ov]
    cache[key] = res
    return res


def count_statements(binary, files):
    n = 0
    for f in files:
        p = subprocess.run([binary, "segment", f], capture_output=True, text=True)
        for line in p.stdout.splitlines():
            if line.strip():
                n += len(json.loads(line).get("statements", []))
    return n


def run_topic(topic, tdata, binary, want_statements, extra=()):
    with tempfile.TemporaryDirectory(prefix=f"ecb{topic}_") as tmp:
        corpus = os.path.join(tmp, f"ecbplus-{topic}")
        out = os.path.join(tmp, "out")
        os.makedirs(corpus)
        files = []
        for doc_id, path in sorted(tdata["docs"].items()):
            dst = os.path.join(corpus, doc_id + ".txt")
            shutil.copyfile(path, dst)
            files.append(dst)
        p = subprocess.run([binary, "run", corpus, "--out", out, "--format", "pairs", "-q", *extra],
                           capture_output=True, text=True)
        if p.returncode not in (0, 2):
            sys.exit(f"crosscheck failed on topic {topic} (exit {p.returncode}): {p.stderr}")
        if p.returncode == 2:
            print(f"warning: topic {topic}: crosscheck refused some input: {p.stderr.strip()}",
                  file=sys.stderr)
        with open(os.path.join(out, "aligned.csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        n_statements = count_statements(binary, files) if want_statements else None
    return rows, n_statements


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate_topic(topic, tdata, rows, examples, mode="overlap"):
    doc_text = {}
    for d, path in tdata["docs"].items():
        with open(path, encoding="utf-8") as f:
            doc_text[d] = f.read()
    caches = collections.defaultdict(dict)
    stats = collections.Counter()
    pred = set()
    for r in rows:
        stats["rows"] += 1
        da, db = r["doc_a"], r["doc_b"]
        da = da[:-4] if da.endswith(".txt") else da
        db = db[:-4] if db.endswith(".txt") else db
        if da not in doc_text or db not in doc_text:
            stats["unknown_doc"] += 1
            continue
        if da == db:
            stats["same_doc"] += 1
            continue
        sa = locate(doc_text[da], tdata["sents"][da], r["text_a"], caches[da], mode)
        sb = locate(doc_text[db], tdata["sents"][db], r["text_b"], caches[db], mode)
        stats["miss_texts"] += (sa is None) + (sb is None)
        if sa is None or sb is None:
            stats["unmapped_rows"] += 1
            continue
        if len(sa) > 1 or len(sb) > 1:
            stats["multi_sentence"] += 1
        sel_a = [n for n, s in sa if s]
        sel_b = [n for n, s in sb if s]
        if sel_a and sel_b:
            stats["selected_rows"] += 1
        for na in sel_a:
            for nb in sel_b:
                pred.add(upair((da, na), (db, nb)))
    # distinct texts that could not be located
    stats["miss_distinct"] = sum(v is None for c in caches.values() for v in c.values())
    gold = gold_pairs(tdata)
    base = baseline_pairs(tdata)
    res = {
        "topic": topic,
        "docs": len(tdata["docs"]),
        "rows": stats["rows"],
        "unmapped_rows": stats["unmapped_rows"],
        "miss_distinct": stats["miss_distinct"],
        "multi_sentence_rows": stats["multi_sentence"],
        "gold": len(gold),
        "cc_pred": len(pred), "cc_tp": len(pred & gold),
        "bl_pred": len(base), "bl_tp": len(base & gold),
    }
    if examples:
        txt = tdata["text"]
        show = lambda title, pairs: [print(f"  [{title}] {a[0]}#{a[1]}: {txt[a][:110]}\n"
                                           f"  {' ' * (len(title) + 3)}{b[0]}#{b[1]}: {txt[b][:110]}",
                                           file=sys.stderr)
                                     for a, b in sorted(pairs)[:examples]]
        print(f"topic {topic}:", file=sys.stderr)
        show("gold", gold)
        show("gold, found", gold & pred)
        show("gold, missed", gold - pred)
        show("false pos", pred - gold)
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(os.path.dirname(REPO), "shared", "data", "ecbplus"))
    ap.add_argument("--bin", default=os.path.join(REPO, "build", "crosscheck"))
    ap.add_argument("--topics", help="comma-separated topic ids (default: all)")
    ap.add_argument("--limit", type=int, help="evaluate only the first N topics")
    ap.add_argument("--examples", type=int, default=0, help="print N sample pairs per kind (stderr)")
    ap.add_argument("--map", choices=("overlap", "best"), default="overlap",
                    help="a crosscheck sentence maps to every ECB+ sentence it overlaps (default) "
                         "or only to the one it overlaps most")
    ap.add_argument("--args", default="--top-k 3",
                    help="options for `crosscheck run` (default: --top-k 3; '' for crosscheck's defaults)")
    ap.add_argument("--no-statements", action="store_true", help="do not count statements")
    a = ap.parse_args()

    topics = load_data(a.data)
    ids = sorted(topics)
    if a.topics:
        want = [int(x) for x in a.topics.split(",") if x.strip()]
        unknown = [t for t in want if t not in topics]
        if unknown:
            sys.exit(f"unknown topics: {unknown}")
        ids = want
    if a.limit:
        ids = ids[: a.limit]

    results = []
    n_statements = 0
    for t in ids:
        rows, ns = run_topic(t, topics[t], a.bin, not a.no_statements, a.args.split())
        r = evaluate_topic(t, topics[t], rows, a.examples, a.map)
        r["statements"] = ns
        if ns is not None:
            n_statements += ns
        results.append(r)

    hdr = (f"{'topic':>5} {'docs':>4} {'stmts':>6} {'rows':>6} {'miss':>4} {'gold':>6} | "
           f"{'cc_pred':>7} {'tp':>5} {'P':>5} {'R':>5} {'F1':>5} | "
           f"{'bl_pred':>7} {'tp':>5} {'P':>5} {'R':>5} {'F1':>5}")
    print(hdr)
    print("-" * len(hdr))

    def line(name, r):
        cp, cr, cf = prf(r["cc_tp"], r["cc_pred"], r["gold"])
        bp, br, bf = prf(r["bl_tp"], r["bl_pred"], r["gold"])
        st = "-" if r["statements"] is None else r["statements"]
        print(f"{name:>5} {r['docs']:>4} {st:>6} {r['rows']:>6} {r['miss_distinct']:>4} {r['gold']:>6} | "
              f"{r['cc_pred']:>7} {r['cc_tp']:>5} {cp:5.3f} {cr:5.3f} {cf:5.3f} | "
              f"{r['bl_pred']:>7} {r['bl_tp']:>5} {bp:5.3f} {br:5.3f} {bf:5.3f}")
        return cf, bf

    cc_f1s, bl_f1s = [], []
    for r in results:
        cf, bf = line(str(r["topic"]), r)
        cc_f1s.append(cf)
        bl_f1s.append(bf)
    tot = {k: sum(r[k] for r in results) for k in
           ("docs", "rows", "miss_distinct", "unmapped_rows", "multi_sentence_rows",
            "gold", "cc_pred", "cc_tp", "bl_pred", "bl_tp")}
    tot["statements"] = None if a.no_statements else n_statements
    print("-" * len(hdr))
    line("all", tot)

    cp, cr, cf = prf(tot["cc_tp"], tot["cc_pred"], tot["gold"])
    bp, br, bf = prf(tot["bl_tp"], tot["bl_pred"], tot["gold"])

    def spread(v):
        return {"min": round(min(v), 4), "median": round(statistics.median(v), 4),
                "max": round(max(v), 4), "macro": round(sum(v) / len(v), 4)} if v else {}

    print()
    print(f"crosscheck micro P/R/F1: {cp:.3f} / {cr:.3f} / {cf:.3f}   "
          f"(per-topic F1 min {min(cc_f1s):.3f}, median {statistics.median(cc_f1s):.3f}, "
          f"max {max(cc_f1s):.3f})")
    print(f"same-lemma micro P/R/F1: {bp:.3f} / {br:.3f} / {bf:.3f}   "
          f"(per-topic F1 min {min(bl_f1s):.3f}, median {statistics.median(bl_f1s):.3f}, "
          f"max {max(bl_f1s):.3f})")
    topics_won = sum(c > b for c, b in zip(cc_f1s, bl_f1s))
    print(f"topics where crosscheck F1 > baseline F1: {topics_won}/{len(results)}")
    if tot["statements"] is not None:
        print(f"aligned pairs (rows of aligned.csv) vs statements: {tot['rows']} vs {tot['statements']} "
              f"({tot['rows'] / max(tot['statements'], 1):.2f} pairs per statement)")
    print(f"unmapped rows: {tot['unmapped_rows']} (distinct texts not found: {tot['miss_distinct']}); "
          f"rows spanning >1 ECB+ sentence: {tot['multi_sentence_rows']}")
    print(json.dumps({
        "topics": len(results),
        "crosscheck": {"precision": round(cp, 4), "recall": round(cr, 4), "f1": round(cf, 4),
                       "pred_pairs": tot["cc_pred"], "true_pos": tot["cc_tp"],
                       "per_topic_f1": spread(cc_f1s)},
        "baseline_same_lemma": {"precision": round(bp, 4), "recall": round(br, 4), "f1": round(bf, 4),
                                "pred_pairs": tot["bl_pred"], "true_pos": tot["bl_tp"],
                                "per_topic_f1": spread(bl_f1s)},
        "gold_pairs": tot["gold"],
        "aligned_rows": tot["rows"], "statements": tot["statements"],
        "unmapped_rows": tot["unmapped_rows"], "unmapped_texts": tot["miss_distinct"],
        "topics_crosscheck_beats_baseline": topics_won,
    }))


if __name__ == "__main__":
    main()
