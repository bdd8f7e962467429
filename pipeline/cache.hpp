// The analysis cache: each document's analysis (ingest -> segment -> analyse) kept in a
// file under the cache folder, named by its key: the SHA-256 of the document's content hash
// (SHA-256 of its bytes) and extension, the rules' fingerprint, the program (version, a
// checksum of the executable, the ICU version) and the cache format. So a run
// after adding one article analyses only that article, and any change of rules or program
// misses the old entries instead of trusting them.
//
// An entry is a header (magic, format, key, payload size, signature) and the payload. The
// signature is an HMAC-SHA256 of the payload under the cache's secret and the entry's key:
// the secret is CROSSCHECK_CACHE_SECRET when set, else the file `secret` in the cache
// folder (32 random bytes, made on first use, readable by its owner alone). So whoever can
// write the folder but not read the secret cannot plant an entry, nor move one under
// another key. An entry whose header, key, size or signature does not match, or whose
// payload does not read back whole, is damaged or foreign: it is deleted and the document
// analysed again. Entries are written to a temporary file and renamed, so a reader never sees half
// of one; two processes writing the same key write the same bytes.
//
// Entries of one salt (rules and program) share a subfolder, a generation. Each run marks
// its own generation as used, and prune() removes generations unused for a month, so a
// folder that sees many builds or rule edits does not grow for ever.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "run.hpp"

namespace crosscheck {

class AnalysisCache {
 public:
  // `salt` names what else the analysis depends on: the rules' fingerprint and the program
  // version.
  AnalysisCache(std::string dir, std::string salt);

  const std::string& dir() const { return dir_; }  // this salt's generation folder
  // Why the cache cannot be used (no secret could be read or made), or "".
  const std::string& problem() const { return problem_; }
  // The key of a document, from its path's extension and its content hash (SHA-256 hex of
  // its bytes).
  std::string key(std::string_view path, std::string_view content_hash) const;

  enum class Lookup { kHit, kMiss, kDamaged };
  // Fills `out` on a hit, its words deferred (its document's path is left to the caller).
  // A damaged entry is deleted. Safe to call from several threads.
  Lookup load(const std::string& key, AnalysedDocument& out) const;
  // Best effort: a cache that cannot be written only makes the next run slower. Returns
  // false when the entry could not be written.
  bool store(const std::string& key, const AnalysedDocument& analysed) const;
  // Where the entry of `key` is kept.
  std::string path_of(const std::string& key) const;

  // Marks this generation as used now, and removes the other generations of the cache
  // folder that were not used within `unused_for`, and entries of the layout before
  // generations, and temporaries of dead runs in this generation (an hour old). Returns how
  // many it removed. Other files are left alone.
  std::size_t prune(std::chrono::hours unused_for = std::chrono::hours(24 * 30)) const;

 private:
  std::string root_;  // the cache folder
  std::string dir_;   // root_/<generation>
  std::string salt_;
  std::string secret_;   // signs and checks the entries
  std::string problem_;  // set when there is no secret
};

// What else the analysis depends on besides the document and the rules: this build of the
// program (a checksum of its executable) and the ICU version it runs with. Part of the
// cache's salt.
std::string program_identity();

// The payload format: the analysis of one document as bytes, and back. from_bytes throws
// std::runtime_error on anything short or malformed. With `defer_tokens` the statements'
// words stay encoded in `deferred_tokens`, for decode_tokens() when a run needs them: most
// documents of a warm run are never compared, and their words are most of the payload.
std::string analysis_to_bytes(const AnalysedDocument& analysed);
AnalysedDocument analysis_from_bytes(std::string_view bytes, bool defer_tokens = false);
void decode_tokens(std::string_view bytes, Statement* statements, std::size_t count);
// Where each statement's words begin in a document's words section (`deferred_tokens`), as
// byte offsets from its beginning; each runs to the next one's start (the last to the
// section's end). Throws when the table does not fit the bytes.
std::vector<std::uint32_t> statement_word_starts(std::string_view bytes);
// Decodes one statement's words from exactly its bytes of the section (checked as
// decode_tokens checks them), into `statement` (its other fields read already).
void decode_statement_words(std::string_view bytes, Statement& statement);

}  // namespace crosscheck
