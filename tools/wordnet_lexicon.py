#!/usr/bin/env python3
"""Generate rules/en/wordnet.toml from Debian's WordNet 3.0 data (package wordnet-base).

usage: tools/wordnet_lexicon.py [/usr/share/wordnet] > rules/en/wordnet.toml
       tools/wordnet_lexicon.py --antonyms [/usr/share/wordnet] > rules/en/wordnet-antonyms.toml

The first form writes the table the rule loader reads to bring a lexicon's words to their
base form (which words are verbs is the tagger's to say, not a list's):
  [irregular]  inflected forms -> base form, from verb.exc and noun.exc ("took" = "take").
The second form writes one [[class]] per verb with WordNet antonyms (the lexical "!"
pointers of data.verb: "approve" / "disapprove", "accept" / "refuse"), and per word that is
their antonym indirectly: the other words of the two synsets ("convict" / "exonerate") and
the event nouns derived from the two verbs ("approval" / "rejection"), among each word's
two most frequent senses; single words only.
A hand-written class in rules/en/predicates.toml keeps its members: the loader gives a word
to the first class that names it, and that file sorts first.
The third form writes the relations align and compare grade two predicates by:
  tools/wordnet_lexicon.py --relations [/usr/share/wordnet] > rules/en/wordnet-relations.toml
  [wordnet.synonyms]    words that share a synset among the two most frequent senses of each
                        ("buy" / "purchase", "quake" / "earthquake")
  [wordnet.derivations] an event noun and its verb, by WordNet's derivation pointers from a
                        frequent sense of the noun ("invasion" -> "invade", "death" -> "die");
                        a noun of the synset without a pointer of its own shares its
                        synonym's ("shot", of "shooting", -> "shoot"); and an adjective and
                        the event or state noun of its first sense ("dead" -> "death")
  [wordnet.hypernyms]   a verb or event noun and the direct hypernym of its first sense
                        ("murder" -> "kill")
  [wordnet.entails]     verb entailment and cause ("kill" -> "die", "snore" -> "sleep")
  [wordnet.pertainyms]  an adjective and the noun it pertains to ("russian" -> "Russia"; a
                        place's proper name, of noun.location, keeps WordNet's capitals, so
                        a demonym names its place)
Only single words, and nouns only from the lexicographer files of acts, events, processes,
phenomena and states (the nouns that can name an event).
The output is plain text: edit it by hand if you like, or regenerate it.
WordNet 3.0 licence: see /usr/share/doc/wordnet-base/copyright (BSD-style, Princeton).
"""
import os
import re
import sys


def exceptions(path):
    out = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and parts[0].isalpha() and parts[1].isalpha():
                out.setdefault(parts[0], parts[1])
    return out


def antonyms(root):
    """Sorted (a, b) pairs of single-word verbs that WordNet marks as antonyms."""
    words, pointers = {}, []
    with open(os.path.join(root, 'data.verb'), encoding='utf-8') as f:
        for line in f:
            if line.startswith(' '):
                continue
            head = line.split('|')[0].split()
            offset, count = head[0], int(head[3], 16)
            words[offset] = [head[4 + 2 * i].lower() for i in range(count)]
            i = 4 + 2 * count
            for _ in range(int(head[i])):
                symbol, target, pos, source_target = head[i + 1:i + 5]
                i += 4
                if symbol == '!' and pos == 'v':
                    pointers.append((offset, int(source_target[:2], 16), target, int(source_target[2:], 16)))
    pairs = set()
    for offset, s, target, t in pointers:
        a, b = words[offset][s - 1], words[target][t - 1]
        if a.isalpha() and b.isalpha():
            pairs.add(tuple(sorted((a, b))))
    return sorted(pairs)


