// Fuzzes one document's whole analysis, as a run does it: ingest, segment, parse, the time
// expressions (TIMEX3 values resolved against a date) and amounts (numbers of any length,
// units, money), negation, modality, clauses and records.
#include "pipeline/run.hpp"
#include "support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace crosscheck;
  AnalysedDocument out;
  Diagnostic error;
  // the document's date, as sources.toml gives it, so that relative times resolve too
  analyse_bytes("fuzz.txt", fuzz::bytes_of(data, size), fuzz::bundled_rules().lexicon,
                test::bundled_model(), out, error, false, article_day("2011-05-03"));
  return 0;
}
