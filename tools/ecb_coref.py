#!/usr/bin/env python3
"""Event coreference on ECB+ with the gold mentions, scored as the field does (issue 13).

usage: python3 tools/ecb_coref.py [--split test|dev|train] [--out RESPONSE] [--baseline]
                                  [--bin build/crosscheck] [--args "--mention-link 0.5"]

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
Tune on train and dev; report test.
"""
import argparse
import collections
import csv
import json
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


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--split', default='test', choices=['test', 'dev', 'train'])
    ap.add_argument('--out', help='write the response here (default: a temporary file)')
    ap.add_argument('--baseline', action='store_true', help='the same-lemma baseline')
    ap.add_argument('--bin', default=os.path.join(REPO, 'build', 'crosscheck'))
    ap.add_argument('--args', default='', help='more options for crosscheck events')
    ap.add_argument('--data', default=DATA)
    ap.add_argument('--dump', help='also write one TSV row per mention: line, doc, gold cluster, '
                                   'event, key, text (to read errors by)')
    args = ap.parse_args()

    coref = os.path.join(args.data, 'coref')
    key = os.path.join(coref, f'ecbplus_events_{args.split}.key')
    with open(os.path.join(coref, f'ecbplus_events_{args.split}.mentions.tsv'), encoding='utf-8') as f:
        rows = list(csv.DictReader(f, delimiter='\t'))
    by_topic = collections.defaultdict(list)
    for r in rows:
        by_topic[r['topic']].append(r)
    cluster = {}
    texts = {}
    keys = {}  # mention line -> crosscheck's predicate key
    doc_groups = {}  # document path -> (topic, crosscheck's group)
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
            out = subprocess.run(cmd, capture_output=True, text=True)
            if out.returncode != 0:
                sys.exit(f'crosscheck events failed on topic {topic}:\n{out.stderr}')
            if os.path.exists(groups):
                with open(groups, encoding='utf-8') as f:
                    for line in f:
                        path, g = line.rstrip('\n').split('\t')
                        doc_groups[path] = (topic, g)
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
        with open(key, encoding='utf-8') as f, open(response, 'w', encoding='utf-8') as out:
            for line in f:
                if line.startswith('#') or not line.strip():
                    out.write(line)
                    continue
                cols = line.rstrip('\n').split('\t')
                cols[-1] = f'({int(cluster[cols[2]])})'
                out.write('\t'.join(cols) + '\n')
        scored = subprocess.run([sys.executable, SCORER, key, response, '--json'],
                                capture_output=True, text=True, check=True)
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
