// A clause's predications as records, from the dependency tree: what each act is, whether
// it is denied and by what, how sure it is, who says it, who does it to what, and which of
// the clause's times and amounts the tree hangs from it.
#include <string>
#include <vector>

#include "detail.hpp"

namespace crosscheck::detail {
namespace {

Role role_of(std::int32_t k) {
  Role r;
  r.token = k;
  return r;
}

// The cue that denies token k: the negation the tree says denies it, or whose scope holds
// it (a postposed cue scopes back over its clause), or, for an act denied through the tree ("did
// not identify and review"), the cue of the act it is coordinated with.
std::int32_t negation_of(const Statement& c, std::uint32_t k) {
  auto index = [&](const Negation& n) {
    return static_cast<std::int32_t>(&n - c.negations.data());
  };
  for (int steps = 0; steps < 32; ++steps) {
    for (const auto& n : c.negations)
      if (n.head == static_cast<std::int32_t>(k)) return index(n);
    for (const auto& n : c.negations)
      if (n.head < 0 && k >= n.scope_begin && k < n.scope_end) return index(n);
    for (const auto& n : c.negations)
      if (k < n.token && k >= n.scope_begin) return index(n);
    const std::int32_t head = c.tokens[k].head;
    if (head < 0 || !c.tokens[static_cast<std::size_t>(head)].negated) break;
    k = static_cast<std::uint32_t>(head);
  }
  return -1;
}

bool joined(const std::vector<std::string>& words, const std::string& phrase) {
  std::string s;
  for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
  return s == phrase;
}

bool conditional(const std::string& cue, const Lexicon& lex) {
  if (lex.conditionals.count(cue)) return true;
  for (const auto& p : lex.conditional_phrases)
    if (joined(p, cue)) return true;
  return false;
}

// The future auxiliary of act k ("will sign"), which a conjunct without auxiliaries of its
// own shares ("will sign and ratify"); "" when none.
std::string future_cue(const std::vector<Token>& tokens, std::uint32_t k, const Lexicon& lex) {
  for (int steps = 0; steps < 32; ++steps) {
    bool has_aux = false;
    for (const Token& t : tokens) {
      if (t.head != static_cast<std::int32_t>(k) || t.dep != Dep::kAux) continue;
      if (lex.future.count(t.lemma) || lex.future.count(t.lower)) return t.lower;
      has_aux = true;
    }
    const Token& t = tokens[k];
    if (has_aux || t.dep != Dep::kConj || t.head < 0) break;
    k = static_cast<std::uint32_t>(t.head);
  }
  return "";
}

// The record that the tree hangs token k's phrase from: up from k's head to the nearest
// act. A verb that is no act (a reporting verb, a wanted act) dates or counts itself, not
// an act beneath or above it, except a light verb, whose act is its object ("gave approval
// in April"). -1 when none.
std::int32_t governing_record(const std::vector<Token>& tokens, std::int32_t k,
                              const std::vector<std::int32_t>& record_of) {
  std::int32_t x = tokens[static_cast<std::size_t>(k)].head;
  for (int steps = 0; x >= 0 && steps < 64; ++steps) {
    const auto ux = static_cast<std::size_t>(x);
    if (record_of[ux] >= 0) return record_of[ux];
    if (tokens[ux].upos == Upos::kVerb) {
      for (std::size_t c = 0; c < tokens.size(); ++c)
        if (tokens[c].head == x && tokens[c].light && record_of[c] >= 0) return record_of[c];
      return -1;
    }
    x = tokens[ux].head;
  }
  return -1;
}

bool argument(Dep d) {
  return d == Dep::kObl || d == Dep::kOblAgent || d == Dep::kIobj || d == Dep::kNmod;
}

}  // namespace

std::vector<Record> build_records(const Statement& c, const ClauseMarks& marks,
                                  const Lexicon& lex) {
  const auto& tokens = c.tokens;
  std::vector<Record> out;
  std::vector<std::int32_t> record_of(tokens.size(), -1);
  const bool question = !tokens.empty() && tokens.back().lower == "?";
  for (std::uint32_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (!t.verb) continue;
    record_of[k] = static_cast<std::int32_t>(out.size());
    Record r;
    r.token = k;
    r.kind = t.light ? Record::Kind::kLight : Record::Kind::kVerb;
    if (t.upos != Upos::kVerb &&
        has_child(tokens, k, [](const Token& d) { return d.dep == Dep::kCop; }))
      r.kind = Record::Kind::kCopula;
    if (t.negated) {
      r.polarity = Polarity::kNegative;
      r.negation = negation_of(c, k);
    }
    if (!marks.hedge[k].empty()) {
      r.modality = conditional(marks.hedge[k], lex) ? Modality::kConditional : Modality::kHedged;
      r.modality_cue = marks.hedge[k];
    } else if (std::string will = future_cue(tokens, k, lex); !will.empty()) {
      r.modality = Modality::kFuture;
      r.modality_cue = std::move(will);
    } else if (question) {
      r.modality = Modality::kQuestion;
      r.modality_cue = "?";
    }
    r.reported = !c.frame.empty() && !marks.in_frame[k];
    r.doer = role_of(doer_of(tokens, k));
    r.object = role_of(object_of(tokens, k));
    for (std::uint32_t a = 0; a < tokens.size(); ++a) {
      if (tokens[a].head != static_cast<std::int32_t>(k) || !argument(tokens[a].dep)) continue;
      if (static_cast<std::int32_t>(a) == r.doer.token) continue;
      Argument arg;
      arg.relation = tokens[a].dep;
      arg.word = role_of(static_cast<std::int32_t>(a));
      for (std::uint32_t p = 0; p < tokens.size() && arg.prep < 0; ++p)
        if (tokens[p].head == static_cast<std::int32_t>(a) && tokens[p].dep == Dep::kCase)
          arg.prep = static_cast<std::int32_t>(p);
      r.arguments.push_back(arg);
    }
    out.push_back(std::move(r));
  }
  for (std::uint32_t i = 0; i < c.times.size(); ++i) {
    const std::int32_t head = phrase_head(tokens, c.times[i].token, c.times[i].token_end);
    if (head < 0) continue;
    if (const std::int32_t r = governing_record(tokens, head, record_of); r >= 0)
      out[static_cast<std::size_t>(r)].times.push_back(i);
  }
  // A dependent shared by coordinated acts hangs from the first of them (UD's convention):
  // "visited Moscow in April 1950 and obtained approval" dates the approval too, unless the
  // conjunct has a time of its own (or is joined by a comma alone: core's coordinated).
  for (Record& r : out) {
    // an event noun's place in the clause is its light verb's: "obtained approval"
    std::uint32_t k = r.token;
    if (r.kind == Record::Kind::kLight && tokens[k].head >= 0)
      k = static_cast<std::uint32_t>(tokens[k].head);
    const Token& t = tokens[k];
    if (!r.times.empty() || !coordinated(tokens, k)) continue;
    for (std::int32_t x = t.head, steps = 0; x >= 0 && steps < 32; ++steps) {
      const std::int32_t head = record_of[static_cast<std::size_t>(x)];
      if (head < 0) break;
      if (!out[static_cast<std::size_t>(head)].times.empty()) {
        r.times = out[static_cast<std::size_t>(head)].times;
        break;
      }
      x = tokens[static_cast<std::size_t>(x)].dep == Dep::kConj
              ? tokens[static_cast<std::size_t>(x)].head
              : -1;
    }
  }
  for (std::uint32_t i = 0; i < c.quantities.size(); ++i)
    if (const std::int32_t r =
            governing_record(tokens, static_cast<std::int32_t>(c.quantities[i].token), record_of);
        r >= 0)
      out[static_cast<std::size_t>(r)].amounts.push_back(i);
  return out;
}

}  // namespace crosscheck::detail
