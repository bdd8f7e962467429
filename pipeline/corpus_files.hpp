// The corpus on disk: which files are documents (*.txt and *.md under the root, sorted by
// relative path) and what the sources file (sources.toml) says about each. Reading is
// done here, not in the stages.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "crosscheck/core.hpp"

namespace crosscheck {

// Every path under the root that names a document (*.txt, *.md) is either in `files` or
// in `skipped` with the reason: a folder so named, a name that is not valid UTF-8 or holds
// control characters (shown escaped: "\xff"), a link that loops, dangles, leaves the corpus
// folder or names a folder (links to folders are not followed). A folder that cannot be
// listed is skipped by its own path, whatever its name. FIFOs and devices stay in `files`:
// read_file refuses them without waiting.
struct CorpusListing {
  std::vector<std::string> files;  // relative paths, '/'-separated, sorted
  // sorted by path; sources.toml too when it is not a regular file or not valid
  std::vector<Skipped> skipped;
  std::map<std::string, SourceMeta> sources;  // by relative path
  std::vector<Diagnostic> diagnostics;        // the corpus folder missing or not a folder
};

CorpusListing list_corpus(const std::string& root);

// The bytes of a name, or of any text for a terminal, as valid UTF-8 with no control
// characters (so no escape sequence reaches a terminal): every other byte as "\xHH".
// Text that is already so comes back unchanged.
std::string printable(std::string_view name);

// The whole of a regular file into `bytes` (open, fstat, read: a few system calls, one
// copy). 0 on success, kNotRegular for what is not a regular file, else an errno value. A FIFO is
// never waited on.
// A file of more than `max_bytes` is not read: kTooLarge.
constexpr int kNotRegular = -1;
constexpr int kTooLarge = -2;
constexpr std::size_t kNoLimit = static_cast<std::size_t>(-1);
int read_whole_file(const std::string& path, std::string& bytes, std::size_t max_bytes = kNoLimit);

// The file's bytes, or a diagnostic naming it.
bool read_file(const std::string& path, std::string& bytes, Diagnostic& error,
               std::size_t max_bytes = kNoLimit);

}  // namespace crosscheck
