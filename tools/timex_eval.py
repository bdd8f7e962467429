#!/usr/bin/env python3
"""Scores `crosscheck timex` against TimeML gold news, with the TempEval-3 definitions.

Each article's text goes through `crosscheck timex FILE --dct DCT` (its creation date given,
as in TempEval-3 task A). A system timex and a gold timex match strictly when their extents
are the same (spaces and punctuation at the edges aside) and relaxed when they overlap;
each gold timex is matched at most once. P = matched system timexes / system timexes,
R = matched gold / gold. Type and value accuracy are taken over the relaxed matches, and
attribute F1 = relaxed F1 x accuracy ("Value F1 = Timex F1 * Value Accuracy", as the
official TE3-evaluation.py computes it). Systems are ranked by value F1.

MEANTIME annotates only the start of each article: its title and first sentences (the last
gold mark falls in the first four body sentences in 119 of 120 articles). A system timex is
scored only inside that region: up to the end of the fourth body sentence (a full stop,
question or exclamation mark before a capital), or further when a gold mark (timex or
numeric value) lies beyond it. The TempEval-3 platinum set is annotated in full.

    python3 tools/timex_eval.py [--gold ../shared/data/timex/meantime_en.jsonl]
                                [--build build] [--show-misses N]
"""
import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EDGE = " \t\n\"'.,;:()[]"


def trim(text, start, end):
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end


def run(binary, doc, folder):
    path = os.path.join(folder, doc["doc_id"].replace("/", "_") + ".txt")
    with open(path, "wb") as f:
        f.write(doc["text"].encode("utf-8"))
    out = subprocess.run([binary, "timex", path, "--dct", doc["dct"], "--rules",
                          os.path.join(ROOT, "rules/en")],
                         capture_output=True, check=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


BODY_SENTENCES = 4


def annotated_bytes(doc):
    """The UTF-8 length of the part of the text MEANTIME annotated (see above)."""
    text = doc["text"]
    if "values" not in doc:  # TimeML sets: the whole text
        return len(text.encode("utf-8"))
    body = text.find("\n\n")
    body = body + 2 if body >= 0 else 0
    ends = [body + m.end() for m in re.finditer(r'[.!?]"? (?=[A-Z"])', text[body:])]
    end = ends[BODY_SENTENCES - 1] if len(ends) >= BODY_SENTENCES else len(text)
    marks = [x["end"] for x in doc["timexes"] + doc.get("values", [])]
    end = max([end] + marks)
    return len(text[:end].encode("utf-8"))


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", default=os.path.join(ROOT, "../shared/data/timex/meantime_en.jsonl"))
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--show-misses", type=int, default=0, metavar="N",
                    help="print N missed, N spurious and N wrongly valued timexes")
    ap.add_argument("--json", help="write the figures to this file")
    a = ap.parse_args()
    binary = os.path.join(a.build, "crosscheck")
    docs = [json.loads(line) for line in open(a.gold, encoding="utf-8")]
    with tempfile.TemporaryDirectory() as folder, \
            concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        systems = list(pool.map(lambda d: run(binary, d, folder), docs))
    n_gold = n_sys = strict = relaxed_sys = relaxed_gold = type_ok = value_ok = 0
    misses, spurious, wrong = [], [], []
    for doc, sys_timexes in zip(docs, systems):
        raw = doc["text"].encode("utf-8")
        gold = [(trim(raw.decode("latin-1"), g["start_byte"], g["end_byte"]), g)
                for g in doc["timexes"]]
        region = annotated_bytes(doc)
        sys_timexes = [s for s in sys_timexes if s["end_byte"] <= region]
        n_gold += len(gold)
        n_sys += len(sys_timexes)
        used = set()
        for s in sys_timexes:
            sb, se = trim(raw.decode("latin-1"), s["start_byte"], s["end_byte"])
            best = None
            for k, ((gb, ge), g) in enumerate(gold):
                if k in used or not (sb < ge and gb < se):
                    continue
                if best is None or (gb, ge) == (sb, se):
                    best = k
            if best is None:
                spurious.append((doc["doc_id"], s["text"], s["type"], s["value"]))
                continue
            used.add(best)
            (gb, ge), g = gold[best]
            relaxed_sys += 1
            relaxed_gold += 1
            strict += (gb, ge) == (sb, se)
            type_ok += s["type"] == g["type"]
            value_ok += s["value"] == g["value"]
            if s["value"] != g["value"]:
                wrong.append((doc["doc_id"], doc["dct"], g["text"], g["value"], s["text"], s["value"]))
        for k, (_, g) in enumerate(gold):
            if k not in used:
                misses.append((doc["doc_id"], g["text"], g["type"], g["value"]))
    p_strict, r_strict = strict / max(n_sys, 1), strict / max(n_gold, 1)
    p_rel, r_rel = relaxed_sys / max(n_sys, 1), relaxed_gold / max(n_gold, 1)
    rel_f1 = f1(p_rel, r_rel)
    type_acc = type_ok / max(relaxed_sys, 1)
    value_acc = value_ok / max(relaxed_sys, 1)
    figures = {
        "documents": len(docs), "gold": n_gold, "system": n_sys,
        "strict": {"P": p_strict, "R": r_strict, "F1": f1(p_strict, r_strict)},
        "relaxed": {"P": p_rel, "R": r_rel, "F1": rel_f1},
        "type_accuracy": type_acc, "type_F1": rel_f1 * type_acc,
        "value_accuracy": value_acc, "value_F1": rel_f1 * value_acc,
    }
    print(f"{os.path.basename(a.gold)}: {len(docs)} documents, {n_gold} gold timexes, "
          f"{n_sys} found")
    print("| measure | P | R | F1 |\n|---|---|---|---|")
    for name in ("strict", "relaxed"):
        m = figures[name]
        print(f"| {name} extent | {m['P']:.4f} | {m['R']:.4f} | {m['F1']:.4f} |")
    print(f"| type | accuracy {type_acc:.4f} | | {rel_f1 * type_acc:.4f} |")
    print(f"| value | accuracy {value_acc:.4f} | | {rel_f1 * value_acc:.4f} |")
    if a.show_misses:
        for title, rows in (("missed", misses), ("spurious", spurious), ("wrong value", wrong)):
            print(f"\n{title} ({len(rows)}):")
            for row in rows[:a.show_misses]:
                print("  ", " | ".join(str(x) for x in row))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(figures, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
