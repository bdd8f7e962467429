// What a pair's rules look at, found in the two statements: matched acts, clauses, the
// time of an act, the words around it (with their side), doers, objects and amounts.
#include <algorithm>
#include <set>

#include "detail.hpp"

namespace crosscheck::detail {

std::vector<PredicateMatch> predicate_matches(const Statement& a, const Statement& b,
                                              const Lexicon& lex) {
  std::vector<PredicateMatch> out;
  for (std::uint32_t i = 0; i < a.tokens.size(); ++i) {
    if (!a.tokens[i].verb) continue;
    const std::string& ca = lex.class_of(a.tokens[i].lemma);
    for (std::uint32_t j = 0; j < b.tokens.size(); ++j) {
      if (!b.tokens[j].verb) continue;
      const std::string& cb = lex.class_of(b.tokens[j].lemma);
      if (ca == cb)
        out.push_back({i, j, false});
      else if (lex.opposed(ca, cb))
        out.push_back({i, j, true});
    }
  }
  return out;
}

// True when the statement has words of `cls` both denied and asserted: "refused to allow
// it ... only agreeing when" tells a sequence, and is not a denial of the act.
bool mixed(const Statement& s, const std::string& cls, const Lexicon& lex) {
  bool denied = false, asserted = false;
  for (const auto& t : s.tokens)
    if (t.verb && lex.class_of(t.lemma) == cls) (t.negated ? denied : asserted) = true;
  return denied && asserted;
}

bool breaks_clause(const Token& t) {
  return t.kind == Token::Kind::kPunct &&
         (t.lower == "," || t.lower == ";" || t.lower == ":" || t.lower == "(" || t.lower == ")" ||
          t.lower == "\u2013" || t.lower == "\u2014");
}

// The clause of token i: [begin, end) between clause-breaking marks.
std::pair<std::uint32_t, std::uint32_t> clause_of(const Statement& s, std::uint32_t i) {
  std::uint32_t begin = i, end = i;
  while (begin > 0 && !breaks_clause(s.tokens[begin - 1])) --begin;
  while (end < s.tokens.size() && !breaks_clause(s.tokens[end])) ++end;
  return {begin, end};
}

// True when another act stands between the time and the act at `token`: then the time
// dates that nearer act ("drove back ... in fighting that ended in July 1953").
bool act_between(const Statement& s, const TimeInterval& t, std::uint32_t token) {
  const std::uint32_t from = token < t.token ? token + 1 : t.token_end;
  const std::uint32_t to = token < t.token ? t.token : token;
  for (std::uint32_t k = from; k < to; ++k)
    if (s.tokens[k].verb) return true;
  return false;
}

// The time of the act at `token`: the nearest time within `window` tokens that is in the
// same clause, or in a clause that names no act of its own ("from March 1949 to January
// 1950, before he approved it"). A time elsewhere dates something else.
const TimeInterval* nearest_time(const Statement& s, std::uint32_t token, std::uint32_t window) {
  if (s.relative_time) return nullptr;  // "died yesterday ... December 20, 2005": a dateline
  const auto [clause_begin, clause_end] = clause_of(s, token);
  const TimeInterval* best = nullptr;
  std::uint32_t best_distance = 0;
  for (const auto& t : s.times) {
    const std::uint32_t d = t.token > token        ? t.token - token
                            : token >= t.token_end ? token - t.token_end + 1
                                                   : 0;
    const bool same_clause = t.token >= clause_begin && t.token < clause_end;
    if (d > window) continue;
    if (same_clause && act_between(s, t, token)) continue;
    if (!same_clause) {
      const auto [tb, te] = clause_of(s, t.token);
      bool clause_has_act = false;
      for (std::uint32_t k = tb; k < te; ++k) clause_has_act = clause_has_act || s.tokens[k].verb;
      if (clause_has_act) continue;
    }
    if (best == nullptr || d < best_distance) {
      best = &t;
      best_distance = d;
    }
  }
  return best;
}

const Negation* negation_of(const Statement& s, std::uint32_t token) {
  for (const auto& n : s.negations)
    if (token >= n.scope_begin && token < n.scope_end) return &n;
  for (const auto& n : s.negations)  // postposed cues scope backwards
    if (token < n.token && token >= n.scope_begin) return &n;
  return nullptr;
}

// "the war was masterminded by Stalin": by the tree, the act names its doer after "by".
// (A passive without one, "documents released in 1992", keeps its sides: it lines up with
// the same passive, and there is no doer to swap in.)
bool passive(const Statement& s, std::uint32_t i) {
  for (const Token& t : s.tokens)
    if (t.head == static_cast<std::int32_t>(i) && t.dep == Dep::kOblAgent) return true;
  return false;
}

bool in_time(const Statement& s, std::uint32_t k) {
  return std::any_of(s.times.begin(), s.times.end(),
                     [&](const TimeInterval& x) { return k >= x.token && k < x.token_end; });
}

// Lemmas and entities within `window` tokens of token i, the predicate itself excluded,
// each marked with its side: "<" before the act (usually its agent), ">" after (its object).
// Two acts share a participant only on the same side: "Stalin did not encourage" and
// "urging Stalin's approval" do not.
std::vector<std::string> context(const Statement& s, std::uint32_t i, std::uint32_t window) {
  // The window counts content words only: times, function words and marks do not use it up.
  auto participant = [&](std::uint32_t k) {
    const Token& t = s.tokens[k];
    if (t.stop || t.kind != Token::Kind::kWord || t.lemma == s.tokens[i].lemma) return false;
    return !in_time(s, k);  // "late" of "the late 1920s" is no participant
  };
  // In the passive the doer follows "by" and what is done stands before the act: the sides
  // swap, so "the war was masterminded by Stalin" lines up with "Stalin masterminded the war".
  const bool swapped = passive(s, i);
  const std::string before = swapped ? ">" : "<", after = swapped ? "<" : ">";
  std::vector<std::string> out;
  std::uint32_t seen = 0;
  for (std::uint32_t k = i; k-- > 0 && seen < window;)
    if (participant(k)) out.push_back(before + s.tokens[k].lemma), ++seen;
  seen = 0;
  for (std::uint32_t k = i + 1; k < s.tokens.size() && seen < window; ++k)
    if (participant(k)) out.push_back(after + s.tokens[k].lemma), ++seen;
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The first word after the denied act (in its clause) that the asserting side does not also
// say after its act, or "" when the denial is covered.
std::string uncovered(const Statement& denier, std::uint32_t i, const Statement& asserter,
                      std::uint32_t j, std::uint32_t window) {
  const auto said = context(asserter, j, window * 2);
  const std::uint32_t clause_end = clause_of(denier, i).second;
  std::uint32_t seen = 0;
  for (std::uint32_t k = i + 1; k < clause_end && seen < window; ++k) {
    const Token& t = denier.tokens[k];
    if (t.stop || t.kind != Token::Kind::kWord || in_time(denier, k)) continue;
    ++seen;
    if (!std::binary_search(said.begin(), said.end(), ">" + t.lemma)) return t.lower;
  }
  return "";
}

Participants participants(const Statement& s, std::uint32_t i) {
  Participants p;
  for (std::uint32_t k = 0; k < s.tokens.size(); ++k)
    if (s.tokens[k].entity && (k < i || passive(s, i))) p.before.push_back(s.tokens[k].lemma);
  // the doer, when the tree names one and it is a name
  if (const std::int32_t d = doer_of(s.tokens, i); d >= 0 && s.tokens[d].entity)
    p.agent = s.tokens[d].lemma;
  return p;
}

// Two acts with different doers are different claims: "the USA would not intervene" and
// "Stalin intervened". Each side's agent must be named before the other side's act.
bool agents_differ(const Statement& a, std::uint32_t i, const Statement& b, std::uint32_t j) {
  // "Kim obtained approval": the name before a light verb's object is who receives the act,
  // so word order tells nothing of the doer there.
  if (a.tokens[i].light || b.tokens[j].light) return false;
  const Participants pa = participants(a, i), pb = participants(b, j);
  if (pa.agent.empty() || pb.agent.empty()) return false;
  auto named = [](const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  return !named(pb.before, pa.agent) || !named(pa.before, pb.agent);
}

std::optional<NumberMatch> compare_numbers(const Statement& a, std::uint32_t i, const Statement& b,
                                           std::uint32_t j, std::uint32_t window) {
  auto near = [window](const Quantity& q, std::uint32_t k) {
    return (q.token > k ? q.token - k : k - q.token) <= window;
  };
  std::optional<NumberMatch> disjoint;
  for (const auto& qa : a.quantities) {
    if (qa.unit.empty() || !near(qa, i)) continue;
    for (const auto& qb : b.quantities) {
      if (qb.unit != qa.unit || !near(qb, j)) continue;
      const bool overlap = qa.low <= qb.high && qb.low <= qa.high;
      if (overlap) return NumberMatch{&qa, &qb, true};  // one agreeing amount is enough
      if (!disjoint) disjoint = NumberMatch{&qa, &qb, false};
    }
  }
  return disjoint;
}

// What act i is done to, by the tree (core's object_of): its lemma, or "" when none.
std::string object_lemma(const Statement& s, std::uint32_t i) {
  const std::int32_t k = object_of(s.tokens, i);
  return k < 0 ? std::string() : s.tokens[static_cast<std::size_t>(k)].lemma;
}

bool objects_differ(const Statement& a, std::uint32_t i, const Statement& b, std::uint32_t j,
                    std::uint32_t window) {
  const std::string oa = object_lemma(a, i), ob = object_lemma(b, j);
  if (oa.empty() || ob.empty() || oa == ob) return false;
  const auto ca = context(a, i, window), cb = context(b, j, window);
  return !std::binary_search(cb.begin(), cb.end(), ">" + oa) &&
         !std::binary_search(ca.begin(), ca.end(), ">" + ob);
}

}  // namespace crosscheck::detail
