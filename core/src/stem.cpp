#include <libstemmer.h>

#include <memory>

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

}  // namespace

std::string stem(const std::string& lower) {
  const sb_symbol* out = sb_stemmer_stem(
      &thread_stemmer(), reinterpret_cast<const sb_symbol*>(lower.data()),
      static_cast<int>(lower.size()));
  if (out == nullptr) return lower;
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<std::size_t>(sb_stemmer_length(&thread_stemmer())));
}

std::string lemma_of(const std::string& lower, const Lexicon& lexicon) {
  const auto it = lexicon.irregular.find(lower);
  return stem(it == lexicon.irregular.end() ? lower : it->second);
}

}  // namespace crosscheck
