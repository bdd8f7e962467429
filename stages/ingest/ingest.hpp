// ingest: one file's bytes -> a Document. Checks UTF-8 (the first bad byte's offset is
// reported and the document refused), NFC-normalises with an offset map back to the
// original bytes, and marks page clutter (menu words, "Back to Top", lone "|" lines,
// footnote markers like "[4]") so that no statement is made of it. Pure: no file access.
#pragma once

#include <string>
#include <variant>

#include "crosscheck/core.hpp"

namespace crosscheck {

struct IngestOptions {
  std::uint32_t max_clutter_line_words = 4;  // a short line with no sentence end is clutter
};

// Returns the document, or a diagnostic naming `path` when the bytes are not usable text
// (empty, binary, invalid UTF-8).
std::variant<Document, Diagnostic> ingest(std::string path, std::string bytes,
                                          const IngestOptions& options = {});

}  // namespace crosscheck
