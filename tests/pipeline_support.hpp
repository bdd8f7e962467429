// What the pipeline-level tests (test_pipeline, test_cache) share: the source tree, the
// bundled corpus, rules/en loaded once, and reading a file whole.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "ruleset/ruleset.hpp"

namespace crosscheck::test {

inline const std::string kRoot = CROSSCHECK_SOURCE_ROOT;
inline const std::string kCorpus = kRoot + "/corpus/korea-1950";

inline const LoadedRules& rules() {
  static const LoadedRules loaded = load_rules({kRoot + "/rules/en"});
  return loaded;
}

inline std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace crosscheck::test
