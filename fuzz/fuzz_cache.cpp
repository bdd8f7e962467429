// Fuzzes the analysis cache's reader: a damaged entry is an exception the cache turns into
// a miss, never a crash, an out-of-bounds read or an allocation the bytes do not justify.
#include <stdexcept>

#include "pipeline/cache.hpp"
#include "support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace crosscheck;
  try {
    AnalysedDocument a = analysis_from_bytes(crosscheck::fuzz::bytes_of(data, size), true);
    decode_tokens(a.deferred_tokens, a.statements.data(), a.statements.size());
  } catch (const std::exception&) {
  }
  return 0;
}
