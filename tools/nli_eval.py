#!/usr/bin/env python3
"""How `crosscheck explain` judges negation on human-annotated sentence pairs
(../shared/data/nli: Hossain et al. 2020 negation probes built from SNLI, MNLI, RTE).

usage: tools/nli_eval.py [--limit N] [--rules DIR ...]

A conflict on an entailment or neutral pair is a false alarm; a conflict on a
contradiction pair is a hit. For RTE (2-way) only the false alarms on entailment pairs
are counted. Prints one line per set and a JSON line with every figure.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
DATA = os.environ.get('CROSSCHECK_DATA', os.path.join(ROOT, '..', 'shared', 'data'))


def judge_all(pairs, rules):
    """Every pair's verdict (conflict, agreement, none or error), from one
    `crosscheck explain --pairs` process."""
    with tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False, encoding='utf-8') as f:
        for p in pairs:
            f.write(json.dumps({'premise': p['premise'], 'hypothesis': p['hypothesis']}) + '\n')
        path = f.name
    try:
        args = [os.path.join(ROOT, 'build', 'crosscheck'), 'explain', '--pairs', path]
        for r in rules:
            args += ['--rules', r]
        out = subprocess.run(args, capture_output=True, text=True).stdout
    finally:
        os.unlink(path)
    verdicts = [json.loads(l)['kind'] for l in out.splitlines() if l.strip()]
    if len(verdicts) != len(pairs):
        sys.exit(f'nli_eval: expected {len(pairs)} verdicts, got {len(verdicts)}')
    return verdicts


def main(argv):
    limit = int(argv[argv.index('--limit') + 1]) if '--limit' in argv else None
    rules = [argv[i + 1] for i, a in enumerate(argv) if a == '--rules']
    figures = {}
    for name in ('snli', 'mnli', 'rte'):
        pairs = [json.loads(l) for l in open(os.path.join(DATA, 'nli', f'{name}_negation.jsonl'))]
        pairs = pairs[:limit] if limit else pairs
        verdicts = judge_all(pairs, rules)
        counts = {}
        for p, v in zip(pairs, verdicts):
            key = (p['label'], v == 'conflict')
            counts[key] = counts.get(key, 0) + 1
        total = lambda label: counts.get((label, True), 0) + counts.get((label, False), 0)
        hits = counts.get(('contradiction', True), 0)
        alarms = sum(counts.get((l, True), 0) for l in ('entailment', 'neutral'))
        negatives = sum(total(l) for l in ('entailment', 'neutral'))
        conflicts = sum(n for (l, c), n in counts.items() if c)
        fig = {'pairs': len(pairs), 'conflicts': conflicts,
               'false_alarm_rate': round(alarms / negatives, 3) if negatives else 0.0,
               'precision': round(hits / conflicts, 3) if conflicts and name != 'rte' else None,
               'contradiction_recall': round(hits / total('contradiction'), 3) if total('contradiction') else None}
        figures[name] = fig
        print(f"{name}: pairs {fig['pairs']} conflicts {conflicts} precision {fig['precision']} "
              f"contradiction_recall {fig['contradiction_recall']} false_alarm_rate {fig['false_alarm_rate']}")
    print(json.dumps(figures, sort_keys=True))


if __name__ == '__main__':
    main(sys.argv)
