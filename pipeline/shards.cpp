#include "shards.hpp"

#include <fcntl.h>
#include <tbb/parallel_for.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <ostream>
#include <sstream>

#include "bytes.hpp"
#include "cache.hpp"
#include "compare/compare.hpp"
#include "corpus_files.hpp"
#include "crosscheck/sha256.hpp"
#include "phases.hpp"
#include "reports/reports.hpp"

namespace crosscheck {
namespace fs = std::filesystem;
using namespace phases;

namespace {

constexpr std::int64_t kFormat = 2;  // bump when a shard's or a part's layout changes
constexpr const char* kShardKind = "crosscheck-shard";
constexpr const char* kPartKind = "crosscheck-part";
constexpr const char* kShardManifest = "shard.toml";
constexpr const char* kDocuments = "documents.bin";
constexpr const char* kPartManifest = "part.toml";
constexpr const char* kPairs = "pairs.bin";

[[noreturn]] void fail(const fs::path& folder, const std::string& why) {
  throw ShardError(folder.string() + ": error: " + why);
}

std::string slice_text(std::int64_t index, std::int64_t count) {
  return std::to_string(index) + " of " + std::to_string(count);
}

// Every listed path, every skipped one and what sources.toml says: shards of one corpus
// listing share it, so that a shard made after a file was added, or a source's date
// changed, is not read with the others.
std::string listing_fingerprint(const CorpusListing& listing) {
  Sha256 h;
  const auto add = [&](std::string_view text) {
    h.update(text);
    h.update(std::string_view("\0", 1));
  };
  for (const auto& f : listing.files) add(f);
  add("skipped");
  for (const auto& s : listing.skipped) add(s.path);
  add("sources");
  for (const auto& [path, meta] : listing.sources) {
    add(path);
    add(meta.id), add(meta.title), add(meta.outlet), add(meta.date);
  }
  return hex(h.digest());
}

// The most shards or parts a run may have (as parse_slice allows).
constexpr std::int64_t kMaxSlices = 100000;

toml::table provenance_table(const Provenance& p) {
  return toml::table{{"program", p.program},
                     {"rules", p.rules},
                     {"model", p.model},
                     {"max_sentence_tokens", static_cast<std::int64_t>(p.max_sentence_tokens)},
                     {"max_document_bytes", static_cast<std::int64_t>(p.max_document_bytes)}};
}

// Why a folder's provenance does not match this process's, or "".
std::string provenance_problem(const toml::table& made, const Provenance& expected,
                               const char* what) {
  const auto text = [&](const char* key) { return made[key].value_or(std::string()); };
  if (text("program") != expected.program)
    return std::string(what) + " made by another build of crosscheck (" + text("program") +
           "; this is " + expected.program + "): make it again with this one";
  if (text("rules") != expected.rules)
    return std::string(what) +
           " made with other rules (their fingerprint differs): give the same --rules, or make "
           "it again";
  if (text("model") != expected.model)
    return std::string(what) + " made with another syntax model (--model)";
  if (made["max_sentence_tokens"].value_or(std::int64_t{-1}) != expected.max_sentence_tokens)
    return std::string(what) + " made with another --max-sentence-tokens (" +
           std::to_string(made["max_sentence_tokens"].value_or(std::int64_t{-1})) + ")";
  if (made["max_document_bytes"].value_or(std::int64_t{-1}) !=
      static_cast<std::int64_t>(expected.max_document_bytes))
    return std::string(what) + " made with another --max-document-mb";
  return "";
}

// The file names and SHA-256s a set's manifest.sha256 gives.
std::map<std::string, std::string> read_sums(const fs::path& folder) {
  std::string text;
  if (read_whole_file((folder / std::string(kManifestFile)).string(), text) != 0)
    fail(folder, std::string(kManifestFile) +
                     " is missing: the step that writes this folder did "
                     "not finish; run it again");
  std::map<std::string, std::string> sums;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    if (line.size() > 66 && line.compare(64, 2, "  ") == 0)
      sums[line.substr(66)] = line.substr(0, 64);
  return sums;
}

// A folder's manifest (shard.toml or part.toml), checked against manifest.sha256.
toml::table read_manifest(const fs::path& folder, const char* name,
                          const std::map<std::string, std::string>& sums) {
  std::string text;
  if (const int e = read_whole_file((folder / name).string(), text); e != 0)
    fail(folder, std::string("cannot read ") + name + ": " +
                     (e > 0 ? std::strerror(e) : "not a regular file"));
  const auto sum = sums.find(name);
  if (sum == sums.end() || sum->second != sha256_hex(text))
    fail(folder, std::string(name) +
                     " is damaged (its SHA-256 is not the one manifest.sha256 "
                     "holds); run this step again");
  try {
    return toml::parse(std::string_view(text), std::string_view(name));
  } catch (const toml::parse_error& e) {
    fail(folder, std::string(name) + ": " + std::string(e.description()));
  }
}

std::string str(const toml::table& t, const char* key) { return t[key].value_or(std::string()); }
std::int64_t num(const toml::table& t, const char* key) {
  return t[key].value_or(std::int64_t{-1});
}

// A file descriptor that closes itself.
struct File {
  int fd = -1;
  File() = default;
  explicit File(const fs::path& path) : fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {}
  File(const File&) = delete;
  File& operator=(const File&) = delete;
  File(File&& o) noexcept : fd(std::exchange(o.fd, -1)) {}
  ~File() {
    if (fd >= 0) ::close(fd);
  }
  // `size` bytes from `offset`, or false.
  bool read(std::uint64_t offset, std::size_t size, std::string& out) const {
    out.resize(size);
    std::size_t done = 0;
    while (done < size) {
      const ssize_t n =
          ::pread(fd, out.data() + done, size - done, static_cast<off_t>(offset + done));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      done += static_cast<std::size_t>(n);
    }
    return true;
  }
};

// ---- the findings, as bytes ----

void write_finding(bytes::Writer& w, const Finding& f) {
  w.u8(static_cast<std::uint8_t>(f.kind));
  w.str(f.type);
  w.str(f.rule);
  w.f64(f.confidence);
  w.u32(f.a), w.u32(f.b);
  w.strings(f.cues);
  w.str(f.explanation);
  w.str(f.act);
}

Finding read_finding(bytes::Reader& r) {
  Finding f;
  const std::uint8_t kind = r.u8();
  if (kind > static_cast<std::uint8_t>(Finding::Kind::kAgreement))
    throw std::runtime_error("no kind of finding");
  f.kind = static_cast<Finding::Kind>(kind);
  f.type = r.str();
  f.rule = r.str();
  f.confidence = r.f64();
  f.a = r.u32(), f.b = r.u32();
  f.cues = r.strings();
  f.explanation = r.str();
  f.act = r.str();
  return f;
}

// The ranks at which the rules judge a pair differently: 1, and one past each max_rank a
// rule sets. A pair of best rank r is judged as at the greatest of these not above r.
std::vector<std::uint32_t> rank_brackets(const RuleSet& rules) {
  std::vector<std::uint32_t> out{1};
  for (const Rule& rule : rules.rules)
    if (rule.max_rank > 0) out.push_back(rule.max_rank + 1);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::size_t bracket_of(const std::vector<std::uint32_t>& brackets, std::uint32_t rank) {
  return static_cast<std::size_t>(std::upper_bound(brackets.begin(), brackets.end(), rank) -
                                  brackets.begin()) -
         1;
}

// ---- reading a shard set ----

struct DocumentEntry {
  std::size_t listed = 0;
  std::string path;
  SourceMeta source;
  std::uint64_t offset = 0, size = 0;
  std::string sha256;
  std::uint32_t shard = 0;  // index into ShardSet::folders
};

struct ShardSet {
  std::vector<fs::path> folders;  // by shard index - 1
  std::string root, name;
  std::uint32_t count = 0;
  std::string fingerprint;  // of the whole set: what a part was aligned from
  Provenance made;          // what made every shard
  Corpus corpus;
  std::vector<DeferredWords> words;  // empty: the words stay on disk (statement_words)
  // Where each statement's own words lie, for reading them one statement at a time.
  struct StatementWords {
    std::uint32_t shard = 0;
    std::uint32_t size = 0;
    std::uint64_t offset = 0;  // in the shard's documents.bin
  };
  std::vector<StatementWords> statement_words;     // by corpus statement
  std::vector<std::shared_ptr<const File>> files;  // each shard's documents.bin, open
  // Reads the words of `statement` alone into it; throws ShardError when they cannot be read.
  void load_words(std::uint32_t statement, Statement& into) const;
};

void ShardSet::load_words(std::uint32_t statement, Statement& into) const {
  const StatementWords& w = statement_words[statement];
  thread_local std::string bytes;
  if (!files[w.shard]->read(w.offset, w.size, bytes))
    throw ShardError(folders[w.shard].string() + ": error: " + kDocuments +
                     " cannot be read again");
  try {
    decode_statement_words(bytes, into);
  } catch (const std::exception& x) {
    throw ShardError(folders[w.shard].string() + ": error: " + kDocuments +
                     " does not read back: " + x.what());
  }
}

bool is_shard(const fs::path& folder) { return fs::exists(folder / kShardManifest); }
bool is_part(const fs::path& folder) { return fs::exists(folder / kPartManifest); }

// With `texts` false, the documents' and sentences' texts are dropped as each document is
// read (align's rules read statements alone), so that they are never all held at once.
ShardSet read_shards(const std::vector<fs::path>& given, Provenance expected, bool texts = true) {
  ShardSet set;
  std::vector<toml::table> manifests;
  std::vector<std::string> sums_texts;
  std::string listing;
  for (const fs::path& folder : given) {
    if (!is_shard(folder)) continue;
    const auto sums = read_sums(folder);
    toml::table m = read_manifest(folder, kShardManifest, sums);
    if (str(m, "kind") != kShardKind || num(m, "format") != kFormat)
      fail(folder, std::string(kShardManifest) +
                       " is not a shard of this format (made by another version?)");
    const auto* made = m["made"].as_table();
    if (made == nullptr) fail(folder, std::string(kShardManifest) + " does not say what made it");
    if (expected.max_sentence_tokens == 0) {  // the shards' own caps, the same in all of them
      expected.max_sentence_tokens =
          static_cast<std::uint32_t>((*made)["max_sentence_tokens"].value_or(std::int64_t{0}));
      expected.max_document_bytes =
          static_cast<std::uint64_t>((*made)["max_document_bytes"].value_or(std::int64_t{0}));
    }
    if (const auto problem = provenance_problem(*made, expected, "the shard"); !problem.empty())
      fail(folder, problem);
    const std::int64_t index = num(m, "shard"), count = num(m, "shards");
    if (count < 1 || count > kMaxSlices || index < 1 || index > count)
      fail(folder, "no shard number in shard.toml");
    if (set.count == 0) {
      set.count = static_cast<std::uint32_t>(count);
      set.folders.resize(set.count);
      set.root = str(m, "root");
      set.name = str(m, "corpus");
      listing = str(m, "listing");
    } else if (count != set.count || str(m, "listing") != listing || str(m, "root") != set.root) {
      fail(folder, "shard " + slice_text(index, count) + " is of another run than shard 1 of " +
                       std::to_string(set.count) + " given (" +
                       (count != set.count ? "another shard count"
                        : str(m, "root") != set.root
                            ? "corpus folder " + str(m, "root") + ", not " + set.root
                            : std::string("another listing of the corpus: files were added, "
                                          "removed or renamed between them")) +
                       ")");
    }
    auto& slot = set.folders[static_cast<std::size_t>(index - 1)];
    if (!slot.empty())
      fail(folder,
           "shard " + slice_text(index, count) + " is given twice (also " + slot.string() + ")");
    slot = folder;
    manifests.resize(set.count);
    sums_texts.resize(set.count);
    manifests[static_cast<std::size_t>(index - 1)] = std::move(m);
    std::string sums_text;
    read_whole_file((folder / std::string(kManifestFile)).string(), sums_text);
    sums_texts[static_cast<std::size_t>(index - 1)] = std::move(sums_text);
    const auto documents = sums.find(kDocuments);
    if (documents == sums.end()) fail(folder, std::string(kDocuments) + " is not in its manifest");
  }
  if (set.count == 0)
    throw ShardError("error: no shard folder among those given (a shard folder holds " +
                     std::string(kShardManifest) + "; make them with `crosscheck analyse`)");
  for (std::uint32_t i = 0; i < set.count; ++i)
    if (set.folders[i].empty())
      throw ShardError("error: shard " + slice_text(i + 1, set.count) +
                       " is missing: no folder given holds it (make it with `crosscheck analyse "
                       "CORPUS --shard " +
                       std::to_string(i + 1) + "/" + std::to_string(set.count) + " --out DIR`)");
  set.made = expected;
  Sha256 whole;
  for (const auto& s : sums_texts) whole.update(s);
  set.fingerprint = hex(whole.digest());

  // The documents, in listing order, each checked by its SHA-256.
  std::vector<DocumentEntry> entries;
  Corpus& corpus = set.corpus;
  corpus.root = set.root;
  corpus.name = set.name;
  for (std::uint32_t i = 0; i < set.count; ++i) {
    const toml::table& m = manifests[i];
    if (const auto* docs = m["document"].as_array())
      for (const auto& node : *docs) {
        const auto* t = node.as_table();
        if (t == nullptr) fail(set.folders[i], "a [[document]] that is not a table");
        DocumentEntry e;
        const std::int64_t listed = num(*t, "listed"), offset = num(*t, "offset"),
                           size = num(*t, "size");
        if (listed < 0 || listed >= num(m, "listed") || offset < 0 || size < 0)
          fail(set.folders[i], std::string(kShardManifest) +
                                   " is damaged: a document without its place, offset or size");
        e.listed = static_cast<std::size_t>(listed);
        e.path = str(*t, "path");
        e.source = {str(*t, "source_id"), str(*t, "title"), str(*t, "outlet"), str(*t, "date")};
        e.offset = static_cast<std::uint64_t>(offset);
        e.size = static_cast<std::uint64_t>(size);
        e.sha256 = str(*t, "sha256");
        e.shard = i;
        entries.push_back(std::move(e));
      }
    if (const auto* skipped = m["skipped"].as_array())
      for (const auto& node : *skipped) {
        const auto* t = node.as_table();
        if (t == nullptr) fail(set.folders[i], "a [[skipped]] that is not a table");
        Skipped s;
        s.path = str(*t, "path");
        s.reason.file = str(*t, "file");
        s.reason.line = static_cast<std::uint32_t>(num(*t, "line"));
        s.reason.col = static_cast<std::uint32_t>(num(*t, "col"));
        s.reason.severity = str(*t, "severity") == "warning" ? Diagnostic::Severity::kWarning
                                                             : Diagnostic::Severity::kError;
        s.reason.message = str(*t, "message");
        corpus.skipped.push_back(std::move(s));
      }
  }
  std::vector<toml::table>().swap(manifests);  // all they said is in `entries` now
  sort_skipped(corpus);
  std::sort(entries.begin(), entries.end(),
            [](const DocumentEntry& x, const DocumentEntry& y) { return x.listed < y.listed; });
  for (std::size_t k = 1; k < entries.size(); ++k)
    if (entries[k].listed == entries[k - 1].listed)
      fail(set.folders[entries[k].shard], "two shards hold document " + entries[k].path);
  // Every byte of documents.bin belongs to one document, the documents one after another,
  // and each one's SHA-256 is checked as it is read: with the size, that checks the whole
  // file.
  std::vector<std::uint64_t> sizes(set.count, 0);
  for (std::uint32_t i = 0; i < set.count; ++i) {
    std::vector<const DocumentEntry*> held;
    for (const auto& e : entries)
      if (e.shard == i) held.push_back(&e);
    std::sort(held.begin(), held.end(),
              [](const DocumentEntry* x, const DocumentEntry* y) { return x->offset < y->offset; });
    for (const DocumentEntry* e : held) {
      if (e->offset != sizes[i] || e->size > (std::uint64_t{1} << 40))
        fail(set.folders[i], std::string(kShardManifest) + " is damaged: document " + e->path +
                                 " does not follow the one before it in " + kDocuments);
      sizes[i] += e->size;
    }
  }
  std::vector<std::shared_ptr<const File>>& files = set.files;
  for (std::uint32_t i = 0; i < set.count; ++i) {
    const fs::path path = set.folders[i] / kDocuments;
    files.push_back(std::make_shared<const File>(path));
    std::error_code ec;
    if (files.back()->fd < 0) fail(set.folders[i], std::string("cannot read ") + kDocuments);
    const std::uintmax_t on_disk = fs::file_size(path, ec);
    if (ec || on_disk != sizes[i])
      fail(set.folders[i], std::string(kDocuments) + " is damaged: " +
                               (ec ? std::string("no size") : std::to_string(on_disk) + " bytes") +
                               " where " + kShardManifest + " lists " + std::to_string(sizes[i]) +
                               "; make this shard again");
  }
  std::vector<AnalysedDocument> parts(entries.size());
  std::vector<std::string> problems(entries.size());
  // where each document's words lie in its documents.bin: they stay there, to be read a
  // statement at a time when a pair needs them (they are most of a document's bytes)
  std::vector<std::uint64_t> words_at(entries.size()), words_size(entries.size());
  std::vector<std::vector<std::uint32_t>> starts(entries.size());  // of each statement's words
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, entries.size(), 8),
                    [&](const tbb::blocked_range<std::size_t>& r) {
                      std::string blob;
                      for (auto k = r.begin(); k != r.end(); ++k) {
                        const DocumentEntry& e = entries[k];
                        if (!files[e.shard]->read(e.offset, e.size, blob)) {
                          problems[k] = std::string(kDocuments) + " ends before document " +
                                        e.path + ": the file is truncated";
                          continue;
                        }
                        if (sha256_hex(blob) != e.sha256) {
                          problems[k] = std::string(kDocuments) + " is damaged: document " +
                                        e.path + " does not match its SHA-256";
                          continue;
                        }
                        try {
                          parts[k] = analysis_from_bytes(blob, true);
                        } catch (const std::exception& x) {
                          problems[k] = std::string(kDocuments) + ": document " + e.path +
                                        " does not read back: " + x.what();
                          continue;
                        }
                        std::string& words = parts[k].deferred_tokens;
                        words_size[k] = words.size();
                        words_at[k] = e.offset + (blob.size() - words.size());
                        try {
                          starts[k] = statement_word_starts(words);
                          if (starts[k].size() != parts[k].statements.size())
                            throw std::runtime_error("words of another analysis");
                        } catch (const std::exception& x) {
                          problems[k] = std::string(kDocuments) + ": document " + e.path +
                                        " does not read back: " + x.what();
                          continue;
                        }
                        std::string().swap(words);
                        Document& d = parts[k].document;
                        if (!texts) {
                          std::string().swap(d.original);
                          std::string().swap(d.text);
                          std::vector<std::uint32_t>().swap(d.norm_to_orig);
                          for (Sentence& sentence : parts[k].sentences)
                            std::string().swap(sentence.text);
                        }
                        d.index = static_cast<std::uint32_t>(k);
                        d.path = e.path;
                        d.source = e.source;
                        for (auto& w : d.warnings) w.file = e.path;
                      }
                    });
  for (std::size_t k = 0; k < entries.size(); ++k)
    if (!problems[k].empty()) fail(set.folders[entries[k].shard], problems[k] + "; make it again");
  flatten(corpus, parts, set.words);
  set.statement_words.resize(corpus.statements.size());
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const std::uint32_t first = set.words[k].first;
    for (std::size_t i = 0; i < starts[k].size(); ++i) {
      const std::uint64_t end = i + 1 < starts[k].size() ? starts[k][i + 1] : words_size[k];
      set.statement_words[first + i] = {entries[k].shard,
                                        static_cast<std::uint32_t>(end - starts[k][i]),
                                        words_at[k] + starts[k][i]};
    }
  }
  release_free_pages();
  return set;
}

