// corpus_gen: the real news text the benches run on, and larger corpora derived from it.
// Scale 1 is the 982 ECB+ articles as they are on disk. Scale N adds N-1 generated copies:
// each generated article is made of sentences sampled (mostly from articles of the same
// topic, some from any article) with a fixed-seed std::mt19937, with 4-digit years shifted
// by the copy number and other numbers perturbed, so that no two documents are the same
// and the benches do not measure exact duplicates. Output is a function of the seed and
// the input files only (raw mt19937 draws, no std::*_distribution), and corpus N is a
// prefix of corpus M for N < M.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "events/events.hpp"
#include "syntax/syntax.hpp"

namespace crosscheck::bench {

inline constexpr std::uint32_t kSeed = 20240917;  // copy k uses kSeed + k

struct Article {
  std::string topic;  // ECB+ topic ("1"), shared by the copies made from the article
  std::string name;   // unique file stem: "1_10ecb" (real) or "1_10ecb_c3" (copy 3)
  std::string text;
};

struct BenchCorpus {
  int scale = 1;
  std::vector<Article> articles;  // real articles first, then copy 1, copy 2, ...
  std::size_t bytes = 0;
  std::string label;        // short, for benchmark::State::SetLabel
  std::string description;  // one line: how the corpus was made
};

// The shared data folder (the one holding ecbplus/): $CROSSCHECK_DATA if set, else the
// CROSSCHECK_SHARED_DATA compile definition.
std::string shared_data_dir();

// The ECB+ articles under <data_dir>/ecbplus/docs/<topic>/<subtopic>/<doc_id>.txt, sorted
// by path. Empty with `error` set when the folder is missing or holds no articles.
std::vector<Article> load_ecbplus(const std::string& data_dir, std::string& error);

// The real articles plus `scale - 1` generated copies (see the file comment).
BenchCorpus make_corpus(const std::vector<Article>& real, int scale);

// Sentences of one article, split at . ! ? (after closing quotes) before a capital, a
// digit or a quote. Rough on purpose: it only feeds the generator.
std::vector<std::string_view> split_sentences(std::string_view text);

// `text` with 4-digit years (1800-2099) moved by `year_shift` (decades, "1990s", by ten
// times that) and every other number
// moved by up to a quarter of its value (at least 1), keeping thousands separators and
// decimals. Times and fractions ("10:30", "9/11") and ordinals ("2nd") are left alone.
std::string vary_numbers(std::string_view text, int year_shift, std::mt19937& rng);

// Loads and generates once per scale (thread-safe), and prints the description to stderr
// the first time. Null with `error` set when the data folder is missing.
const BenchCorpus* shared_corpus(int scale, std::string& error);

// Writes every article flat as <dir>/<name>.txt (one line, as in ECB+).
bool write_corpus(const BenchCorpus& corpus, const std::filesystem::path& dir, std::string& error);

// The bundled syntax model (models/en_ewt.model), loaded once; null with `error` set.
std::shared_ptr<const SyntaxModel> bench_model(std::string& error);
// The bundled event model (models/events.toml), loaded once; null with `error` set.
const EventModel* bench_event_model(std::string& error);

}  // namespace crosscheck::bench
