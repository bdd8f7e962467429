// The corpus on disk: which files are documents (*.txt and *.md under the root, sorted by
// relative path) and what the sources file (sources.toml) says about each. Reading is
// done here, not in the stages.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "crosscheck/core.hpp"

namespace crosscheck {

struct CorpusListing {
  std::vector<std::string> files;             // relative paths, '/'-separated, sorted
  std::map<std::string, SourceMeta> sources;  // by relative path
  std::vector<Diagnostic> diagnostics;        // a bad sources file, an unreadable folder
};

CorpusListing list_corpus(const std::string& root);

// The whole of a regular file into `bytes` (open, fstat, read: a few system calls, one
// copy). 0 on success, kNotRegular for what is not a regular file, else an errno value. A FIFO is
// never waited on.
constexpr int kNotRegular = -1;
int read_whole_file(const std::string& path, std::string& bytes);

// The file's bytes, or a diagnostic naming it.
bool read_file(const std::string& path, std::string& bytes, Diagnostic& error);

}  // namespace crosscheck