// ---- a part's pairs ----

// One pair as a part writes it: a, b, score, then its findings' bytes: a count of forms
// (0: no rule fires at any rank; 1: the same at every rank; else one per rank bracket),
// each a flag and the finding.
struct PairLocation {
  std::uint32_t a = 0, b = 0;
  double score = 0;
  std::uint32_t part = 0;
  std::uint32_t size = 0;
  std::uint64_t offset = 0;  // of the findings' bytes in the part's pairs.bin
};

// Reads a pair's findings as the judge of merge_parts will: a count of forms that is 0, 1
// or one per bracket, each a finding of this pair. Throws on anything else.
void check_judged(std::string_view bytes, const PairLocation& p, std::size_t brackets) {
  bytes::Reader r(bytes);
  const std::uint8_t forms = r.u8();
  if (forms != 0 && forms != 1 && forms != brackets)
    throw std::runtime_error("a pair judged at other ranks");
  for (std::uint8_t f = 0; f < forms; ++f)
    if (r.u8() != 0) {
      const Finding finding = read_finding(r);
      if (finding.a != p.a || finding.b != p.b)
        throw std::runtime_error("a finding of another pair");
    }
  if (!r.done()) throw std::runtime_error("bytes after a pair's findings");
}

std::string judged_bytes(const Corpus& corpus, const Pair& pair, const CompareOptions& options,
                         const std::vector<std::uint32_t>& brackets) {
  std::vector<std::string> forms;
  for (const std::uint32_t rank : brackets) {
    Pair p = pair;
    p.rank_a = p.rank_b = rank;
    const auto f = compare(corpus.statements[p.a], corpus.statements[p.b], p, options);
    bytes::Writer w;
    w.u8(f.has_value());
    if (f) write_finding(w, *f);
    forms.push_back(w.take());
  }
  bytes::Writer w;
  const bool same = std::all_of(forms.begin(), forms.end(),
                                [&](const std::string& x) { return x == forms.front(); });
  if (same && forms.front() == std::string(1, '\0')) {
    w.u8(0);
    return w.take();
  }
  w.u8(static_cast<std::uint8_t>(same ? 1 : forms.size()));
  std::string out = w.take();
  for (std::size_t i = 0; i < (same ? 1 : forms.size()); ++i) out += forms[i];
  return out;
}

}  // namespace

