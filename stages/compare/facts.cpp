// What a pair's rules look at, found in the two statements: matched acts, clauses, the
// time of an act, the words around it (with their side), doers, objects and amounts.
#include <algorithm>
#include <set>

#include "detail.hpp"

namespace crosscheck::detail {

std::vector<PredicateMatch> predicate_matches(const Statement& a, const Statement& b,
                                              const Lexicon& lex) {
  std::vector<PredicateMatch> out;
  for (const Record& ra : a.records) {
    const std::string& ca = lex.class_of(a.tokens[ra.token].lemma);
    for (const Record& rb : b.records) {
      const std::string& cb = lex.class_of(b.tokens[rb.token].lemma);
      if (ca == cb) {
        out.push_back({&ra, &rb, false, std::nullopt});
      } else if (lex.opposed(ca, cb)) {
        out.push_back({&ra, &rb, true, std::nullopt});
      } else if (const auto r = lex.relation(ca, cb);
                 r && (*r == Relation::kSynonym || *r == Relation::kDerivation)) {
        out.push_back({&ra, &rb, false, r});
      }
    }
  }
  return out;
}

// True when the statement has records of `cls` both denied and asserted: "refused to allow
// it ... only agreeing when" tells a sequence, and is not a denial of the act.
bool mixed(const Statement& s, const std::string& cls, const Lexicon& lex) {
  bool denied = false, asserted = false;
  for (const Record& r : s.records)
    if (lex.class_of(s.tokens[r.token].lemma) == cls)
      (r.polarity == Polarity::kNegative ? denied : asserted) = true;
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

std::optional<TimeMatch> compare_times(const Statement& a, const Record& ra, const Statement& b,
                                       const Record& rb) {
  std::optional<TimeMatch> disjoint;
  for (const std::uint32_t i : ra.times)
    for (const std::uint32_t j : rb.times) {
      const TimeInterval& ta = a.times[i];
      const TimeInterval& tb = b.times[j];
      if (ta.overlaps(tb)) return TimeMatch{&ta, &tb, true};  // one agreeing time is enough
      // Two times each resolved from its own article's date ("Saturday", "last year") do
      // not set two acts apart: either article's date may be wrong, or the words loose.
      if (!disjoint && !(ta.relative && tb.relative)) disjoint = TimeMatch{&ta, &tb, false};
    }
  return disjoint;
}

// "the war was masterminded by Stalin": the record's doer is the agent of a passive.
// (A passive without one, "documents released in 1992", keeps its sides: it lines up with
// the same passive, and there is no doer to swap in.)
bool passive(const Statement& s, const Record& r) {
  return !r.doer.empty() && s.tokens[static_cast<std::size_t>(r.doer.token)].dep == Dep::kOblAgent;
}

bool in_time(const Statement& s, std::uint32_t k) {
  return std::any_of(s.times.begin(), s.times.end(),
                     [&](const TimeInterval& x) { return k >= x.token && k < x.token_end; });
}

// Lemmas and entities within `window` tokens of token i, the predicate itself excluded,
// each marked with its side: "<" before the act (usually its agent), ">" after (its object).
// Two acts share a participant only on the same side: "Stalin did not encourage" and
// "urging Stalin's approval" do not.
std::vector<std::string> context(const Statement& s, const Record& r, std::uint32_t window) {
  const std::uint32_t i = r.token;
  // The window counts content words only: times, function words and marks do not use it up.
  auto participant = [&](std::uint32_t k) {
    const Token& t = s.tokens[k];
    if (t.stop || t.kind != Token::Kind::kWord || t.lemma == s.tokens[i].lemma) return false;
    return !in_time(s, k);  // "late" of "the late 1920s" is no participant
  };
  // In the passive the doer follows "by" and what is done stands before the act: the sides
  // swap, so "the war was masterminded by Stalin" lines up with "Stalin masterminded the war".
  const bool swapped = passive(s, r);
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
std::string uncovered(const Statement& denier, const Record& denied, const Statement& asserter,
                      const Record& asserted, std::uint32_t window) {
  const auto said = context(asserter, asserted, window * 2);
  const std::uint32_t i = denied.token;
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

Participants participants(const Statement& s, const Record& r) {
  Participants p;
  const bool swapped = passive(s, r);
  for (std::uint32_t k = 0; k < s.tokens.size(); ++k)
    if (s.tokens[k].entity && (k < r.token || swapped))
      p.before.push_back(s.tokens[k].lemma.substr(1));
  // the doer, when the tree names one and it is a name
  if (!r.doer.empty() && s.tokens[static_cast<std::size_t>(r.doer.token)].entity)
    p.agent = role_text(s.tokens, r.doer);
  return p;
}

// Two acts with different doers are different claims: "the USA would not intervene" and
// "Stalin intervened". Each side's agent must be named before the other side's act.
bool agents_differ(const Statement& a, const Record& ra, const Statement& b, const Record& rb) {
  // "Kim obtained approval": the name before a light verb's object is who receives the act,
  // so word order tells nothing of the doer there.
  if (ra.kind == Record::Kind::kLight || rb.kind == Record::Kind::kLight) return false;
  const Participants pa = participants(a, ra), pb = participants(b, rb);
  if (pa.agent.empty() || pb.agent.empty()) return false;
  auto named = [](const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  return !named(pb.before, pa.agent) || !named(pa.before, pb.agent);
}

// How far apart two measures stated in different units may be and still agree.
constexpr double kConversionSlack = 0.05;

std::optional<NumberMatch> compare_numbers(const Statement& a, const Record& ra, const Statement& b,
                                           const Record& rb) {
  std::optional<NumberMatch> disjoint;
  for (const std::uint32_t i : ra.amounts) {
    const Quantity& qa = a.quantities[i];
    if (qa.unit.empty()) continue;
    for (const std::uint32_t j : rb.amounts) {
      const Quantity& qb = b.quantities[j];
      if (qb.kind != qa.kind || qb.unit != qa.unit) continue;
      // a measure converted from another unit was rounded in it: "six miles" ~ "10 km"
      const double slack =
          qa.kind == Quantity::Kind::kMeasure && qa.stated != qb.stated ? kConversionSlack : 0.0;
      const bool overlap = qa.low * (1 - slack) <= qb.high * (1 + slack) &&
                           qb.low * (1 - slack) <= qa.high * (1 + slack);
      if (overlap) return NumberMatch{&qa, &qb, true};  // one agreeing amount is enough
      if (!disjoint) disjoint = NumberMatch{&qa, &qb, false};
    }
  }
  return disjoint;
}

namespace {

// The names in the phrase a token heads, by the tree: "Indonesia's Aceh province".
std::vector<std::string> names_under(const Statement& s, std::int32_t head) {
  std::vector<std::string> out;
  for (std::size_t k = 0; k < s.tokens.size(); ++k) {
    if (!s.tokens[k].entity) continue;
    std::int32_t x = static_cast<std::int32_t>(k);
    for (int steps = 0; x >= 0 && x != head && steps < 32; ++steps) x = s.tokens[x].head;
    if (x == head) out.push_back(s.tokens[k].lemma);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

namespace {

// Whether token k is a word of one of the statement's amounts ("travelled 85 miles": the
// miles measure the act; the amounts compare, not the objects).
bool in_amount(const Statement& s, std::int32_t k) {
  return std::any_of(s.quantities.begin(), s.quantities.end(), [&](const Quantity& q) {
    return k >= static_cast<std::int32_t>(q.token) && k < static_cast<std::int32_t>(q.token_end);
  });
}

}  // namespace

namespace {

// What an act is done to: its object, else the act its controlled clause names ("began to
// build": "build"), as a token index; -1 when neither.
std::int32_t complement_of(const Statement& s, const Record& r) {
  if (!r.object.empty()) return r.object.token;
  for (std::size_t k = 0; k < s.tokens.size(); ++k)
    if (s.tokens[k].head == static_cast<std::int32_t>(r.token) && s.tokens[k].dep == Dep::kXcomp)
      return static_cast<std::int32_t>(k);
  return -1;
}

}  // namespace

bool objects_differ(const Statement& a, const Record& ra, const Statement& b, const Record& rb,
                    std::uint32_t window) {
  const std::int32_t ka = complement_of(a, ra), kb = complement_of(b, rb);
  if (ka < 0 || kb < 0) return false;
  if (in_amount(a, ka) || in_amount(b, kb)) return false;
  const std::string& oa = a.tokens[static_cast<std::size_t>(ka)].lemma;
  const std::string& ob = b.tokens[static_cast<std::size_t>(kb)].lemma;
  if (oa == ob) {
    // one kind of thing, named apart: "struck Aceh province" / "struck West Papua province"
    const auto na = names_under(a, ka), nb = names_under(b, kb);
    return !na.empty() && !nb.empty() && shared_count(na, nb) == 0;
  }
  const auto ca = context(a, ra, window), cb = context(b, rb, window);
  return !std::binary_search(cb.begin(), cb.end(), ">" + oa) &&
         !std::binary_search(ca.begin(), ca.end(), ">" + ob);
}

}  // namespace crosscheck::detail
