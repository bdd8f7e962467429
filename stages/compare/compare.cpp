#include "compare/compare.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <sstream>
#include <stdexcept>
#include <tuple>

#include "detail.hpp"

namespace crosscheck {
namespace {

using namespace detail;

struct Verdict {
  bool fired = false;
  std::string why;  // the failed condition, or the explanation when fired
  std::vector<std::string> cues;
  const Record* a = nullptr;  // the records it fired on
  const Record* b = nullptr;
};

std::string quote(const std::string& s) { return "'" + s + "'"; }

// What every rule looks at, worked out once per pair: the matched acts, and the words
// around each act (by window size, since rules may differ there).
struct PairFacts {
  std::vector<PredicateMatch> matches;
  std::map<std::tuple<bool, std::uint32_t, std::uint32_t>, std::vector<std::string>> contexts;

  const std::vector<std::string>& around(bool side_a, const Statement& s, const Record& r,
                                         std::uint32_t window) {
    auto [it, added] = contexts.try_emplace({side_a, r.token, window});
    if (added) it->second = context(s, r, window);
    return it->second;
  }
};

std::string folded(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Who asserts a record, for a finding: its speaker, or "" for the article itself, which
// also asserts what it reports through a verb of evidence ("the documents show that").
std::string asserter(const Statement& s, const Record& r, const Lexicon& lex) {
  if (lex.evidence_verbs.count(lemma_of(folded(s.frame), lex))) return {};
  return speaker_of(s, r);
}

// Two different speakers, one on each side: what the sources report is a dispute.
bool dispute(const Statement& a, const Record& ra, const Statement& b, const Record& rb,
             const Lexicon& lex) {
  const std::string sa = asserter(a, ra, lex), sb = asserter(b, rb, lex);
  return !sa.empty() && !sb.empty() && folded(sa) != folded(sb);
}

Verdict evaluate(const Rule& rule, const Statement& a, const Statement& b, const Pair& pair,
                 const Lexicon& lex, PairFacts& facts) {
  Verdict v;
  Verdict speakers;  // the first match that fired between two speakers
  auto fail = [&](std::string why) {
    v.why = std::move(why);
    return v;
  };
  if (pair.score < rule.min_score) {
    std::ostringstream msg;
    msg << "alignment score " << std::round(pair.score * 100) / 100 << " < " << rule.min_score;
    return fail(msg.str());
  }
  if (rule.max_rank != 0 && pair.best_rank() > rule.max_rank)
    return fail("each statement has " + std::to_string(pair.best_rank() - 1) +
                " better matches in the other's document (max_rank " +
                std::to_string(rule.max_rank) + ")");
  if (shared_count(a.terms, b.terms) < rule.min_shared_terms)
    return fail("fewer than " + std::to_string(rule.min_shared_terms) + " shared terms");
  if (rule.shared_names && !a.entities.empty() && !b.entities.empty() &&
      shared_count(a.entities, b.entities) == 0)
    return fail("the two name different entities");
  if (shared_count(a.entities, b.entities) < rule.min_shared_entities)
    return fail("fewer than " + std::to_string(rule.min_shared_entities) + " shared entities");

  std::string last_failure = "no predicate of one side matches the other";
  for (const auto& m : facts.matches) {
    const Record& ra = *m.a;
    const Record& rb = *m.b;
    // the predicate words as written, and their matching keys
    const Token& ta = a.tokens[ra.token];
    const Token& tb = b.tokens[rb.token];
    if (rule.predicate == Rule::Predicate::kSame && m.opposite) continue;
    if (rule.predicate == Rule::Predicate::kOpposite && !m.opposite) continue;
    if (!rule.allow_hedged &&
        (ra.modality != Modality::kAsserted || rb.modality != Modality::kAsserted)) {
      const bool on_a = ra.modality != Modality::kAsserted;
      const Record& r = on_a ? ra : rb;
      last_failure = "the act is " + std::string(to_string(r.modality)) + ": " +
                     quote((on_a ? ta : tb).lower) + " (" + quote(r.modality_cue) + ")";
      continue;
    }
    if (!rule.allow_reported && (ra.reported || rb.reported)) {
      const bool on_a = ra.reported;
      last_failure = quote((on_a ? ta : tb).lower) +
                     " is reported: " + (on_a ? a : b).attributed_to + " (" +
                     quote((on_a ? a : b).frame) + ")";
      continue;
    }
    if (const std::string ma = repeat_marker(a.tokens, ra.token, lex.iterative),
        mb = repeat_marker(b.tokens, rb.token, lex.iterative);
        ma.empty() != mb.empty()) {
      const bool on_a = !ma.empty();
      last_failure = quote((on_a ? ta : tb).lower) + " is a repeat (" + quote(on_a ? ma : mb) +
                     "): a sequence of events, not one event";
      continue;
    }
    const bool a_denies = ra.polarity == Polarity::kNegative;
    const bool opposite_polarity = ra.polarity != rb.polarity;
    if (opposite_polarity &&
        (mixed(a, lex.class_of(ta.lemma), lex) || mixed(b, lex.class_of(tb.lemma), lex))) {
      last_failure = "a side both denies and asserts " + quote(lex.class_of(ta.lemma)) +
                     " (a sequence, not a denial)";
      continue;
    }
    if (rule.polarity == Rule::PolarityTest::kSame && opposite_polarity) {
      last_failure = "polarity differs on " + quote(ta.lower) + "/" + quote(tb.lower);
      continue;
    }
    if (rule.polarity == Rule::PolarityTest::kOpposite && !opposite_polarity) {
      last_failure = "same polarity on " + quote(ta.lower) + "/" + quote(tb.lower);
      continue;
    }
    // The denying side and the asserting side, when the polarity differs.
    const Statement& denier = a_denies ? a : b;
    const Statement& asserter = a_denies ? b : a;
    const Record& denied = a_denies ? ra : rb;
    const Record& asserted = a_denies ? rb : ra;
    const std::string& denied_word = (a_denies ? ta : tb).lower;
    const std::string& asserted_word = (a_denies ? tb : ta).lower;
    if (rule.covered_denial && opposite_polarity) {
      if (const std::string extra =
              uncovered(denier, denied, asserter, asserted, rule.context_window);
          !extra.empty()) {
        last_failure = "the denial says more than the assertion: " + quote(extra);
        continue;
      }
    }
    if (rule.min_context > 0) {
      const auto& ca = facts.around(true, a, ra, rule.context_window);
      const auto& cb = facts.around(false, b, rb, rule.context_window);
      if (shared_count(ca, cb) < rule.min_context) {
        last_failure = "fewer than " + std::to_string(rule.min_context) + " shared words near " +
                       quote(ta.lower) + "/" + quote(tb.lower);
        continue;
      }
    }
    if (rule.same_object && objects_differ(a, ra, b, rb, rule.context_window)) {
      last_failure = "different objects of " + quote(ta.lower) + "/" + quote(tb.lower);
      continue;
    }
    if (rule.same_place) {
      const auto pa = argument_names(a, ra), pb = argument_names(b, rb);
      if (!pa.empty() && !pb.empty() && shared_count(pa, pb) == 0) {
        last_failure = "different places or parties of " + quote(ta.lower) + "/" + quote(tb.lower) +
                       ": " + pa.front() + " / " + pb.front();
        continue;
      }
    }
    if (rule.same_agent && agents_differ(a, ra, b, rb)) {
      last_failure = "different doers of " + quote(ta.lower) + "/" + quote(tb.lower);
      continue;
    }
    // "far from Stalin initiating the war" is not denied by "who triggered the war": a
    // denial that names its doer needs an assertion that names one.
    if (rule.same_agent && opposite_polarity) {
      if (!participants(denier, denied).agent.empty() &&
          participants(asserter, asserted).agent.empty() && asserted.kind != Record::Kind::kLight) {
        last_failure = "the assertion names no doer of " + quote(asserted_word);
        continue;
      }
    }
    const auto times = compare_times(a, ra, b, rb);
    const bool times_overlap = times && times->overlap;
    if (rule.time == Rule::TimeTest::kDisjoint && !(times && !times->overlap)) {
      last_failure = times ? "times overlap: " + times->a->text + " / " + times->b->text
                           : "a side states no time for " + quote(ta.lower);
      continue;
    }
    if (rule.time == Rule::TimeTest::kOverlap && !times_overlap) {
      last_failure = times ? "times disjoint: " + times->a->text + " / " + times->b->text
                           : "a side states no time for " + quote(ta.lower);
      continue;
    }
    if (rule.time == Rule::TimeTest::kNone && times && !times->overlap) {
      last_failure = "times clash: " + times->a->text + " / " + times->b->text;
      continue;
    }
    const auto numbers = compare_numbers(a, ra, b, rb);
    if (rule.number == Rule::NumberTest::kDisjoint && !(numbers && !numbers->overlap)) {
      last_failure = numbers ? "amounts agree: " + numbers->a->text + " / " + numbers->b->text
                             : "no amounts of one thing for " + quote(ta.lower);
      continue;
    }
    if (rule.number == Rule::NumberTest::kOverlap && !(numbers && numbers->overlap)) {
      last_failure = numbers ? "amounts differ: " + numbers->a->text + " / " + numbers->b->text
                             : "no amounts of one thing for " + quote(ta.lower);
      continue;
    }
    // Cues: the predicate words, the negation that splits them, the times compared.
    v.cues.push_back(ta.lower);
    if (tb.lower != ta.lower) v.cues.push_back(tb.lower);
    std::ostringstream why;
    if (opposite_polarity) {
      const std::string cue(polarity_cue(denier, denied));
      if (!cue.empty()) v.cues.push_back(cue);
      why << (a_denies ? "A" : "B") << " denies " << quote(denied_word)
          << (cue.empty() ? "" : " (" + quote(cue) + ")") << ", " << (a_denies ? "B" : "A")
          << " asserts " << quote(asserted_word);
    } else if (m.opposite) {
      why << quote(ta.lower) << " is opposed to " << quote(tb.lower);
    } else {
      why << "both " << (a_denies ? "deny " : "assert ") << quote(ta.lower)
          << (tb.lower != ta.lower ? " ~ " + quote(tb.lower) : "");
    }
    if (m.relation) why << " (WordNet " << to_string(*m.relation) << "s)";
    if (rule.time != Rule::TimeTest::kAny && times) {
      v.cues.push_back(times->a->text);
      if (times->b->text != times->a->text) v.cues.push_back(times->b->text);
      why << (times_overlap ? "; times agree: " : "; times cannot overlap: ") << times->a->text
          << " / " << times->b->text;
    }
    if (rule.number != Rule::NumberTest::kAny && numbers) {
      v.cues.push_back(numbers->a->text);
      v.cues.push_back(numbers->b->text);
      why << (numbers->overlap ? "; amounts agree: " : "; amounts cannot both hold: ")
          << numbers->a->text << " / " << numbers->b->text << " " << numbers->a->unit;
    }
    v.fired = true;
    v.why = why.str();
    v.a = &ra;
    v.b = &rb;
    // a conflict between two speakers is a dispute: another match may be one the sources
    // themselves assert, which the gate must see
    if (rule.kind == Finding::Kind::kConflict && dispute(a, ra, b, rb, lex)) {
      if (!speakers.fired) speakers = std::move(v);
      v = Verdict{};
      continue;
    }
    return v;
  }
  if (speakers.fired) return speakers;
  return fail(last_failure);
}

}  // namespace

namespace {

// True when the two statements say the same words (marks aside): they cannot conflict,
// however differently the parse took each ('" None of that swayed jurors' and 'None of
// that swayed jurors', copied with and without its quotation mark; "I cant speak" and "I
// can't speak", split by the tokeniser into other words). Compared letter by letter.
bool same_words(const Statement& a, const Statement& b) {
  auto letters = [](const Statement& s) {
    std::string out;
    for (const Token& t : s.tokens)
      for (char c : t.lower)
        if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80)
          out += c;
    return out;
  };
  return letters(a) == letters(b);
}

// Who asserts each side of a conflict. Two different speakers make it a dispute the
// sources report, not a conflict between the sources; a source's own assertion against
// another's reported claim, or one speaker told two ways, is said so.
void attribute(Finding& f, const Statement& a, const Record& ra, const Statement& b,
               const Record& rb, const Lexicon& lex) {
  const std::string sa = asserter(a, ra, lex), sb = asserter(b, rb, lex);
  if (sa.empty() && sb.empty()) return;
  if (dispute(a, ra, b, rb, lex)) {
    f.kind = Finding::Kind::kDispute;
    f.explanation = "the sources report a dispute: A from " + quote(sa) + ", B from " + quote(sb) +
                    "; " + f.explanation;
  } else if (!sa.empty() && !sb.empty()) {
    f.explanation += "; both report it from " + quote(sa);
  } else {
    f.explanation += sa.empty() ? "; A asserts it itself, B reports it from " + quote(sb)
                                : "; A reports it from " + quote(sa) + ", B asserts it itself";
  }
}

}  // namespace

std::optional<Finding> compare(const Statement& a, const Statement& b, const Pair& pair,
                               const CompareOptions& options) {
  if (options.rules == nullptr || options.lexicon == nullptr)
    throw std::invalid_argument("compare: rules and lexicon are required");
  PairFacts facts{predicate_matches(a, b, *options.lexicon), {}};
  if (facts.matches.empty()) return std::nullopt;  // every rule needs a matched act
  const bool same = same_words(a, b);
  for (const auto kind : {Finding::Kind::kConflict, Finding::Kind::kAgreement}) {
    if (same && kind == Finding::Kind::kConflict) continue;
    for (const Rule& rule : options.rules->rules) {
      if (rule.kind != kind) continue;
      Verdict v = evaluate(rule, a, b, pair, *options.lexicon, facts);
      if (!v.fired) continue;
      Finding f;
      f.kind = rule.kind;
      f.type = rule.type;
      f.rule = rule.id;
      const bool hedged = a.modality == Modality::kHedged || b.modality == Modality::kHedged;
      f.confidence = rule.confidence * (hedged ? rule.hedged_factor : 1.0);
      f.a = pair.a;
      f.b = pair.b;
      f.cues = std::move(v.cues);
      f.explanation = std::move(v.why);
      f.act = options.lexicon->class_of(a.tokens[v.a->token].lemma);
      if (f.kind == Finding::Kind::kConflict) attribute(f, a, *v.a, b, *v.b, *options.lexicon);
      return f;
    }
  }
  return std::nullopt;
}

std::vector<std::string> explain_rules(const Statement& a, const Statement& b, const Pair& pair,
                                       const CompareOptions& options) {
  std::vector<std::string> lines;
  PairFacts facts{predicate_matches(a, b, *options.lexicon), {}};
  const bool same = same_words(a, b);
  for (const Rule& rule : options.rules->rules) {
    Verdict v;
    if (same && rule.kind == Finding::Kind::kConflict)
      v.why = "the two say the same words";
    else
      v = evaluate(rule, a, b, pair, *options.lexicon, facts);
    if (v.fired && rule.kind == Finding::Kind::kConflict &&
        dispute(a, *v.a, b, *v.b, *options.lexicon))
      v.why += " (between two speakers: a dispute)";
    lines.push_back((v.fired ? "fires    " : "no       ") + rule.id + " (" +
                    std::string(to_string(rule.kind)) + "/" + rule.type + "): " + v.why);
  }
  return lines;
}

}  // namespace crosscheck