std::optional<Slice> parse_slice(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  Slice s;
  const auto whole = [](std::string_view t, std::uint32_t& v) {
    const auto r = std::from_chars(t.data(), t.data() + t.size(), v);
    return r.ec == std::errc() && r.ptr == t.data() + t.size() && !t.empty();
  };
  if (!whole(text.substr(0, slash), s.index) || !whole(text.substr(slash + 1), s.count) ||
      s.count < 1 || s.index < 1 || s.index > s.count || s.count > 100000)
    return std::nullopt;
  return s;
}

std::uint32_t shard_of(std::string_view path, std::uint32_t count) {
  Sha256 h;
  h.update(path);
  const std::string raw = h.digest();
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(raw[i]);
  return static_cast<std::uint32_t>(v % count) + 1;
}

ShardStats write_shard(const std::string& root, const RunOptions& options, Slice shard,
                       const Provenance& provenance, const fs::path& out,
                       std::vector<Diagnostic>& errors) {
  ShardStats stats;
  const CorpusListing listing = list_corpus(root);
  errors.insert(errors.end(), listing.diagnostics.begin(), listing.diagnostics.end());
  if (!fs::is_directory(root)) return stats;
  stats.listed = listing.files.size();
  std::vector<std::size_t> mine;
  for (std::size_t i = 0; i < listing.files.size(); ++i)
    if (shard_of(listing.files[i], shard.count) == shard.index) mine.push_back(i);
  for (const Skipped& s : listing.skipped)
    if (shard_of(s.path, shard.count) == shard.index) stats.skipped.push_back(s);
  toml::array documents;
  const auto write_documents = [&](std::ostream& stream) {
    std::uint64_t offset = 0;
    analyse_files(root, listing, mine, options, [&](std::unique_ptr<Item> item) {
      stats.from_cache += item->cached;
      stats.cache_damaged += item->damaged;
      if (!item->ok) {
        item->error.file = item->path;
        stats.skipped.push_back({item->path, std::move(item->error)});
        return;
      }
      AnalysedDocument& a = item->analysed;
      // from the cache, the words are still encoded: a shard holds them decoded, as analysed
      if (!a.deferred_tokens.empty()) {
        try {
          decode_tokens(a.deferred_tokens, a.statements.data(), a.statements.size());
        } catch (const std::exception& e) {
          Diagnostic d;
          d.file = item->path;
          d.message = std::string("cannot analyse: its cache entry is damaged (") + e.what() +
                      "); run again with --no-cache";
          stats.skipped.push_back({item->path, std::move(d)});
          return;
        }
        std::string().swap(a.deferred_tokens);
      }
      ++stats.documents;
      for (const auto& w : a.document.warnings) stats.warnings.push_back(w);
      // the source as collect() gives it
      SourceMeta source;
      if (auto it = listing.sources.find(item->path); it != listing.sources.end())
        source = it->second;
      if (source.id.empty()) source.id = fs::path(item->path).stem().string();
      const std::string blob = analysis_to_bytes(a);
      stream.write(blob.data(), static_cast<std::streamsize>(blob.size()));
      documents.push_back(toml::table{{"path", item->path},
                                      {"listed", static_cast<std::int64_t>(item->listed)},
                                      {"source_id", source.id},
                                      {"title", source.title},
                                      {"outlet", source.outlet},
                                      {"date", source.date},
                                      {"offset", static_cast<std::int64_t>(offset)},
                                      {"size", static_cast<std::int64_t>(blob.size())},
                                      {"sha256", sha256_hex(blob)}});
      offset += blob.size();
    });
  };
  const auto write_manifest = [&](std::ostream& stream) {
    toml::array skipped;
    for (const Skipped& s : stats.skipped)
      skipped.push_back(toml::table{
          {"path", s.path},
          {"file", s.reason.file},
          {"line", static_cast<std::int64_t>(s.reason.line)},
          {"col", static_cast<std::int64_t>(s.reason.col)},
          {"severity", s.reason.severity == Diagnostic::Severity::kWarning ? "warning" : "error"},
          {"message", s.reason.message}});
    toml::table m{{"kind", kShardKind},
                  {"format", kFormat},
                  {"shard", static_cast<std::int64_t>(shard.index)},
                  {"shards", static_cast<std::int64_t>(shard.count)},
                  {"corpus", corpus_name(root)},
                  {"root", root},
                  {"listing", listing_fingerprint(listing)},
                  {"listed", static_cast<std::int64_t>(listing.files.size())},
                  {"made", provenance_table(provenance)},
                  {"document", std::move(documents)},
                  {"skipped", std::move(skipped)}};
    stream << m << '\n';
  };
  const std::string error =
      write_report_set(out, {{kDocuments, write_documents}, {kShardManifest, write_manifest}},
                       {kDocuments, kShardManifest});
  if (!error.empty()) throw ShardError("error: " + error);
  return stats;
}

