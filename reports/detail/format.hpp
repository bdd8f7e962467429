// Helpers shared by the report writers (internal to reports/, declared here so tests can
// reach them): how a finding is named and numbered, how a sentence is flattened to one
// line, how a finding's statements are looked up, and the pieces of the HTML page that
// deserve their own tests (cue matching, the CSP hash).
#pragma once

#include <charconv>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/core.hpp"
#include "crosscheck/sha256.hpp"

namespace crosscheck::detail {

// "F0001" for position 0: 1-based, at least four digits, more when there are more findings.
inline std::string finding_id(std::size_t position) {
  std::string digits = std::to_string(position + 1);
  if (digits.size() < 4) digits.insert(0, 4 - digits.size(), '0');
  return "F" + digits;
}

// Two decimals, always with '.', whatever the C or C++ locale says ("0.80").
inline std::string format_confidence(double confidence) {
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, confidence, std::chars_format::fixed, 2);
  return result.ec == std::errc() ? std::string(buffer, result.ptr) : std::string("?");
}

// The text with every run of white space (ASCII white space and the Unicode line breaks
// U+0085, U+2028, U+2029) turned into one space, and none at either end. A sentence that
// wraps over several lines in the article then fits one CSV cell and one line of a page.
inline std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t width = 0;  // bytes of white space starting at i
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      width = 1;
    } else if (c == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0x85) {
      width = 2;
    } else if (c == 0xE2 && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(text[i + 2]) == 0xA8 ||
                static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
      width = 3;
    }
    if (width > 0) {
      pending_space = !out.empty();
      i += width;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += text[i++];
  }
  return out;
}

// At most `max_bytes` of `text`, cut on a character boundary, with `ellipsis` when cut.
inline std::string shortened(std::string text, std::size_t max_bytes, std::string_view ellipsis) {
  if (text.size() <= max_bytes) return text;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text += ellipsis;
}

// The things a report shows about one side of a finding.
struct Side {
  const Document& document;
  const Sentence& sentence;
  const Statement& statement;
};

// Who asserts a statement: the person or body it is reported from ("North Korean
// historians", "the report"), or "article" when the article asserts it itself.
inline std::string asserted_by(const Statement& statement) {
  return statement.modality == Modality::kReported && !statement.attributed_to.empty()
             ? statement.attributed_to.str()
             : std::string("article");
}

// Looks up statement `index` of the corpus. A finding that points outside the corpus, or a
// corpus whose indexes were not finished, is a programming error: it throws.
inline Side side_of(const Corpus& corpus, std::uint32_t index) {
  if (corpus.first_sentence.size() != corpus.documents.size() + 1)
    throw std::logic_error("reports: Corpus::finish_indexes() was not called");
  const Statement& statement = corpus.statements.at(index);
  const Document& document = corpus.documents.at(statement.doc);
  const std::uint32_t sentence = corpus.first_sentence[statement.doc] + statement.sentence;
  if (sentence >= corpus.first_sentence[statement.doc + 1])
    throw std::out_of_range("reports: statement " + std::to_string(index) +
                            " names a sentence its document does not have");
  return {document, corpus.sentences[sentence], statement};
}

// Where the cues of a finding occur in `text`: byte ranges, sorted, overlaps merged.
// Matching ignores ASCII case only (reports depend on core alone, so no ICU case folding),
// and a cue that starts or ends with a letter or digit must start or end on a word
// boundary, so the cue "not" is not marked inside "nothing". White space in a cue is
// flattened as one_line() does, so `text` should be flattened too.
std::vector<Span> cue_matches(std::string_view text, const std::vector<std::string>& cues);

// What a run left out, which every report lists after its findings, in corpus order: each
// skipped document ("skipped": not analysed, and why), then each warning of an analysed
// one ("warning": a sentence cut by the cap), with the place when it has one.
struct Notice {
  std::string_view kind;  // "skipped" or "warning"
  const std::string& path;
  const Diagnostic& reason;
};
inline std::vector<Notice> notices(const Corpus& corpus) {
  std::vector<Notice> out;
  for (const Skipped& s : corpus.skipped) out.push_back({"skipped", s.path, s.reason});
  for (const Document& d : corpus.documents)
    for (const Diagnostic& w : d.warnings) out.push_back({"warning", d.path, w});
  return out;
}

using crosscheck::sha256_base64;
using crosscheck::sha256_hex;

}  // namespace crosscheck::detail
