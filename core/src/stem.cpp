#include <libstemmer.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "crosscheck/lexicon.hpp"

namespace crosscheck {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

// A Snowball stemmer keeps per-call state, so each thread owns one.
sb_stemmer& thread_stemmer() {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(
      sb_stemmer_new("english", "UTF_8"));
  return *stemmer;
}

std::string stem_uncached(const std::string& lower) {
  const sb_symbol* out =
      sb_stemmer_stem(&thread_stemmer(), reinterpret_cast<const sb_symbol*>(lower.data()),
                      static_cast<int>(lower.size()));
  if (out == nullptr) return lower;
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<std::size_t>(sb_stemmer_length(&thread_stemmer())));
}

}  // namespace

std::string stem(const std::string& lower) {
  // Words repeat (Zipf): a per-thread memo saves most calls into the stemmer. It is dropped
  // when it grows large, so memory stays bounded on any corpus.
  thread_local std::unordered_map<std::string, std::string> memo;
  if (const auto it = memo.find(lower); it != memo.end()) return it->second;
  if (memo.size() > 200000) memo.clear();
  std::string result = stem_uncached(lower);
  memo.emplace(lower, result);
  return result;
}

std::string lemma_of(const std::string& lower, const Lexicon& lexicon) {
  const auto it = lexicon.irregular.find(lower);
  return stem(it == lexicon.irregular.end() ? lower : it->second);
}

}  // namespace crosscheck
