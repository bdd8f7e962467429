// Fuzzes the report writers: the input is two articles (split at the first NUL byte, or in
// the middle) analysed as a run does it, with one finding between their first statements;
// CSV, JSON Lines, SARIF and HTML are rendered from them.
#include <algorithm>

#include "pipeline/run.hpp"
#include "reports/reports.hpp"
#include "support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace crosscheck;
  const std::string bytes = fuzz::bytes_of(data, size);
  const std::size_t cut = std::min(bytes.find('\0'), bytes.size() / 2);
  const std::string parts[] = {bytes.substr(0, cut), bytes.substr(std::min(cut + 1, bytes.size()))};
  Corpus corpus;
  corpus.root = "corpus";
  corpus.name = "corpus";
  for (std::uint32_t d = 0; d < 2; ++d) {
    AnalysedDocument a;
    Diagnostic error;
    const std::string path = d == 0 ? "a <b>\"'.txt" : "=b.txt";
    if (!analyse_bytes(path, parts[d], fuzz::bundled_rules().lexicon, test::bundled_model(), a,
                       error)) {
      corpus.skipped.push_back({path, error});
      continue;
    }
    const auto index = static_cast<std::uint32_t>(corpus.documents.size());
    a.document.index = index;
    a.document.path = path;
    a.document.source.id = std::to_string(index);
    a.document.source.title = parts[d].substr(0, 40);
    for (auto& s : a.sentences) s.doc = index, corpus.sentences.push_back(std::move(s));
    for (auto& s : a.statements) s.doc = index, corpus.statements.push_back(std::move(s));
    corpus.documents.push_back(std::move(a.document));
  }
  corpus.finish_indexes();
  if (corpus.documents.size() == 2) {
    const auto second = std::find_if(corpus.statements.begin(), corpus.statements.end(),
                                     [](const Statement& s) { return s.doc == 1; });
    if (!corpus.statements.empty() && corpus.statements.front().doc == 0 &&
        second != corpus.statements.end()) {
      Finding f;
      f.kind = Finding::Kind::kConflict;
      f.type = "negation";
      f.rule = "fuzz.rule";
      f.a = 0;
      f.b = static_cast<std::uint32_t>(second - corpus.statements.begin());
      f.cues = {parts[0].substr(0, 8), parts[1].substr(0, 8)};
      f.explanation = parts[1].substr(0, 60);
      corpus.findings.push_back(f);
      corpus.claims.push_back({{f.a, f.b}});
    }
  }
  render_csv(corpus);
  render_jsonl(corpus);
  render_html(corpus);
  std::ostringstream sarif;
  write_sarif(corpus, {"0", fuzz::bundled_rules().rules.rules}, sarif);
  return 0;
}
