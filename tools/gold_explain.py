#!/usr/bin/env python3
"""For each gold pair, find the sentences holding its snippets (via `crosscheck segment`)
and print what `crosscheck explain` says of them. A development aid, not a test.
usage: tools/gold_explain.py GOLD.jsonl [ID...]"""
import json, re, subprocess, sys, glob, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'eval'))
from score import holds
gold = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
ids = set(sys.argv[2:])
sent = {}
for f in sorted(glob.glob('corpus/korea-1950/*.txt')):
    out = subprocess.run(['build/crosscheck', 'segment', f], capture_output=True, text=True).stdout
    sent[os.path.basename(f)[:3]] = [json.loads(l)['text'] for l in out.splitlines()]
for g in gold:
    if ids and g['id'] not in ids: continue
    a = next((t for t in sent[g['doc_a']] if any(holds(t, s) for s in g['a'])), None)
    b = next((t for t in sent[g['doc_b']] if any(holds(t, s) for s in g['b'])), None)
    print('=' * 20, g['id'], g['label'], g['type'])
    if not a or not b:
        print('SNIPPET NOT IN ANY SENTENCE', bool(a), bool(b)); continue
    print(subprocess.run(['build/crosscheck', 'explain', a, b], capture_output=True, text=True).stdout)
