#include "corpus_gen.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <unordered_set>

namespace crosscheck::bench {
namespace fs = std::filesystem;

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || is_upper(c); }

// A uniform-enough draw in [0, n) from the raw engine: std::uniform_int_distribution is
// implementation-defined, and the corpus must be the same with every standard library.
std::uint32_t draw(std::mt19937& rng, std::size_t n) {
  return static_cast<std::uint32_t>(rng() % static_cast<std::uint32_t>(n));
}

std::string with_separators(std::int64_t value) {
  std::string digits = std::to_string(value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string megabytes(std::size_t bytes) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f MB", static_cast<double>(bytes) / 1e6);
  return buffer;
}

}  // namespace

std::string shared_data_dir() {
  if (const char* env = std::getenv("CROSSCHECK_DATA"); env != nullptr && *env != '\0') return env;
#ifdef CROSSCHECK_SHARED_DATA
  return CROSSCHECK_SHARED_DATA;
#else
  return {};
#endif
}

std::vector<Article> load_ecbplus(const std::string& data_dir, std::string& error) {
  const fs::path root = fs::path(data_dir) / "ecbplus" / "docs";
  std::error_code ec;
  if (data_dir.empty() || !fs::is_directory(root, ec)) {
    error = "no ECB+ corpus at '" + root.string() +
            "': set CROSSCHECK_DATA to the shared data folder (the one holding ecbplus/docs)";
    return {};
  }
  std::vector<fs::path> paths;
  for (auto it = fs::recursive_directory_iterator(root, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".txt") paths.push_back(it->path());
  }
  if (ec) {
    error = root.string() + ": " + ec.message();
    return {};
  }
  std::sort(paths.begin(), paths.end());
  std::vector<Article> out;
  out.reserve(paths.size());
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in && !in.eof()) {
      error = path.string() + ": cannot read";
      return {};
    }
    Article a;
    a.topic = path.lexically_relative(root).begin()->string();
    a.name = path.stem().string();
    a.text = std::move(bytes).str();
    out.push_back(std::move(a));
  }
  if (out.empty()) error = "no *.txt articles under '" + root.string() + "'";
  return out;
}

std::vector<std::string_view> split_sentences(std::string_view text) {
  std::vector<std::string_view> out;
  auto push = [&](std::size_t begin, std::size_t end) {
    while (begin < end && (text[begin] == ' ' || text[begin] == '\n')) ++begin;
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\n')) --end;
    if (begin < end) out.push_back(text.substr(begin, end - begin));
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '.' && text[i] != '!' && text[i] != '?') continue;
    std::size_t j = i + 1;
    while (j < text.size() && (text[j] == '"' || text[j] == '\'' || text[j] == ')')) ++j;
    if (j + 1 < text.size() && text[j] == ' ' &&
        (is_upper(text[j + 1]) || is_digit(text[j + 1]) || text[j + 1] == '"')) {
      push(start, j);
      start = j + 1;
      i = j;
    }
  }
  push(start, text.size());
  return out;
}

std::string vary_numbers(std::string_view text, int year_shift, std::mt19937& rng) {
  std::string out;
  out.reserve(text.size() + 8);
  std::size_t i = 0;
  while (i < text.size()) {
    const char before = i > 0 ? text[i - 1] : ' ';
    if (!is_digit(text[i]) || is_digit(before) || is_alpha(before) || before == '.' ||
        before == ',' || before == ':' || before == '/') {
      out += text[i++];
      continue;
    }
    // The integer part, with thousands separators, then an optional fraction.
    std::size_t j = i;
    std::string digits;
    bool separators = false;
    while (j < text.size()) {
      if (is_digit(text[j])) {
        digits += text[j++];
      } else if (text[j] == ',' && j + 3 < text.size() && is_digit(text[j + 1]) &&
                 is_digit(text[j + 2]) && is_digit(text[j + 3]) &&
                 (j + 4 >= text.size() || !is_digit(text[j + 4]))) {
        separators = true;
        ++j;
      } else {
        break;
      }
    }
    std::size_t end = j;
    bool fraction = false;
    if (end + 1 < text.size() && text[end] == '.' && is_digit(text[end + 1])) {
      fraction = true;
      ++end;
      while (end < text.size() && is_digit(text[end])) ++end;
    }
    const char after = end < text.size() ? text[end] : ' ';
    const bool year = !separators && !fraction && digits.size() == 4 &&
                      (digits[0] == '1' || digits[0] == '2') && std::stoi(digits) >= 1800 &&
                      std::stoi(digits) <= 2099;
    const bool decade = year && after == 's';
    const bool leave = digits.size() > 15 || after == ':' || after == '/' ||
                       (is_alpha(after) && !decade) || (digits.size() > 1 && digits[0] == '0');
    if (leave) {
      out.append(text.substr(i, end - i));
    } else if (year) {  // a decade ("1990s") moves by whole decades
      out += std::to_string(std::stoi(digits) + (decade ? 10 : 1) * year_shift);
    } else {
      const std::int64_t value = std::stoll(digits);
      std::int64_t next = value;
      if (value > 0) {
        const std::int64_t spread = std::max<std::int64_t>(1, value / 4);
        next = value - spread + static_cast<std::int64_t>(draw(rng, 2 * spread + 1));
        if (next < 1) next = value + spread;
      }
      out += separators ? with_separators(next) : std::to_string(next);
      out.append(text.substr(j, end - j));  // the fraction, unchanged
    }
    i = end;
  }
  return out;
}

