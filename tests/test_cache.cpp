// The analysis cache: the payload reads back to the same analysis and refuses anything
// short or malformed; entries hit, miss, and are discarded when damaged or foreign; a run
// with a warm cache analyses only what changed and gives the same reports as a run without.
#include <tbb/global_control.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cache.hpp"
#include "crosscheck/sha256.hpp"
#include "pipeline_support.hpp"
#include "reports/reports.hpp"
#include "ruleset/ruleset.hpp"
#include "syntax_support.hpp"

namespace fs = std::filesystem;
using namespace crosscheck;

namespace {

using test::kCorpus;
using test::kRoot;
using test::read;
using test::rules;

AnalysedDocument analysed(const std::string& file) {
  AnalysedDocument out;
  Diagnostic error;
  REQUIRE(analyse_bytes(file, read(kCorpus + "/" + file), rules().lexicon, test::bundled_model(),
                        out, error));
  return out;
}

// This test process's folder under the system's temporary folder, removed at exit.
const fs::path& scratch_root() {
  static const struct Root {
    fs::path path =
        fs::temp_directory_path() / ("crosscheck-cache-test-" + std::to_string(::getpid()));
    ~Root() {
      std::error_code ignored;
      fs::remove_all(path, ignored);
    }
  } root;
  return root.path;
}

// A fresh folder in it.
fs::path scratch(const std::string& name) {
  const fs::path dir = scratch_root() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// Sets an environment variable for one scope.
struct ScopedEnv {
  ScopedEnv(const char* name, const char* value) : name_(name) { ::setenv(name, value, 1); }
  ~ScopedEnv() { ::unsetenv(name_); }
  const char* name_;
};

}  // namespace

TEST_CASE("an analysis reads back from its bytes unchanged", "[cache]") {
  for (const auto& file : {"000_ee902dd42304fdbf.txt", "003_cf8077a6ac8cfb1e.txt"}) {
    const AnalysedDocument a = analysed(file);
    const std::string bytes = analysis_to_bytes(a);
    const AnalysedDocument b = analysis_from_bytes(bytes);
    CHECK(analysis_to_bytes(b) == bytes);
    CHECK(b.document.text == a.document.text);
    REQUIRE(b.statements.size() == a.statements.size());
    CHECK(b.statements[3].terms == a.statements[3].terms);
    for (std::size_t i = 0; i < a.statements.size(); ++i)
      CHECK(b.statements[i].frame_terms == a.statements[i].frame_terms);
    CHECK(b.statements[3].tokens.size() == a.statements[3].tokens.size());
    CHECK(b.sentences.back().text == a.sentences.back().text);
  }
}

TEST_CASE("a short, padded or out-of-bounds payload is refused", "[cache]") {
  const std::string bytes = analysis_to_bytes(analysed("003_cf8077a6ac8cfb1e.txt"));
  for (std::size_t cut : {std::size_t{0}, std::size_t{3}, bytes.size() / 2, bytes.size() - 1})
    CHECK_THROWS_AS(analysis_from_bytes(std::string_view(bytes).substr(0, cut)),
                    std::runtime_error);
  CHECK_THROWS_AS(analysis_from_bytes(bytes + "x"), std::runtime_error);
  // The original text's length (the first field) made shorter: sentences fall outside it.
  std::string shrunk = bytes;
  shrunk[0] = static_cast<char>(shrunk[0] - 1);
  CHECK_THROWS(analysis_from_bytes(shrunk));
}

TEST_CASE("cache entries hit, miss, and are discarded when damaged or foreign", "[cache]") {
  const fs::path dir = scratch("entries");
  const AnalysisCache cache(dir.string(), "rules-v1");
  const AnalysedDocument doc = analysed("003_cf8077a6ac8cfb1e.txt");
  const std::string content = sha256_hex(doc.document.original);
  const std::string key = cache.key("a.txt", content);
  // The key depends on the content, the extension and the salt (rules, version).
  CHECK(key.size() == 64);
  CHECK(cache.key("b.txt", content) == key);  // a rename keeps the key
  CHECK(cache.key("a.md", content) != key);
  CHECK(AnalysisCache(dir.string(), "rules-v2").key("a.txt", content) != key);
  CHECK(cache.key("a.txt", sha256_hex(doc.document.original + " ")) != key);

  AnalysedDocument out;
  CHECK(cache.load(key, out) == AnalysisCache::Lookup::kMiss);
  REQUIRE(cache.store(key, doc));
  CHECK(cache.load(key, out) == AnalysisCache::Lookup::kHit);
  // The words come deferred: decoded, the analysis is the one stored.
  REQUIRE_FALSE(out.deferred_tokens.empty());
  CHECK(out.statements.front().tokens.empty());
  decode_tokens(out.deferred_tokens, out.statements.data(), out.statements.size());
  CHECK(analysis_to_bytes(out) == analysis_to_bytes(doc));
  CHECK_THROWS(decode_tokens(out.deferred_tokens, out.statements.data(), 1));  // wrong count

  // One byte of the payload flipped: the checksum catches it, the entry goes.
  const fs::path entry = cache.path_of(key);
  std::string bytes = read(entry);
  bytes[bytes.size() - 10] ^= 0x20;
  std::ofstream(entry, std::ios::binary) << bytes;
  CHECK(cache.load(key, out) == AnalysisCache::Lookup::kDamaged);
  CHECK_FALSE(fs::exists(entry));
  CHECK(cache.load(key, out) == AnalysisCache::Lookup::kMiss);

  // An entry under another key's name (copied, or from another cache) is foreign.
  REQUIRE(cache.store(key, doc));
  const std::string other = cache.key("a.txt", sha256_hex("other text"));
  fs::copy_file(entry, cache.path_of(other));
  CHECK(cache.load(other, out) == AnalysisCache::Lookup::kDamaged);
  // Not a cache entry at all.
  std::ofstream(cache.path_of(other), std::ios::binary) << "hello";
  CHECK(cache.load(other, out) == AnalysisCache::Lookup::kDamaged);
  CHECK(cache.load(key, out) == AnalysisCache::Lookup::kHit);
}

TEST_CASE("an entry planted or re-signed without the cache's secret is refused", "[cache]") {
  const fs::path dir = scratch("planted");
  const AnalysisCache cache(dir.string(), "rules-v1");
  REQUIRE(cache.problem().empty());
  const AnalysedDocument doc = analysed("003_cf8077a6ac8cfb1e.txt");
  const std::string key = cache.key("a.txt", sha256_hex(doc.document.original));
  AnalysedDocument out;

  // The secret: 32 bytes only its owner may read.
  const fs::path secret = dir / "secret";
  REQUIRE(fs::file_size(secret) == 32);
  CHECK((fs::status(secret).permissions() & (fs::perms::group_all | fs::perms::others_all)) ==
        fs::perms::none);

  // An entry made by another cache (another secret), put under this one's name: its
  // document's text edited, as a forger would, and the header rebuilt around it.
  const fs::path other_dir = scratch("forger");
  const AnalysisCache forger(other_dir.string(), "rules-v1");
  REQUIRE(forger.key("a.txt", sha256_hex(doc.document.original)) == key);
  AnalysedDocument edited = doc;
  const auto at = edited.document.original.find("the");
  REQUIRE(at != std::string::npos);
  edited.document.original.replace(at, 3, "THE");
  edited.document.text = edited.document.original;
  REQUIRE(forger.store(key, edited));
  fs::create_directories(cache.dir());
  fs::copy_file(forger.path_of(key), cache.path_of(key));
  CHECK(cache.load(key, out) == AnalysisCache::Lookup::kDamaged);
  CHECK_FALSE(fs::exists(cache.path_of(key)));
  // The forger's own cache takes it: the signature, not the layout, is what differs.
  CHECK(forger.load(key, out) == AnalysisCache::Lookup::kHit);

  // A genuine entry under another key's name fails too: the key is signed with it.
  REQUIRE(cache.store(key, doc));
  const std::string other = cache.key("a.txt", sha256_hex("other text"));
  std::string moved = read(cache.path_of(key));
  const auto named = moved.find(key);
  REQUIRE(named != std::string::npos);
  moved.replace(named, key.size(), other);
  std::ofstream(cache.path_of(other), std::ios::binary) << moved;
  CHECK(cache.load(other, out) == AnalysisCache::Lookup::kDamaged);
  CHECK(cache.load(key, out) == AnalysisCache::Lookup::kHit);
}

TEST_CASE("a secret file others could read or plant is replaced, never trusted", "[cache]") {
  const fs::path dir = scratch("secret");
  const AnalysedDocument doc = analysed("003_cf8077a6ac8cfb1e.txt");
  std::string key;
  {
    const AnalysisCache cache(dir.string(), "rules-v1");
    key = cache.key("a.txt", sha256_hex(doc.document.original));
    REQUIRE(cache.store(key, doc));
  }
  const fs::path secret = dir / "secret";
  const std::string first = read(secret);
  AnalysedDocument out;
  // Readable by others: no longer a secret, so a new one, and the old entries go.
  fs::permissions(secret, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  {
    const AnalysisCache cache(dir.string(), "rules-v1");
    REQUIRE(cache.problem().empty());
    CHECK(read(secret) != first);
    CHECK(cache.load(key, out) == AnalysisCache::Lookup::kDamaged);
    REQUIRE(cache.store(key, doc));
  }
  // A link in its place is removed, not followed: its target stays as it was.
  const fs::path target = dir / "target";
  std::ofstream(target, std::ios::binary) << std::string(32, 'k');
  fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write);
  fs::remove(secret);
  fs::create_symlink(target, secret);
  {
    const AnalysisCache cache(dir.string(), "rules-v1");
    REQUIRE(cache.problem().empty());
    CHECK_FALSE(fs::is_symlink(secret));
    CHECK(read(target) == std::string(32, 'k'));
    CHECK(cache.load(key, out) == AnalysisCache::Lookup::kDamaged);
  }
  // Another user's file (only root can make one here).
  if (::geteuid() == 0) {
    const AnalysisCache mine(dir.string(), "rules-v1");
    REQUIRE(mine.store(key, doc));
    const std::string before = read(secret);
    REQUIRE(::chown(secret.c_str(), 65534, 65534) == 0);
    const AnalysisCache cache(dir.string(), "rules-v1");
    CHECK(read(secret) != before);
    CHECK(cache.load(key, out) == AnalysisCache::Lookup::kDamaged);
  }
  // Given out of band (CROSSCHECK_CACHE_SECRET, a CI secret), no file is read or made, and
  // two folders with the same secret take each other's entries.
  const ScopedEnv env("CROSSCHECK_CACHE_SECRET", "a secret of the CI's store");
  const fs::path a = scratch("secret-a"), b = scratch("secret-b");
  const AnalysisCache ca(a.string(), "rules-v1"), cb(b.string(), "rules-v1");
  CHECK_FALSE(fs::exists(a / "secret"));
  REQUIRE(ca.store(key, doc));
  fs::create_directories(cb.dir());
  fs::copy_file(ca.path_of(key), cb.path_of(key));
  CHECK(cb.load(key, out) == AnalysisCache::Lookup::kHit);
}

TEST_CASE("prune removes generations unused for a month and entries of the old layout", "[cache]") {
  const fs::path dir = scratch("prune");
  const AnalysisCache cache(dir.string(), "rules-v2");
  REQUIRE(
      cache.store(cache.key("a.txt", sha256_hex("text")), analysed("000_ee902dd42304fdbf.txt")));
  const AnalysisCache other(dir.string(), "rules-v1");  // another salt: another generation
  REQUIRE(
      other.store(other.key("a.txt", sha256_hex("text")), analysed("000_ee902dd42304fdbf.txt")));
  REQUIRE(fs::path(other.dir()).parent_path() == dir);
  REQUIRE(other.dir() != cache.dir());
  const AnalysisCache recent(dir.string(), "rules-v3");
  fs::create_directories(recent.dir());
  std::ofstream(dir / "0123456789abcdef.analysis") << "an entry of the layout before";
  std::ofstream(dir / "notes.txt") << "not the cache's";
  fs::create_directories(dir / "not-a-generation");
  // temporaries of dead runs (this build's name, an older build's) and of a live one
  std::ofstream(fs::path(cache.dir()) / "a.analysis.tmp-0123456789abcdef") << "torn";
  std::ofstream(fs::path(cache.dir()) / "b.analysis.tmp.4242.7") << "torn";
  std::ofstream(fs::path(cache.dir()) / "c.analysis.tmp-fedcba9876543210") << "being written";
  for (const char* dead : {"a.analysis.tmp-0123456789abcdef", "b.analysis.tmp.4242.7"})
    fs::last_write_time(fs::path(cache.dir()) / dead,
                        fs::file_time_type::clock::now() - std::chrono::hours(2));
  const auto old = fs::file_time_type::clock::now() - std::chrono::hours(24 * 40);
  fs::last_write_time(other.dir(), old);
  fs::last_write_time(cache.dir(), old);  // in use by the pruning run: kept, marked as used

  CHECK(cache.prune() == 4);
  CHECK_FALSE(fs::exists(fs::path(cache.dir()) / "a.analysis.tmp-0123456789abcdef"));
  CHECK_FALSE(fs::exists(fs::path(cache.dir()) / "b.analysis.tmp.4242.7"));
  CHECK(fs::exists(fs::path(cache.dir()) / "c.analysis.tmp-fedcba9876543210"));
  CHECK_FALSE(fs::exists(other.dir()));
  CHECK_FALSE(fs::exists(dir / "0123456789abcdef.analysis"));
  CHECK(fs::exists(cache.dir()));
  CHECK(fs::last_write_time(cache.dir()) > old);
  CHECK(fs::exists(recent.dir()));
  CHECK(fs::exists(dir / "notes.txt"));
  CHECK(fs::exists(dir / "not-a-generation"));
  CHECK(cache.prune() == 0);
  fs::remove_all(dir);
}

TEST_CASE("a warm cache analyses only the new document and changes no report", "[cache]") {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 2);
  const fs::path corpus = scratch("corpus") / "korea-1950";
  fs::copy(kCorpus, corpus);
  const fs::path dir = scratch("warm");
  const AnalysisCache cache(dir.string(), rules().fingerprint);
  RunOptions options;
  options.rules = &rules();
  options.syntax = test::model_future();
  options.events = test::bundled_event_model();
  std::vector<Diagnostic> errors;

