// Corpora past one machine: a run in three steps, each of which may run on other machines
// (a Slurm job array, say), that writes the same reports as one process, byte for byte.
//
//   analyse --shard I/N   the documents whose path hashes to shard I (of N): each one's
//                         analysis, as the cache keeps it, in documents.bin; shard.toml
//                         lists them (path, place in the listing, source, offset, size,
//                         SHA-256), the files skipped with their reasons, and what made
//                         them (program, rules, model, caps).
//   align --part K/M      reads every shard; for the statements of part K (a statement's
//                         index in the corpus, modulo M), their candidate pairs over the
//                         whole corpus, each judged by the rules, into pairs.bin.
//   merge                 reads every shard and part, checks that none is missing,
//                         damaged or foreign, and concludes as run does: the sieve, the
//                         aligned pairs, the events, the findings per event, the reports.
//
// A part cannot know a pair's ranks (they need every part's candidates), so it judges the
// pair once per rank bracket the rules tell apart (their max_rank values), and merge takes
// the bracket of the pair's rank. Each folder is written as one set (write_report_set):
// a killed step leaves the old folder or none, never half of one, and manifest.sha256
// holds each file's SHA-256.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "run.hpp"

namespace crosscheck {

// "I/N": the I-th of N, 1 <= I <= N.
struct Slice {
  std::uint32_t index = 1;
  std::uint32_t count = 1;
};
// Reads "I/N"; none for anything else.
std::optional<Slice> parse_slice(std::string_view text);

// The shard (1..count) of a document: its corpus path's SHA-256, as a number, modulo count.
std::uint32_t shard_of(std::string_view path, std::uint32_t count);

// What shards and parts must share to be read together: the program, the rules and the
// syntax model (their fingerprints), and the caps that change an analysis or which files
// are analysed. align and merge give 0 for the caps: they take the shards' own, which must
// be the same in every shard.
struct Provenance {
  std::string program;  // version and a checksum of the executable
  std::string rules;    // LoadedRules::fingerprint
  std::string model;    // the syntax model's fingerprint
  std::uint32_t max_sentence_tokens = 0;
  std::uint64_t max_document_bytes = 0;
  friend bool operator==(const Provenance&, const Provenance&) = default;
};

// A shard, a part or a merge that cannot go on: the message names the folder and why
// ("shard 3 of 4 is missing", "documents.bin: damaged ...").
struct ShardError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// What `analyse` did.
struct ShardStats {
  std::size_t listed = 0;     // documents in the corpus listing
  std::size_t documents = 0;  // of this shard, analysed or from the cache
  std::size_t from_cache = 0;
  std::size_t cache_damaged = 0;
  std::vector<Skipped> skipped;  // of this shard
  std::vector<Diagnostic> warnings;
};

// analyse: writes the shard folder `out` (documents.bin, shard.toml, manifest.sha256).
// Problems with the corpus itself go to `errors` and nothing is written. Throws ShardError
// when the folder cannot be written.
ShardStats write_shard(const std::string& root, const RunOptions& options, Slice shard,
                       const Provenance& provenance, const std::filesystem::path& out,
                       std::vector<Diagnostic>& errors);

// The corpus name the shard folders were made from (their shard.toml), to find its rules.
std::string shard_corpus_name(const std::vector<std::filesystem::path>& folders);

// align: reads the shard folders among `folders` (all N of one set), aligns and judges the
// statements of `part`, and writes the part folder `out` (pairs.bin, part.toml,
// manifest.sha256). Returns the number of pairs written. Throws ShardError.
std::size_t write_part(const std::vector<std::filesystem::path>& folders, const RunOptions& options,
                       const Provenance& provenance, Slice part, const std::filesystem::path& out);

// merge: reads the shard and part folders among `folders` (every shard of one set, every
// part aligned from it) and concludes, as run_corpus would have from the same corpus.
// Throws ShardError.
Corpus merge_parts(const std::vector<std::filesystem::path>& folders, const RunOptions& options,
                   const Provenance& provenance);

}  // namespace crosscheck
