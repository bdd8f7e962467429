#include "crosscheck/core.hpp"

#include <algorithm>

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

std::size_t shared_count(const std::vector<std::string>& x, const std::vector<std::string>& y) {
  std::size_t n = 0;
  for (auto i = x.begin(), j = y.begin(); i != x.end() && j != y.end();) {
    if (*i < *j)
      ++i;
    else if (*j < *i)
      ++j;
    else
      ++n, ++i, ++j;
  }
  return n;
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
    "ADJ",  "ADP",   "ADV",   "AUX",   "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON",  "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};
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

std::string_view to_string(Finding::Kind kind) {
  return kind == Finding::Kind::kConflict ? "conflict" : "agreement";
}

std::string_view to_string(Polarity polarity) {
  return polarity == Polarity::kPositive ? "positive" : "negative";
}

std::string_view to_string(Modality modality) {
  switch (modality) {
    case Modality::kAsserted:
      return "asserted";
    case Modality::kHedged:
      return "hedged";
    case Modality::kReported:
      return "reported";
  }
  return "asserted";
}

std::string_view to_string(TimeInterval::Precision precision) {
  switch (precision) {
    case TimeInterval::Precision::kDecade:
      return "decade";
    case TimeInterval::Precision::kYear:
      return "year";
    case TimeInterval::Precision::kSeason:
      return "season";
    case TimeInterval::Precision::kMonth:
      return "month";
    case TimeInterval::Precision::kDay:
      return "day";
  }
  return "year";
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
