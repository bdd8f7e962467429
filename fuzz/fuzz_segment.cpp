// Fuzzes ingest and segment: any bytes become a Document or a diagnostic, and a Document
// becomes sentences whose spans stay inside its texts.
#include <cstdlib>
#include <variant>

#include "ingest/ingest.hpp"
#include "segment/segment.hpp"
#include "support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace crosscheck;
  auto ingested = ingest("fuzz.txt", fuzz::bytes_of(data, size));
  auto* doc = std::get_if<Document>(&ingested);
  if (doc == nullptr) return 0;
  SegmentOptions options;
  options.lexicon = &fuzz::bundled_rules().lexicon;
  std::vector<Diagnostic> warnings;
  for (const Sentence& s : segment(*doc, options, &warnings))
    if (s.span.begin > s.span.end || s.span.end > doc->text.size() ||
        s.original.end > doc->original.size())
      std::abort();  // a span out of its document
  return 0;
}