std::string shard_corpus_name(const std::vector<fs::path>& folders) {
  for (const auto& folder : folders)
    if (is_shard(folder)) {
      try {
        return str(toml::parse_file((folder / kShardManifest).string()), "corpus");
      } catch (const toml::parse_error&) {
        return "";  // read_shards says what is wrong with it
      }
    }
  return "";
}

std::size_t write_part(const std::vector<fs::path>& folders, const RunOptions& options,
                       const Provenance& provenance, Slice part, const fs::path& out) {
  ShardSet set = read_shards(folders, provenance, /*texts=*/false);
  Corpus& corpus = set.corpus;
  std::vector<Sentence>().swap(corpus.sentences);
  const LoadedRules& rules = rules_of(options);
  std::vector<std::uint32_t> mine;
  for (std::uint32_t i = part.index - 1; i < corpus.statements.size(); i += part.count)
    mine.push_back(i);
  {
    const AlignIndex index(corpus.statements, source_numbers(corpus),
                           align_options(options, rules.lexicon));
    corpus.pairs = candidates(index, mine);
  }
  release_free_pages();
  const auto brackets = rank_brackets(rules.rules);
  if (brackets.size() > 255)
    throw ShardError("error: the rules set more than 254 different max_rank values");
  CompareOptions compare_options;
  compare_options.rules = &rules.rules;
  compare_options.lexicon = &rules.lexicon;
  // The pairs are judged a block at a time, with the words of the block's statements read
  // for it and let go after it: a part never holds more words than one block needs.
  std::vector<std::uint8_t> needed(corpus.statements.size(), 0);
  const auto write_pairs = [&](std::ostream& stream) {
    constexpr std::size_t kBlock = 1 << 14;
    std::vector<std::string> block;
    std::vector<std::uint32_t> loading;
    for (std::size_t begin = 0; begin < corpus.pairs.size(); begin += kBlock) {
      block.assign(std::min(kBlock, corpus.pairs.size() - begin), {});
      loading.clear();
      for (std::size_t k = 0; k < block.size(); ++k)
        for (const std::uint32_t x : {corpus.pairs[begin + k].a, corpus.pairs[begin + k].b})
          if (!std::exchange(needed[x], 1)) loading.push_back(x);
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, loading.size(), 32),
                        [&](const tbb::blocked_range<std::size_t>& r) {
                          for (auto k = r.begin(); k != r.end(); ++k)
                            set.load_words(loading[k], corpus.statements[loading[k]]);
                        });
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, block.size(), 64),
                        [&](const tbb::blocked_range<std::size_t>& r) {
                          for (auto k = r.begin(); k != r.end(); ++k) {
                            const Pair& p = corpus.pairs[begin + k];
                            const std::string judged =
                                judged_bytes(corpus, p, compare_options, brackets);
                            bytes::Writer w;
                            w.u32(p.a), w.u32(p.b);
                            w.f64(p.score);
                            w.str(judged);
                            block[k] = w.take();
                          }
                        });
      for (const auto& b : block) stream.write(b.data(), static_cast<std::streamsize>(b.size()));
      for (const std::uint32_t x : loading) {
        needed[x] = 0;
        std::vector<Token>().swap(corpus.statements[x].tokens);
        std::vector<Record>().swap(corpus.statements[x].records);
      }
    }
  };
  const auto write_manifest = [&](std::ostream& stream) {
    toml::array ranks;
    for (const auto r : brackets) ranks.push_back(static_cast<std::int64_t>(r));
    toml::table m{{"kind", kPartKind},
                  {"format", kFormat},
                  {"part", static_cast<std::int64_t>(part.index)},
                  {"parts", static_cast<std::int64_t>(part.count)},
                  {"shards", set.fingerprint},
                  {"pairs", static_cast<std::int64_t>(corpus.pairs.size())},
                  {"rank_brackets", std::move(ranks)},
                  {"made", provenance_table(set.made)}};
    stream << m << '\n';
  };
  const std::string error = write_report_set(
      out, {{kPairs, write_pairs}, {kPartManifest, write_manifest}}, {kPairs, kPartManifest});
  if (!error.empty()) throw ShardError("error: " + error);
  return corpus.pairs.size();
}