def indirect_antonyms(root):
    """Antonyms beyond the lexical pointer, sorted (a, b) pairs: the other words of the two
    synsets a verb antonym joins ("convict" / "exonerate", since "acquit" shares a synset
    with it), and the event nouns derived from the two verbs ("conviction" / "acquittal",
    "approval" / "rejection"). Only synsets among the two most frequent senses of each word,
    as for the relations."""
    data = {p: read_data(root, POS_FILES[p]) for p in 'nv'}
    index = {p: read_index(root, POS_FILES[p]) for p in 'nv'}

    def frequent(pos, word, offset):
        return offset in index[pos].get(word, [])[:SENSES]

    def nouns(offset, s):
        """Event nouns derived from word s of verb synset `offset`."""
        out = []
        for symbol, target, tpos, ps, pt in data['v'][offset][2]:
            if symbol == '+' and tpos == 'n' and ps == s and pt:
                lexfile, words, _ = data['n'][target]
                noun = words[pt - 1]
                if lexfile in EVENT_NOUN_FILES and noun.isalpha() and frequent('n', noun, target):
                    out.append(noun)
        return out

    pairs = set()
    for offset, (lexfile, words, pointers) in data['v'].items():
        for symbol, target, tpos, s, t in pointers:
            if symbol != '!' or tpos != 'v' or not s or not t:
                continue
            a, b = words[s - 1], data['v'][target][1][t - 1]
            if not (frequent('v', a, offset) and frequent('v', b, target)):
                continue
            mine = [w for w in words if w.isalpha() and frequent('v', w, offset)]
            theirs = [w for w in data['v'][target][1] if w.isalpha() and frequent('v', w, target)]
            for x in mine:
                for y in theirs:
                    if x != y:
                        pairs.add(tuple(sorted((x, y))))
            for x in nouns(offset, s):
                for y in nouns(target, t):
                    if x != y:
                        pairs.add(tuple(sorted((x, y))))
    return pairs


def main_antonyms(root):
    print('# Generated by tools/wordnet_lexicon.py --antonyms from WordNet 3.0 (Princeton University;')
    print('# BSD-style licence, see /usr/share/doc/wordnet-base/copyright). Edit freely.')
    print('# Direct verb antonyms, the other words of their synsets, and their event nouns.')
    for a, b in sorted(set(antonyms(root)) | indirect_antonyms(root)):
        print()
        print('[[class]]')
        print(f'name = "{a}"')
        print(f'opposites = ["{b}"]')


# WordNet's lexicographer files (lexnames) whose nouns can name an event
EVENT_NOUN_FILES = {4, 11, 19, 22, 26}  # noun.act, noun.event, noun.phenomenon, noun.process, noun.state
# how many of a word's senses, most frequent first, its relations come from
SENSES = 2
POS_FILES = {'n': 'noun', 'v': 'verb', 'a': 'adj', 's': 'adj', 'r': 'adv'}


def read_data(root, pos, as_written=False):
    """offset -> (lex file number, [words], [(symbol, target offset, target pos, s, t)]);
    the words lower-cased unless as_written ("Russia", "Soviet_Union")"""
    out = {}
    with open(os.path.join(root, 'data.' + pos), encoding='utf-8') as f:
        for line in f:
            if line.startswith(' '):
                continue
            head = line.split('|')[0].split()
            offset, lexfile, count = head[0], int(head[1]), int(head[3], 16)
            words = [re.sub(r'\(.*\)$', '', head[4 + 2 * i]) for i in range(count)]
            if not as_written:
                words = [w.lower() for w in words]
            i = 4 + 2 * count
            pointers = []
            for _ in range(int(head[i])):
                symbol, target, tpos, st = head[i + 1:i + 5]
                i += 4
                pointers.append((symbol, target, 'a' if tpos == 's' else tpos, int(st[:2], 16), int(st[2:], 16)))
            out[offset] = (lexfile, words, pointers)
    return out


LOCATION_NOUN_FILE = 15  # noun.location: the nouns that name places


def read_index(root, pos):
    """lemma -> its synset offsets, most frequent sense first"""
    out = {}
    with open(os.path.join(root, 'index.' + pos), encoding='utf-8') as f:
        for line in f:
            if line.startswith(' '):
                continue
            parts = line.split()
            n = int(parts[2])
            out[parts[0]] = parts[-n:]
    return out


