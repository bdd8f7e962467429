// ruleset: reads rule files (TOML) from a folder into a Lexicon and a RuleSet. Every
// problem is collected as a Diagnostic `file:line:col: error: message`; a folder with any
// error yields no rules at all, so a run never half-applies a rule set.
#pragma once

#include <string>
#include <vector>

#include "crosscheck/core.hpp"
#include "crosscheck/lexicon.hpp"
#include "crosscheck/rules.hpp"

namespace crosscheck {

struct LoadedRules {
  Lexicon lexicon;
  RuleSet rules;
  std::vector<Diagnostic> diagnostics;  // empty on success
  std::string fingerprint;              // hash of all rule file bytes, for caches
  bool ok() const { return diagnostics.empty(); }
};

// Parses one file's text; `name` is used in messages. Appends to `out`.
void parse_rule_text(const std::string& name, const std::string& text, LoadedRules& out);

// Reads every *.toml under each folder (sorted by path) and parses it. I/O errors are
// diagnostics; any error leaves the lexicon and rules empty.
LoadedRules load_rules(const std::vector<std::string>& dirs);

// The same in two steps: the rule files of the folders, in order (each folder's *.toml,
// recursively, sorted), with their bytes and the fingerprint of them all (quick: nothing
// parsed), then the parsing. The fingerprint is known before the rules are, for the
// analysis cache's key while they load on another thread.
struct RuleFiles {
  std::vector<std::string> dirs;
  std::vector<std::pair<std::string, std::string>> files;  // path, text
  std::vector<Diagnostic> diagnostics;
  std::string fingerprint;
};
RuleFiles read_rule_files(const std::vector<std::string>& dirs);
LoadedRules load_rules(RuleFiles files);

}  // namespace crosscheck