Corpus merge_parts(const std::vector<fs::path>& folders, const RunOptions& options,
                   const Provenance& provenance) {
  ShardSet set = read_shards(folders, provenance);
  Corpus& corpus = set.corpus;
  const LoadedRules& rules = rules_of(options);
  const auto brackets = rank_brackets(rules.rules);
  // The parts: every one of one count, each aligned from this shard set.
  std::vector<fs::path> parts;
  for (const fs::path& folder : folders) {
    if (!is_part(folder)) continue;
    const auto sums = read_sums(folder);
    const toml::table m = read_manifest(folder, kPartManifest, sums);
    if (str(m, "kind") != kPartKind || num(m, "format") != kFormat)
      fail(folder,
           std::string(kPartManifest) + " is not a part of this format (made by another version?)");
    const auto* made = m["made"].as_table();
    if (made == nullptr) fail(folder, std::string(kPartManifest) + " does not say what made it");
    if (const auto problem = provenance_problem(*made, set.made, "the part"); !problem.empty())
      fail(folder, problem);
    const std::int64_t index = num(m, "part"), count = num(m, "parts");
    if (count < 1 || count > kMaxSlices || index < 1 || index > count)
      fail(folder, "no part number in part.toml");
    if (str(m, "shards") != set.fingerprint)
      fail(folder, "part " + slice_text(index, count) +
                       " was aligned from other shards than those given (made again since?): "
                       "align it again");
    std::vector<std::uint32_t> ranks;
    if (const auto* a = m["rank_brackets"].as_array())
      for (const auto& r : *a) ranks.push_back(static_cast<std::uint32_t>(r.value_or(0)));
    if (ranks != brackets) fail(folder, "the part judged pairs at other ranks than these rules");
    if (parts.empty()) parts.resize(static_cast<std::size_t>(count));
    if (static_cast<std::int64_t>(parts.size()) != count)
      fail(folder, "part " + slice_text(index, count) + " is of another split than part 1 of " +
                       std::to_string(parts.size()));
    auto& slot = parts[static_cast<std::size_t>(index - 1)];
    if (!slot.empty())
      fail(folder,
           "part " + slice_text(index, count) + " is given twice (also " + slot.string() + ")");
    slot = folder;
    if (sums.find(kPairs) == sums.end())
      fail(folder, std::string(kPairs) + " is not in its manifest");
  }
  if (parts.empty())
    throw ShardError("error: no part folder among those given (a part folder holds " +
                     std::string(kPartManifest) + "; make them with `crosscheck align`)");
  for (std::size_t i = 0; i < parts.size(); ++i)
    if (parts[i].empty())
      throw ShardError(
          "error: part " +
          slice_text(static_cast<std::int64_t>(i + 1), static_cast<std::int64_t>(parts.size())) +
          " is missing: no folder given holds it (make it with `crosscheck align "
          "SHARDS... --part " +
          std::to_string(i + 1) + "/" + std::to_string(parts.size()) + " --out DIR`)");
  // Each part's pairs, read once, checked against the manifest's SHA-256; only where each
  // pair's findings lie is kept.
  std::vector<PairLocation> all;
  std::vector<File> files;
  for (std::uint32_t k = 0; k < parts.size(); ++k) {
    const fs::path path = parts[k] / kPairs;
    std::string bytes;
    if (const int e = read_whole_file(path.string(), bytes); e != 0)
      fail(parts[k], std::string("cannot read ") + kPairs);
    if (read_sums(parts[k]).at(kPairs) != sha256_hex(bytes))
      fail(parts[k], std::string(kPairs) +
                         " is damaged (its SHA-256 is not the one manifest.sha256 holds); align "
                         "this part again");
    bytes::Reader r(bytes);
    try {
      while (!r.done()) {
        PairLocation p;
        p.a = r.u32(), p.b = r.u32();
        p.score = r.f64();
        p.part = k;
        const std::uint32_t size = r.u32();
        p.offset = bytes.size() - r.rest().size();
        p.size = size;
        if (size > r.rest().size()) throw std::runtime_error("a pair's findings end early");
        if (p.a >= p.b || p.b >= corpus.statements.size())
          throw std::runtime_error("a pair of statements the shards do not hold");
        check_judged(r.rest().substr(0, size), p, brackets.size());
        r.skip(size);
        all.push_back(p);
      }
    } catch (const std::exception& e) {
      fail(parts[k], std::string(kPairs) + " does not read back: " + e.what());
    }
    files.emplace_back(path);
  }
  // As merge_pairs does: sorted by (a, b), each pair once (two parts may both hold one).
  std::sort(all.begin(), all.end(), [](const PairLocation& x, const PairLocation& y) {
    return std::tie(x.a, x.b, x.part) < std::tie(y.a, y.b, y.part);
  });
  all.erase(std::unique(all.begin(), all.end(),
                        [](const PairLocation& x, const PairLocation& y) {
                          return x.a == y.a && x.b == y.b;
                        }),
            all.end());
  corpus.pairs.assign(all.size(), Pair{});
  for (std::size_t i = 0; i < all.size(); ++i) {
    corpus.pairs[i].a = all[i].a;
    corpus.pairs[i].b = all[i].b;
    corpus.pairs[i].score = all[i].score;
  }
  std::optional<AlignIndex> index;
  if (options.anchors) {
    index.emplace(corpus.statements, source_numbers(corpus), align_options(options, rules.lexicon));
    index->release_postings();
  }
  const auto judge = [&]() -> Judge {
    return [&](std::uint32_t i) -> std::optional<Finding> {
      const PairLocation& at = all[i];
      std::string bytes;
      if (!files[at.part].read(at.offset, at.size, bytes))
        throw ShardError(parts[at.part].string() + ": error: " + kPairs + " cannot be read again");
      bytes::Reader r(bytes);
      const std::uint8_t forms = r.u8();
      if (forms == 0) return std::nullopt;
      const std::size_t take = forms == 1 ? 0 : bracket_of(brackets, corpus.pairs[i].best_rank());
      for (std::size_t f = 0; f < take; ++f)
        if (r.u8() != 0) (void)read_finding(r);
      if (r.u8() == 0) return std::nullopt;
      return read_finding(r);
    };
  };
  // The findings are made: the words serve only the events, read a block at a time.
  conclude(corpus, options, rules, set.words, judge, index, {},
           [&set](std::uint32_t statement, Statement& into) { set.load_words(statement, into); });
  return std::move(corpus);
}

}  // namespace crosscheck
