// The baseline file of `crosscheck baseline` and `crosscheck check`: text, one item a
// line, sorted, so that it diffs well in review. The format is in docs/ci.md.
#include <algorithm>
#include <set>
#include <sstream>

#include "reports/detail/format.hpp"
#include "reports/reports.hpp"

namespace crosscheck {

namespace {

bool is_hex(std::string_view text, std::size_t size) {
  return text.size() == size && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

// The first words of a statement, for a reader of the file; the fingerprint is what counts.
std::string excerpt(const Corpus& corpus, std::uint32_t index) {
  const Statement& s = corpus.statements.at(index);
  const Document& d = corpus.documents.at(s.doc);
  return detail::shortened(
      normalised_text(std::string_view(d.text).substr(s.span.begin, s.span.size())), 60, "...");
}

}  // namespace

std::string render_baseline(const Corpus& corpus, const std::vector<std::string>& documents,
                            const std::string& rules) {
  std::set<std::string> conflicts;  // sorted by fingerprint, one line per fingerprint
  for (const auto* list : {&corpus.findings, &corpus.unlisted})
    for (const Finding& f : *list)
      if (f.kind == Finding::Kind::kConflict)
        conflicts.insert("conflict " + fingerprint(corpus, f) + " " + f.rule + " " +
                         excerpt(corpus, f.a) + " || " + excerpt(corpus, f.b));
  std::string out =
      "# crosscheck baseline: the conflicts accepted as known, and the documents they cover.\n"
      "# Written by `crosscheck baseline`, read by `crosscheck check` (docs/ci.md).\n"
      "#   rules FINGERPRINT of the rule files\n"
      "#   conflict FINGERPRINT RULE-ID TEXT-A || TEXT-B   (the texts are for reading)\n"
      "#   document SHA-256 of an article's bytes\n"
      "rules " +
      rules + "\n";
  std::string last;
  for (const auto& line : conflicts) {
    if (line.compare(0, 41, last) == 0) continue;  // one fingerprint once
    last = line.substr(0, 41);
    out += line + "\n";
  }
  for (const auto& hash : std::set<std::string>(documents.begin(), documents.end()))
    out += "document " + hash + "\n";
  return out;
}

Baseline parse_baseline(std::string_view text, const std::string& file,
                        std::vector<Diagnostic>& errors) {
  Baseline baseline;
  std::istringstream in{std::string(text)};
  std::uint32_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.empty() || line.front() == '#') continue;
    std::istringstream words(line);
    std::string kind, value;
    words >> kind >> value;
    if (kind == "rules" && is_hex(value, 16)) {
      baseline.rules = value;
    } else if (kind == "conflict" && is_hex(value, 32)) {
      baseline.conflicts.insert(value);
    } else if (kind == "document" && is_hex(value, 64)) {
      baseline.documents.insert(value);
    } else {
      errors.push_back({file, number, 1, Diagnostic::Severity::kError,
                        "not a baseline line: expected 'rules <16 hex digits>', 'conflict <32 "
                        "hex digits> ...' or 'document <64 hex digits>'"});
    }
  }
  return baseline;
}

}  // namespace crosscheck
