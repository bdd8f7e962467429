#!/usr/bin/env python3
"""Event coreference on ECB+ with the gold mentions, scored as the field does (issue 13).

usage: python3 tools/ecb_coref.py [--split test|dev|train] [--out RESPONSE] [--baseline]
                                  [--bin build/crosscheck] [--args "--link 0.4"]
                                  [--train models/events.toml [--link X]]

For each topic of the split, the gold mentions (../shared/data/ecbplus/coref/
ecbplus_events_<split>.mentions.tsv) are given to `crosscheck events` as byte spans of
their documents (../shared/data/ecbplus/docs/<topic>/<subtopic>/<doc>.txt, passed as
plain file paths: crosscheck sees one topic's articles, as it would a corpus folder, and
nothing of the gold subtopic or clusters). crosscheck analyses the articles, groups them,
and groups the mentions into events. The script writes the response in the key's format
and mention order (topic-prefixed event ids, so events never span topics), then scores it
against the key with ../shared/tools/coref_eval.py: MUC, B-cubed, CEAF-e and CoNLL F1.

--baseline runs `crosscheck events --same-lemma`: one event for all mentions of a topic
whose predicates share crosscheck's lemma. It is the floor the clustering must beat.

--train FILE fits crosscheck's pairwise event model on the split (train): `crosscheck events
--pairs` writes the features of every pair of mentions it weighs, the gold clusters label
them, and an L2-regularised logistic regression (Newton's method, on the distinct rows with
their counts) gives the weights, written to FILE with the link given by --link. Train on
train, tune --link on dev; report test.
"""
import argparse
import collections
import csv
import json
import math
import os
import shlex
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(os.path.dirname(REPO), 'shared', 'data', 'ecbplus')
SCORER = os.path.join(os.path.dirname(REPO), 'shared', 'tools', 'coref_eval.py')


def byte_offset(text, char_offset):
    return len(text[:char_offset].encode('utf-8'))