BenchCorpus make_corpus(const std::vector<Article>& real, int scale) {
  BenchCorpus corpus;
  corpus.scale = std::max(1, scale);
  corpus.articles = real;

  // Sentence pools: by topic, and all of them.
  std::map<std::string, std::vector<std::string_view>> by_topic;
  std::vector<std::string_view> all;
  for (const auto& a : real) {
    for (auto s : split_sentences(a.text)) {
      by_topic[a.topic].push_back(s);
      all.push_back(s);
    }
  }

  std::unordered_set<std::string> seen;
  for (const auto& a : corpus.articles) seen.insert(a.text);
  std::size_t retries = 0;
  for (int copy = 1; copy < corpus.scale && !all.empty(); ++copy) {
    std::mt19937 rng(kSeed + static_cast<std::uint32_t>(copy));
    for (const auto& base : real) {
      const auto& topic = by_topic[base.topic];
      Article a;
      a.topic = base.topic;
      a.name = base.name + "_c" + std::to_string(copy);
      // As long as the article it stands for, and never a copy of another document.
      for (bool one_more = true;; one_more = true) {
        while (one_more || a.text.size() < base.text.size()) {
          const bool own_topic = !topic.empty() && draw(rng, 4) != 0;
          const auto& pool = own_topic ? topic : all;
          if (!a.text.empty()) a.text += ' ';
          a.text += vary_numbers(pool[draw(rng, pool.size())], copy, rng);
          one_more = false;
        }
        if (seen.insert(a.text).second) break;
        ++retries;  // a duplicate: add one more sampled sentence and try again
      }
      corpus.articles.push_back(std::move(a));
    }
  }
  for (const auto& a : corpus.articles) corpus.bytes += a.text.size();

  const std::size_t generated = corpus.articles.size() - real.size();
  corpus.label = "ecbplus " + std::to_string(corpus.scale) +
                 "x: " + std::to_string(corpus.articles.size()) + " docs, " +
                 megabytes(corpus.bytes) +
                 (generated > 0 ? " (" + std::to_string(generated) + " generated)" : " (real)");
  std::ostringstream d;
  d << "corpus " << corpus.scale << "x: " << corpus.articles.size() << " distinct documents, "
    << megabytes(corpus.bytes) << " = " << real.size() << " ECB+ articles as on disk";
  if (generated > 0) {
    d << " + " << corpus.scale - 1
      << " generated copies (each generated article: as long as a real one, sentences sampled "
         "3/4 from its topic and 1/4 from any of "
      << all.size()
      << " sentences; 4-digit years shifted by +k in copy k (decades by +10k), other "
         "numbers moved up to +-25%; "
         "std::mt19937 seed "
      << kSeed << "+k; " << retries << " duplicate draws redone)";
  }
  corpus.description = d.str();
  return corpus;
}

const BenchCorpus* shared_corpus(int scale, std::string& error) {
  static std::mutex mutex;
  static bool loaded = false;
  static std::string load_error;
  static std::vector<Article> real;
  static std::map<int, std::unique_ptr<BenchCorpus>> made;
  const std::lock_guard<std::mutex> lock(mutex);
  if (!loaded) {
    real = load_ecbplus(shared_data_dir(), load_error);
    loaded = true;
  }
  if (!load_error.empty()) {
    error = load_error;
    return nullptr;
  }
  auto& slot = made[scale];
  if (!slot) {
    slot = std::make_unique<BenchCorpus>(make_corpus(real, scale));
    std::fprintf(stderr, "crosscheck bench: %s\n", slot->description.c_str());
  }
  return slot.get();
}

bool write_corpus(const BenchCorpus& corpus, const fs::path& dir, std::string& error) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    error = dir.string() + ": " + ec.message();
    return false;
  }
  for (const auto& a : corpus.articles) {
    const fs::path path = dir / (a.name + ".txt");
    std::ofstream out(path, std::ios::binary);
    out.write(a.text.data(), static_cast<std::streamsize>(a.text.size()));
    if (!out) {
      error = path.string() + ": cannot write";
      return false;
    }
  }
  return true;
}

std::shared_ptr<const SyntaxModel> bench_model(std::string& error) {
  static std::string load_error;
  static const std::shared_ptr<const SyntaxModel> model = [] {
    std::ifstream in(CROSSCHECK_SOURCE_ROOT "/models/en_ewt.model", std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return load_syntax_model(bytes.str(), load_error);
  }();
  if (!model) error = "models/en_ewt.model: " + load_error;
  return model;
}

const EventModel* bench_event_model(std::string& error) {
  static std::string load_error;
  static const std::optional<EventModel> model = []() -> std::optional<EventModel> {
    try {
      return read_event_model(CROSSCHECK_SOURCE_ROOT "/models/events.toml");
    } catch (const std::runtime_error& e) {
      load_error = e.what();
      return std::nullopt;
    }
  }();
  if (!model) error = load_error;
  return model ? &*model : nullptr;
}

}  // namespace crosscheck::bench
