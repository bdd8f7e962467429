// Fuzzes the rule-file loader: any text is rules or diagnostics, never a crash.
#include "support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace crosscheck;
  LoadedRules rules;
  parse_rule_text("fuzz.toml", fuzz::bytes_of(data, size), rules);
  return 0;
}
