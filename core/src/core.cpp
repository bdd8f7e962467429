#include "crosscheck/core.hpp"

#include <algorithm>

#include "crosscheck/lexicon.hpp"

namespace crosscheck {

std::string Diagnostic::format() const {
  std::string out = file;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (col > 0) out += ':' + std::to_string(col);
  }
  out += severity == Severity::kError ? ": error: " : ": warning: ";
  out += message;
  return out;
}

bool Document::is_clutter(std::uint32_t offset) const {
  auto it = std::upper_bound(clutter.begin(), clutter.end(), offset,
                             [](std::uint32_t o, const Span& s) { return o < s.begin; });
  return it != clutter.begin() && std::prev(it)->contains(offset);
}

LineCol line_col(std::string_view bytes, std::uint32_t offset) {
  LineCol lc;
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(bytes.size()));
  for (std::uint32_t i = 0; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == '\n') {
      ++lc.line;
      lc.col = 1;
    } else if ((c & 0xC0) != 0x80) {  // count code points, not continuation bytes
      ++lc.col;
    }
  }
  return lc;
}

namespace {
constexpr std::string_view kUposNames[kUposCount] = {
    "ADJ",  "ADP",  "ADV",   "AUX",   "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};
}  // namespace

std::string_view to_string(Upos upos) { return kUposNames[static_cast<int>(upos)]; }

bool upos_from(std::string_view name, Upos& out) {
  for (int i = 0; i < kUposCount; ++i)
    if (kUposNames[i] == name) {
      out = static_cast<Upos>(i);
      return true;
    }
  return false;
}

Dep dep_from(std::string_view r) {
  struct Name {
    std::string_view name;
    Dep dep;
  };
  static constexpr Name kExact[] = {{"nsubj:pass", Dep::kNsubjPass}, {"obl:agent", Dep::kOblAgent}};
  static constexpr Name kBase[] = {
      {"root", Dep::kRoot},         {"nsubj", Dep::kNsubj},  {"obj", Dep::kObj},
      {"iobj", Dep::kIobj},         {"obl", Dep::kObl},      {"xcomp", Dep::kXcomp},
      {"ccomp", Dep::kCcomp},       {"conj", Dep::kConj},    {"advcl", Dep::kAdvcl},
      {"acl", Dep::kAcl},           {"aux", Dep::kAux},      {"cop", Dep::kCop},
      {"mark", Dep::kMark},         {"case", Dep::kCase},    {"advmod", Dep::kAdvmod},
      {"compound", Dep::kCompound}, {"flat", Dep::kFlat},    {"amod", Dep::kAmod},
      {"nmod", Dep::kNmod},         {"appos", Dep::kAppos},  {"cc", Dep::kCc},
      {"csubj", Dep::kNsubj},       {"det", Dep::kDet},      {"parataxis", Dep::kParataxis},
      {"expl", Dep::kExpl},         {"nummod", Dep::kNummod}};
  for (const Name& n : kExact)
    if (r == n.name) return n.dep;
  const std::string_view base = r.substr(0, r.find(':'));
  for (const Name& n : kBase)
    if (base == n.name) return n.dep;
  return Dep::kOther;
}

namespace {

std::int32_t child_of(const std::vector<Token>& tokens, std::uint32_t head, Dep dep) {
  for (std::size_t k = 0; k < tokens.size(); ++k)
    if (tokens[k].head == static_cast<std::int32_t>(head) && tokens[k].dep == dep)
      return static_cast<std::int32_t>(k);
  return -1;
}

}  // namespace

bool coordinated(const std::vector<Token>& tokens, std::uint32_t k) {
  const Token& t = tokens[k];
  if (t.dep != Dep::kConj || t.head < 0) return false;
  for (const Token& c : tokens) {
    if (c.dep != Dep::kCc || c.head < 0) continue;
    const Token& conjunct = tokens[static_cast<std::size_t>(c.head)];
    if (conjunct.dep == Dep::kConj && conjunct.head == t.head) return true;
  }
  return false;
}

std::int32_t doer_of(const std::vector<Token>& tokens, std::uint32_t act) {
  for (int depth = 0; depth < 8 && act < tokens.size(); ++depth) {
    if (const std::int32_t k = child_of(tokens, act, Dep::kNsubj); k >= 0) {
      // a relative pronoun stands for the noun its clause describes: "the men who robbed"
      const Token& t = tokens[act];
      if (tokens[static_cast<std::size_t>(k)].upos == Upos::kPron && t.dep == Dep::kAcl &&
          t.head >= 0)
        return t.head;
      return k;
    }
    if (const std::int32_t k = child_of(tokens, act, Dep::kOblAgent); k >= 0) return k;
    const Token& t = tokens[act];
    const bool inherits = t.dep == Dep::kXcomp || coordinated(tokens, act) ||
                          t.dep == Dep::kAdvcl || (t.light && t.dep == Dep::kObj);
    if (!inherits || t.head < 0 || child_of(tokens, act, Dep::kNsubjPass) >= 0) return -1;
    act = static_cast<std::uint32_t>(t.head);
  }
  return -1;
}

std::string repeat_marker(const std::vector<Token>& tokens, std::uint32_t act,
                          const std::set<std::string>& iterative) {
  const std::string& word = tokens[act].lower;
  for (const auto& prefix : iterative)
    if (word.size() > prefix.size() + 1 && word.compare(0, prefix.size(), prefix) == 0 &&
        word[prefix.size()] == '-')
      return prefix + "-";
  for (const Token& t : tokens)
    if (t.head == static_cast<std::int32_t>(act) && iterative.count(t.lower) > 0) return t.lower;
  // the tokeniser splits "re-elected" into "re", "-", "elected": the prefix stands just before
  if (act >= 2 && tokens[act - 1].lower == "-" && iterative.count(tokens[act - 2].lower) > 0 &&
      tokens[act - 2].span.end == tokens[act - 1].span.begin &&
      tokens[act - 1].span.end == tokens[act].span.begin)
    return tokens[act - 2].lower + "-";
  return "";
}

std::int32_t object_of(const std::vector<Token>& tokens, std::uint32_t act) {
  if (const std::int32_t k = child_of(tokens, act, Dep::kObj); k >= 0) return k;
  return child_of(tokens, act, Dep::kNsubjPass);
}

std::string_view to_string(Finding::Kind kind) {
  switch (kind) {
    case Finding::Kind::kConflict:
      return "conflict";
    case Finding::Kind::kAgreement:
      return "agreement";
    case Finding::Kind::kDispute:
      return "dispute";
  }
  return "conflict";
}

std::string_view to_string(Polarity polarity) {
  return polarity == Polarity::kPositive ? "positive" : "negative";
}

const char* to_string(Relation relation) {
  switch (relation) {
    case Relation::kSynonym:
      return "synonym";
    case Relation::kDerivation:
      return "derivation";
    case Relation::kHypernym:
      return "hypernym";
    case Relation::kHyponym:
      return "hyponym";
    case Relation::kEntails:
      return "entails";
    case Relation::kEntailedBy:
      return "entailed by";
    case Relation::kPertainym:
      return "pertainym";
  }
  return "";
}

std::string_view to_string(Modality modality) {
  switch (modality) {
    case Modality::kAsserted:
      return "asserted";
    case Modality::kHedged:
      return "hedged";
    case Modality::kReported:
      return "reported";
    case Modality::kConditional:
      return "conditional";
    case Modality::kFuture:
      return "future";
    case Modality::kQuestion:
      return "question";
  }
  return "asserted";
}

std::string_view to_string(Dep dep) {
  static constexpr std::string_view kNames[] = {
      "",          "root",  "nsubj", "nsubj:pass", "obj",       "iobj", "obl",
      "obl:agent", "xcomp", "ccomp", "conj",       "advcl",     "acl",  "aux",
      "cop",       "mark",  "case",  "advmod",     "compound",  "flat", "amod",
      "nmod",      "appos", "cc",    "det",        "parataxis", "expl", "nummod"};
  const auto i = static_cast<std::size_t>(dep);
  return i < std::size(kNames) ? kNames[i] : "";
}

std::vector<std::string> argument_names(const Statement& s, const Record& r) {
  std::vector<std::string> out;
  for (const Argument& a : r.arguments) {
    if (a.relation == Dep::kOblAgent || a.word.empty()) continue;
    const auto k = static_cast<std::size_t>(a.word.token);
    if (k < s.tokens.size() && s.tokens[k].entity) out.push_back(role_text(s.tokens, a.word));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string speaker_of(const Statement& s, const Record& r) {
  return r.reported ? s.attributed_to.str() : std::string();
}

std::string_view polarity_cue(const Statement& s, const Record& r) {
  return r.negation >= 0 && static_cast<std::size_t>(r.negation) < s.negations.size()
             ? std::string_view(s.negations[static_cast<std::size_t>(r.negation)].cue)
             : std::string_view();
}

std::string role_text(const std::vector<Token>& tokens, const Role& role) {
  if (role.empty() || static_cast<std::size_t>(role.token) >= tokens.size()) return "";
  const Token& t = tokens[static_cast<std::size_t>(role.token)];
  return t.entity ? t.lemma.substr(1) : t.lower.str();
}

std::string_view to_string(Record::Kind kind) {
  switch (kind) {
    case Record::Kind::kVerb:
      return "verb";
    case Record::Kind::kCopula:
      return "copula";
    case Record::Kind::kLight:
      return "light";
  }
  return "verb";
}

std::string_view to_string(Quantity::Kind kind) {
  switch (kind) {
    case Quantity::Kind::kCount:
      return "count";
    case Quantity::Kind::kMeasure:
      return "measure";
    case Quantity::Kind::kMoney:
      return "money";
    case Quantity::Kind::kPercent:
      return "percent";
    case Quantity::Kind::kScore:
      return "score";
  }
  return "count";
}

std::string_view to_string(DayRange::Grain grain) {
  switch (grain) {
    case DayRange::Grain::kCentury:
      return "century";
    case DayRange::Grain::kDecade:
      return "decade";
    case DayRange::Grain::kYear:
      return "year";
    case DayRange::Grain::kHalf:
      return "half";
    case DayRange::Grain::kSeason:
      return "season";
    case DayRange::Grain::kQuarter:
      return "quarter";
    case DayRange::Grain::kMonth:
      return "month";
    case DayRange::Grain::kWeek:
      return "week";
    case DayRange::Grain::kDay:
      return "day";
  }
  return "day";
}

const Sentence& Corpus::sentence_of(const Statement& s) const {
  return sentences[first_sentence[s.doc] + s.sentence];
}

void Corpus::finish_indexes() {
  first_sentence.assign(documents.size() + 1, static_cast<std::uint32_t>(sentences.size()));
  for (std::uint32_t i = sentences.size(); i-- > 0;) first_sentence[sentences[i].doc] = i;
  for (std::uint32_t d = documents.size(); d-- > 0;)
    if (first_sentence[d] > first_sentence[d + 1]) first_sentence[d] = first_sentence[d + 1];
}

}  // namespace crosscheck