def relations(root):
    data = {p: read_data(root, POS_FILES[p]) for p in 'nva'}
    index = {p: read_index(root, POS_FILES[p]) for p in 'nva'}
    written = read_data(root, 'noun', as_written=True)

    def single(w):
        return w.isalpha()

    def eventive(pos, offset):
        return pos == 'v' or (pos == 'n' and data['n'][offset][0] in EVENT_NOUN_FILES)

    def top(pos, word, k=SENSES):
        return index[pos].get(word, [])[:k]

    synonyms, derivations, hypernyms, entails, pertainyms = set(), set(), set(), set(), set()
    for pos in 'nv':
        for word, offsets in index[pos].items():
            if not single(word):
                continue
            for rank, offset in enumerate(offsets[:SENSES]):
                if not eventive(pos, offset):
                    continue
                lexfile, words, pointers = data[pos][offset]
                for other in words:
                    if other != word and single(other) and offset in top(pos, other):
                        synonyms.add(tuple(sorted((word, other))))
                for symbol, target, tpos, s, t in pointers:
                    if tpos not in 'nv' or not eventive(tpos, target):
                        continue
                    twords = data[tpos][target][1]
                    if symbol == '+' and pos == 'n' and tpos == 'v' and s and t:
                        # the pointer's own noun, or a synonym of it, to a verb of any sense
                        # but its rarest ("shot" / "shoot" is shoot's third sense)
                        verb = twords[t - 1]
                        if verb != word and single(verb) and target in top('v', verb, 2 * SENSES):
                            derivations.add((word, verb))
                    elif symbol == '@' and rank == 0:
                        for h in twords:
                            if single(h) and h != word:
                                hypernyms.add((word, h))
                                break
                    elif symbol in ('*', '>') and pos == 'v' and rank == 0:
                        for h in twords:
                            if single(h) and h != word:
                                entails.add((word, h))
                                break
    for word, offsets in index['a'].items():
        if not single(word):
            continue
        for offset in offsets[:1]:
            for symbol, target, tpos, s, t in data['a'][offset][2]:
                if symbol == '+' and tpos == 'n' and s and data['a'][offset][1][s - 1] == word \
                        and eventive('n', target):
                    noun = data['n'][target][1][t - 1]
                    if noun != word and single(noun):
                        derivations.add((word, noun))
                if symbol == '\\' and tpos == 'n' and s and data['a'][offset][1][s - 1] == word:
                    noun = data['n'][target][1][t - 1].replace('_', ' ')
                    # a place keeps its capitals, so a demonym names it ("Russia")
                    as_written = written[target][1][t - 1].replace('_', ' ')
                    if data['n'][target][0] == LOCATION_NOUN_FILE and as_written[:1].isupper():
                        noun = as_written
                    pertainyms.add((word, noun))
    return synonyms, derivations, hypernyms, entails, pertainyms


def print_table(name, pairs):
    grouped = {}
    for a, b in sorted(pairs):
        grouped.setdefault(a, []).append(b)
    print()
    print(f'[wordnet.{name}]')
    for a in sorted(grouped):
        print(f'{a} = [' + ', '.join(f'"{b}"' for b in grouped[a]) + ']')


def main_relations(root):
    synonyms, derivations, hypernyms, entails, pertainyms = relations(root)
    print('# Generated by tools/wordnet_lexicon.py --relations from WordNet 3.0 (Princeton University;')
    print('# BSD-style licence, see /usr/share/doc/wordnet-base/copyright). Edit freely.')
    print('# Each table maps a word to the words it is related to; the loader keeps each relation')
    print('# in both directions ("murder" has the hypernym "kill", "kill" the hyponym "murder").')
    print_table('synonyms', synonyms)
    print_table('derivations', derivations)
    print_table('hypernyms', hypernyms)
    print_table('entails', entails)
    print_table('pertainyms', pertainyms)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == '--antonyms':
        return main_antonyms(sys.argv[2] if len(sys.argv) > 2 else '/usr/share/wordnet')
    if len(sys.argv) > 1 and sys.argv[1] == '--relations':
        return main_relations(sys.argv[2] if len(sys.argv) > 2 else '/usr/share/wordnet')
    root = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/wordnet'
    irregular = exceptions(os.path.join(root, 'verb.exc'))
    for k, v in exceptions(os.path.join(root, 'noun.exc')).items():
        irregular.setdefault(k, v)
    print('# Generated by tools/wordnet_lexicon.py from WordNet 3.0 (Princeton University;')
    print('# BSD-style licence, see /usr/share/doc/wordnet-base/copyright). Edit freely.')
    print('[irregular]')
    for k in sorted(irregular):
        print(f'{k} = "{irregular[k]}"')


if __name__ == '__main__':
    main()
