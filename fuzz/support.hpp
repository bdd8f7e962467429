// What every fuzz target shares: the bundled rules and syntax model, loaded once per
// process (as the program loads them), and the bytes of an input as a string.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "../tests/syntax_support.hpp"
#include "ruleset/ruleset.hpp"

namespace crosscheck::fuzz {

inline const LoadedRules& bundled_rules() {
  static const LoadedRules rules = load_rules({std::string(CROSSCHECK_SOURCE_ROOT) + "/rules/en"});
  return rules;
}

inline std::string bytes_of(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace crosscheck::fuzz