  const Corpus plain = run_corpus(corpus.string(), options, errors);
  options.cache = &cache;
  RunStats cold, warm, added;
  const Corpus first = run_corpus(corpus.string(), options, errors, &cold);
  const Corpus second = run_corpus(corpus.string(), options, errors, &warm);
  CHECK(cold.analysed == 5);
  CHECK(cold.from_cache == 0);
  CHECK(warm.analysed == 0);
  CHECK(warm.from_cache == 5);
  CHECK(render_csv(first) == render_csv(plain));
  CHECK(render_csv(second) == render_csv(plain));
  CHECK(render_html(second) == render_html(plain));

  // A damaged entry is rebuilt, and the reports do not change.
  const auto victim = fs::directory_iterator(cache.dir())->path();
  std::ofstream(victim, std::ios::binary | std::ios::app) << "trailing bytes";
  RunStats repaired;
  CHECK(render_csv(run_corpus(corpus.string(), options, errors, &repaired)) == render_csv(plain));
  CHECK(repaired.cache_damaged == 1);
  CHECK(repaired.analysed == 1);

  std::ofstream(corpus / "005_new.txt") << "Stalin approved the plan in April 1950.\n";
  run_corpus(corpus.string(), options, errors, &added);
  CHECK(added.analysed == 1);
  CHECK(added.from_cache == 5);
  CHECK(errors.empty());
}

