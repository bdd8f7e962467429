// Fuzzes the tokeniser, sentence splitter, tagger, lemmatiser and parser on any text that
// ingest accepts: every tree is a tree (one root, heads inside the sentence).
#include <cstdlib>
#include <variant>

#include "ingest/ingest.hpp"
#include "support.hpp"
#include "syntax/syntax.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace crosscheck;
  auto ingested = ingest("fuzz.txt", fuzz::bytes_of(data, size));
  const auto* doc = std::get_if<Document>(&ingested);
  if (doc == nullptr) return 0;
  for (const SentenceWords& s : parse_paragraph(doc->text, test::bundled_model())) {
    std::size_t roots = 0;
    for (const Word& w : s.words) {
      if (w.head > s.words.size()) std::abort();
      roots += w.head == 0;
    }
    if (!s.words.empty() && roots != 1) std::abort();
  }
  return 0;
}