def solve(a, b):
    """x with a x = b, by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            for k in range(c, n + 1):
                m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def fit(rows, n, l2=1.0, steps=25):
    """L2-regularised logistic regression by Newton's method; rows: (x, label) -> count.
    The bias (feature 0) is not regularised."""
    w = [0.0] * n
    for _ in range(steps):
        grad = [0.0] * n
        hess = [[0.0] * n for _ in range(n)]
        for (x, y), c in rows.items():
            z = sum(wi * xi for wi, xi in zip(w, x))
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            g = c * (p - y)
            h = c * p * (1 - p)
            for i in range(n):
                if x[i] == 0:
                    continue
                grad[i] += g * x[i]
                hx = h * x[i]
                for j in range(n):
                    if x[j] != 0:
                        hess[i][j] += hx * x[j]
        for i in range(1, n):
            grad[i] += l2 * w[i]
            hess[i][i] += l2
        for i in range(n):
            hess[i][i] += 1e-9
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def write_model(path, names, weights, link, split, pairs):
    with open(path, 'w', encoding='utf-8') as f:
        f.write('# crosscheck\'s pairwise event model (stages/events): the probability that two\n'
                '# mentions tell one event is the logistic of the weights times the features.\n'
                f'# Trained by tools/ecb_coref.py --train on the ECB+ {split} topics ({pairs} pairs);\n'
                '# the link is tuned on the dev topics. ECB+ annotations (c) Cybulska & Vossen,\n'
                '# CC BY 3.0: see models/README.md.\n')
        f.write(f'link = {link}\n\n[weights]\n')
        for name, w in zip(names, weights):
            f.write(f'{name} = {w:.6f}\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--split', default='test', choices=['test', 'dev', 'train', 'train+dev'],
                    help='train+dev: both (to train the final model once the link is tuned)')
    ap.add_argument('--out', help='write the response here (default: a temporary file)')
    ap.add_argument('--baseline', action='store_true', help='the same-lemma baseline')
    ap.add_argument('--bin', default=os.path.join(REPO, 'build', 'crosscheck'))
    ap.add_argument('--args', default='', help='more options for crosscheck events')
    ap.add_argument('--data', default=DATA)
    ap.add_argument('--train', metavar='FILE', help='fit the event model on the split, write it here')
    ap.add_argument('--link', type=float, default=0.5, help='the link written with --train')
    ap.add_argument('--dump', help='also write one TSV row per mention: line, doc, gold cluster, '
                                   'event, key, text (to read errors by)')
    args = ap.parse_args()

    coref = os.path.join(args.data, 'coref')
    splits = args.split.split('+')
    rows = []
    for split in splits:
        with open(os.path.join(coref, f'ecbplus_events_{split}.mentions.tsv'), encoding='utf-8') as f:
            for r in csv.DictReader(f, delimiter='\t'):
                r['line'] = f"{split}:{r['line']}"  # mention ids, unique across splits
                rows.append(r)
    key_lines = []  # (split, line)
    for split in splits:
        with open(os.path.join(coref, f'ecbplus_events_{split}.key'), encoding='utf-8') as f:
            key_lines += [(split, line) for line in f]
    by_topic = collections.defaultdict(list)
    for r in rows:
        by_topic[r['topic']].append(r)
    cluster = {}
    texts = {}
    keys = {}  # mention line -> crosscheck's predicate key
    doc_groups = {}  # document path -> (topic, crosscheck's group)
    gold = {r['line']: r['gold_cluster'] for r in rows}
    rows_seen = collections.Counter()  # (features, label) -> count, for --train
    names = None
    with tempfile.TemporaryDirectory() as tmp:
        for topic in sorted(by_topic, key=int):
            lines = []
            for r in by_topic[topic]:
                path = os.path.join(args.data, 'docs', r['topic'], r['subtopic'], r['doc_id'] + '.txt')
                if path not in texts:
                    with open(path, encoding='utf-8') as f:
                        texts[path] = f.read()
                t = texts[path]
                b, e = byte_offset(t, int(r['char_start'])), byte_offset(t, int(r['char_end']))
                lines.append(f"{r['line']}\t{path}\t{b}\t{e}\n")
            mentions = os.path.join(tmp, f'{topic}.tsv')
            with open(mentions, 'w', encoding='utf-8') as f:
                f.writelines(lines)
            groups = os.path.join(tmp, f'{topic}.groups')
            cmd = [args.bin, 'events', '--mentions', mentions, '--groups', groups] + shlex.split(args.args)
            if args.baseline:
                cmd.append('--same-lemma')
            pairs = os.path.join(tmp, f'{topic}.pairs')
            if args.train:
                # the features do not depend on the weights: an empty model serves
                blank = os.path.join(tmp, 'blank.toml')
                with open(blank, 'w', encoding='utf-8') as f:
                    f.write('link = 0.5\n[weights]\n')
                cmd += ['--pairs', pairs, '--event-model', blank]
            out = subprocess.run(cmd, capture_output=True, text=True)
            if out.returncode != 0:
                sys.exit(f'crosscheck events failed on topic {topic}:\n{out.stderr}')
            if os.path.exists(groups):
                with open(groups, encoding='utf-8') as f:
                    for line in f:
                        path, g = line.rstrip('\n').split('\t')
                        doc_groups[path] = (topic, g)
            if args.train:
                with open(pairs, encoding='utf-8') as f:
                    names = f.readline().rstrip('\n').split('\t')[2:]
                    for line in f:
                        cols = line.rstrip('\n').split('\t')
                        # cosines to two decimals: the distinct rows stay few
                        x = tuple(round(float(v), 2) for v in cols[2:])
                        rows_seen[(x, gold[cols[0]] == gold[cols[1]])] += 1
            for line in out.stdout.splitlines():
                mid, event, key_word = line.split('\t')
                cluster[mid] = f'{topic}{int(event):05d}'
                keys[mid] = key_word
        if args.dump:
            with open(args.dump, 'w', encoding='utf-8') as f:
                for r in rows:
                    f.write('\t'.join([r['line'], r['doc_id'], r['gold_cluster'], cluster[r['line']],
                                        keys[r['line']], r['mention_text']]) + '\n')
        response = args.out or os.path.join(tmp, 'response')
        key = os.path.join(tmp, 'key')
        with open(key, 'w', encoding='utf-8') as f:
            f.writelines(line for _, line in key_lines)
        with open(response, 'w', encoding='utf-8') as out:
            for split, line in key_lines:
                if line.startswith('#') or not line.strip():
                    out.write(line)
                    continue
                cols = line.rstrip('\n').split('\t')
                cols[-1] = f'({int(cluster[f"{split}:{cols[2]}"])})'
                out.write('\t'.join(cols) + '\n')
        scored = subprocess.run([sys.executable, SCORER, key, response, '--json'],
                                capture_output=True, text=True, check=True)
    if args.train:
        write_model(args.train, names, fit(rows_seen, len(names)), args.link, args.split,
                    sum(rows_seen.values()))
    result = json.loads(scored.stdout)
    summary = {'split': args.split, 'system': 'same-lemma' if args.baseline else 'crosscheck'}
    for m in ('muc', 'bcub', 'ceafe'):
        summary[m] = {k: round(result[m][k], 2) for k in ('recall', 'precision', 'f1')}
    summary['conll_f1'] = round(result['conll_f1'], 2)
    summary['events'] = len(set(cluster.values()))
    if doc_groups:
        # how crosscheck's document groups match the gold subtopics (the ecb / ecbplus
        # halves of a topic): pairs of documents of one topic grouped together or apart
        same = both = grouped = 0
        items = sorted(doc_groups.items())
        for i, (p, (t, g)) in enumerate(items):
            for q, (u, h) in items[i + 1:]:
                if t != u:
                    continue
                gold = ('ecbplus' in os.path.basename(p)) == ('ecbplus' in os.path.basename(q))
                same += gold
                grouped += g == h
                both += gold and g == h
        summary['document_pairs'] = {'precision': round(100 * both / max(grouped, 1), 2),
                                     'recall': round(100 * both / max(same, 1), 2),
                                     'groups': len(set(doc_groups.values()))}
    print(json.dumps(summary))


if __name__ == '__main__':
    main()