TEST_CASE("an article's date, as its times were read, and where it came from", "[cache]") {
  // 004 has no date in its manifest entry here: its dateline "January 13, 1993" dates it
  const AnalysedDocument a = analysed("004_94f80fcec1dc0493.txt");
  REQUIRE(a.document.dating.day);
  CHECK(value_at(*a.document.dating.day, DayRange::Grain::kDay) == "1993-01-13");
  CHECK(a.document.dating.from_text);
  CHECK(a.document.text.substr(a.document.dating.where.begin, a.document.dating.where.size()) ==
        "January 13, 1993");
  // it survives the cache
  const AnalysedDocument back = analysis_from_bytes(analysis_to_bytes(a), false);
  CHECK(back.document.dating.day == a.document.dating.day);
  CHECK(back.document.dating.from_text);
  CHECK(back.document.dating.where == a.document.dating.where);
  // a date given by the sources is the article's, whatever its text says
  AnalysedDocument given;
  Diagnostic error;
  REQUIRE(analyse_bytes("004_94f80fcec1dc0493.txt", read(kCorpus + "/004_94f80fcec1dc0493.txt"),
                        rules().lexicon, test::bundled_model(), given, error, false,
                        article_day("1993-01-14")));
  REQUIRE(given.document.dating.day);
  CHECK(value_at(*given.document.dating.day, DayRange::Grain::kDay) == "1993-01-14");
  CHECK_FALSE(given.document.dating.from_text);
  CHECK_FALSE(article_day("1993"));
  CHECK_FALSE(article_day("13/01/1993"));
}

TEST_CASE("the cache reader's fuzz seeds are entries of the current layout", "[cache]") {
  // A seed that no longer reads back would leave the fuzzer at the first bytes.
  for (const char* name : {"entry-0", "entry-1"}) {
    const std::string bytes = read(kRoot + "/fuzz/seeds/cache/" + name);
    INFO(name);
    AnalysedDocument a = analysis_from_bytes(bytes, true);
    REQUIRE_FALSE(a.statements.empty());
    decode_tokens(a.deferred_tokens, a.statements.data(), a.statements.size());
    CHECK_FALSE(a.statements.front().tokens.empty());
    // and one statement's words alone, from its bytes of the section
    const auto starts = statement_word_starts(a.deferred_tokens);
    REQUIRE(starts.size() == a.statements.size());
    Statement one = a.statements[1];
    one.tokens.clear();
    decode_statement_words(
        std::string_view(a.deferred_tokens).substr(starts[1], starts[2] - starts[1]), one);
    CHECK(one.tokens.size() == a.statements[1].tokens.size());
    CHECK_THROWS(decode_statement_words(
        std::string_view(a.deferred_tokens).substr(starts[1], starts[2] - starts[1] - 1), one));
  }
}
