// A sentence cut into its claims, each a Statement with its own features and roles.
#include <algorithm>
#include <set>

#include "detail.hpp"

namespace crosscheck::detail {

template <typename T>
void sort_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Where a sentence holds several claims:
// - after ";";
// - at a contrast word ("but", "whereas", "although") that follows a comma or dash, or that
//   the parse makes a conjunction or a subordinator, unless it stands between commas
//   (", however,");
// - at a conjunction after a comma (", and") between two clauses that each have an act
//   ("Stalin vetoed the plan, and his word was law"), not in a list of names ("Kim, Mao,
//   and Stalin met");
// - at the comma that ends a concession put first ("although Stalin had the last word,
//   it was Kim who pressed").
// The part before must hold a content word and the part after an act of its own.
std::vector<std::size_t> clause_starts(const std::vector<Token>& tokens, const Lexicon& lex) {
  const std::set<std::string>& kContrast = lex.contrast;
  const std::set<std::string>& kConcession = lex.concession;
  auto has_act = [&](std::size_t b, std::size_t e) {
    for (std::size_t k = b; k < e; ++k)
      if (tokens[k].verb) return true;
    return false;
  };
  auto content_words = [&](std::size_t b, std::size_t e) {
    std::size_t n = 0;
    for (std::size_t k = b; k < e; ++k)
      n += !tokens[k].stop && tokens[k].kind == Token::Kind::kWord;
    return n;
  };
  auto is_dash = [](const std::string& s) { return s == "\u2013" || s == "\u2014"; };
  std::vector<std::size_t> starts = {0};
  // Whether the current clause opened with a concession word.
  bool conceding = !tokens.empty() && kConcession.count(tokens.front().lower) > 0;
  for (std::size_t i = 1; i + 1 < tokens.size(); ++i) {
    const Token& t = tokens[i];
    const Token& prev = tokens[i - 1];
    const bool after_mark = prev.lower == "," || is_dash(prev.lower);
    std::size_t start = i;
    if (t.lower == ";") {
      start = i + 1;
    } else if (kContrast.count(t.lower)) {
      // ", however," is an aside; a contrast word opens a clause after a mark, or where the
      // parse makes it a conjunction ("but") or a clause's subordinator ("whereas")
      const bool aside = tokens[i + 1].lower == ",";
      const bool joins = t.upos == Upos::kCconj || t.dep == Dep::kMark;
      if (aside || !(after_mark || joins)) continue;
    } else if (t.upos == Upos::kCconj && prev.lower == ",") {
      if (!has_act(starts.back(), i)) continue;
    } else if (t.lower == "," && conceding) {
      if (content_words(starts.back(), i) < 2) continue;
      start = i + 1;
    } else {
      continue;
    }
    if (content_words(starts.back(), i) == 0 || !has_act(start, tokens.size())) continue;
    starts.push_back(start);
    conceding = kConcession.count(t.lower) > 0;
  }
  return starts;
}

// Subject, predicate and object of a clause: its first record's act, doer and object.
void fill_roles(Statement& c) {
  if (c.records.empty()) return;
  const Record& r = c.records.front();
  c.predicate = c.tokens[r.token].lower;
  c.subject = role_text(c.tokens, r.doer);
  c.object = role_text(c.tokens, r.object);
}

// The clause [begin, end) of the whole-sentence analysis `s` as a statement of its own.
Statement clause(const Statement& s, std::size_t begin, std::size_t end, const Sentence& sentence,
                 const SentenceMarks& marks, const Lexicon& lex) {
  const Attribution& attribution = marks.attribution;
  const std::vector<bool>& used = marks.used;
  Statement c;
  c.doc = s.doc;
  c.sentence = s.sentence;
  const auto offset = static_cast<std::uint32_t>(begin);
  c.tokens.assign(s.tokens.begin() + begin, s.tokens.begin() + end);
  for (Token& t : c.tokens)  // heads outside the clause are outside the statement
    t.head = t.head >= static_cast<std::int32_t>(begin) && t.head < static_cast<std::int32_t>(end)
                 ? t.head - static_cast<std::int32_t>(begin)
                 : -1;
  c.span = {sentence.span.begin + (begin < s.tokens.size() ? s.tokens[begin].span.begin : 0),
            sentence.span.begin + (end > begin ? s.tokens[end - 1].span.end : 0)};
  if (begin == 0 && end == s.tokens.size()) c.span = s.span;
  auto inside = [&](std::uint32_t k) { return k >= begin && k < end; };
  for (const auto& n : s.negations) {
    if (!inside(n.token)) continue;
    Negation m = n;
    m.token -= offset;
    m.scope_begin = std::max<std::uint32_t>(n.scope_begin, offset) - offset;
    m.scope_end = std::min<std::uint32_t>(n.scope_end, static_cast<std::uint32_t>(end)) - offset;
    m.scope_end = std::max(m.scope_end, m.scope_begin);
    m.head = inside(static_cast<std::uint32_t>(std::max(n.head, 0))) && n.head >= 0
                 ? n.head - static_cast<std::int32_t>(offset)
                 : -1;
    c.negations.push_back(std::move(m));
  }
  for (const auto& t : s.times)
    if (inside(t.token)) {
      TimeInterval m = t;
      m.token -= offset;
      m.token_end = std::min<std::uint32_t>(t.token_end, static_cast<std::uint32_t>(end)) - offset;
      c.times.push_back(std::move(m));
    }
  for (const auto& q : s.quantities)
    if (inside(q.token)) {
      Quantity m = q;
      m.token -= offset;
      m.token_end = std::min<std::uint32_t>(q.token_end, static_cast<std::uint32_t>(end)) - offset;
      c.quantities.push_back(std::move(m));
    }
  const bool any_negated =
      std::any_of(c.tokens.begin(), c.tokens.end(), [](const Token& t) { return t.negated; });
  c.polarity = any_negated ? Polarity::kNegative : Polarity::kPositive;
  // Reported speech runs from its verb to the end of that clause; a hedge makes its clause
  // uncertain.
  const bool reported =
      s.modality == Modality::kReported && inside(static_cast<std::uint32_t>(attribution.token));
  if (reported) {
    c.modality = Modality::kReported;
    c.attributed_to = s.attributed_to;
  }
  for (const auto& t : c.tokens)
    if (t.hedged && c.modality == Modality::kAsserted) c.modality = Modality::kHedged;
  if (c.modality != Modality::kAsserted || begin == 0) c.hedges = s.hedges;
  // Who speaks is not what is claimed: terms said only in the frame are marked.
  auto in_frame = [&](std::size_t i) {
    return reported && i >= attribution.frame_begin && i < attribution.frame_end;
  };
  std::vector<Spelling> claimed;  // the terms outside the frame
  for (std::size_t i = begin; i < end; ++i) {
    const Token& t = s.tokens[i];
    std::string term;
    if (t.entity && t.lemma.size() > 1) {
      c.entities.push_back(t.lemma.substr(1));
      term = t.lemma;
    } else if (!t.stop && !used[i] && t.kind == Token::Kind::kWord && t.lemma.size() >= 2) {
      // A predicate counts by its class, so "approved" and "permission" share a term.
      term = lex.class_of(t.lemma);
      if (t.verb) c.predicates.push_back(term);
    }
    if (term.empty()) continue;
    (in_frame(i) ? c.frame_terms : claimed).push_back(term);
    c.terms.push_back(std::move(term));
  }
  sort_unique(claimed);
  sort_unique(c.frame_terms);
  std::erase_if(c.frame_terms, [&](const std::string& term) {
    return std::binary_search(claimed.begin(), claimed.end(), term);
  });
  sort_unique(c.terms);
  sort_unique(c.entities);
  ClauseMarks cm;
  cm.hedge.resize(c.tokens.size());
  cm.in_frame.resize(c.tokens.size());
  for (std::size_t i = begin; i < end; ++i) {
    if (marks.cue_of[i] > 0) cm.hedge[i - begin] = s.hedges[marks.cue_of[i] - 1];
    cm.in_frame[i - begin] = in_frame(i);
  }
  if (reported) c.frame = attribution.cue;
  c.records = build_records(c, cm, lex);
  fill_roles(c);
  // A corpus holds every statement while its pairs are compared: no spare capacity.
  for (auto* v : {&c.terms, &c.frame_terms, &c.entities, &c.predicates}) v->shrink_to_fit();
  c.records.shrink_to_fit();
  return c;
}

}  // namespace crosscheck::detail
