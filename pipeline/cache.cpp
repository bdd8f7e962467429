#include "cache.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unicode/uversion.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "bytes.hpp"
#include "corpus_files.hpp"
#include "crosscheck/checksum.hpp"
#include "crosscheck/sha256.hpp"
#include "reports/reports.hpp"

namespace crosscheck {
namespace fs = std::filesystem;

namespace {

using bytes::Reader;
using bytes::Writer;

// Bump when the payload layout or any serialised core type changes.
constexpr std::string_view kFormat = "crosscheck-analysis-18";
constexpr std::string_view kMagic = "CCACHE01";

// The program's checksum (core's checksum64), part of its identity.
std::uint64_t checksum(std::string_view bytes) { return checksum64(bytes); }

constexpr std::size_t kSecretBytes = 32;
constexpr std::string_view kSecretFile = "secret";

// An entry's signature: HMAC-SHA256 of its payload under a key derived from the cache's
// secret and the entry's key, so that an entry is genuine only under its own name.
std::string signature(std::string_view secret, std::string_view key, std::string_view payload) {
  return hmac_sha256(hmac_sha256(secret, key), payload);
}

// Whether `sum` is the payload's signature, compared in constant time.
bool same_signature(std::string_view secret, std::string_view key, std::string_view payload,
                    std::string_view sum) {
  const std::string expected = signature(secret, key, payload);
  if (sum.size() != expected.size()) return false;
  unsigned char differ = 0;  // every byte looked at, whatever the first difference
  for (std::size_t i = 0; i < sum.size(); ++i)
    differ |= static_cast<unsigned char>(sum[i] ^ expected[i]);
  return differ == 0;
}

// Makes the cache folder's secret: 32 random bytes in a file only its owner can read,
// written unnamed and then linked, so that a reader never sees part of it and a secret
// another run made first is kept (linkat never replaces). "" when it exists already.
std::string make_secret(const fs::path& path) {
  char bytes[kSecretBytes];
  for (std::size_t got = 0; got < sizeof bytes;) {
    const ssize_t n = ::getrandom(bytes + got, sizeof bytes - got, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return std::string("cannot draw random bytes: ") + std::strerror(errno);
    got += static_cast<std::size_t>(n);
  }
  const fs::path folder = path.parent_path();
  int fd = ::access("/proc/self/fd", X_OK) == 0
               ? ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600)
               : -1;
  std::string named;
  if (fd < 0) {  // no unnamed files here: a fresh name, then a link
    named = (folder / ".secret-XXXXXX").string();
    fd = ::mkostemp(named.data(), O_CLOEXEC);
    if (fd < 0) return std::strerror(errno);
  }
  ::fchmod(fd, 0600);
  int error = ::write(fd, bytes, sizeof bytes) == static_cast<ssize_t>(sizeof bytes) ? 0 : EIO;
  if (error == 0 && ::fsync(fd) != 0) error = errno;
  if (error == 0) {
    const int linked = named.empty()
                           ? ::linkat(AT_FDCWD, ("/proc/self/fd/" + std::to_string(fd)).c_str(),
                                      AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW)
                           : ::link(named.c_str(), path.c_str());
    if (linked != 0 && errno != EEXIST) error = errno;
  }
  ::close(fd);
  if (!named.empty()) ::unlink(named.c_str());
  return error == 0 ? "" : std::strerror(error);
}

// The key that signs the entries: CROSSCHECK_CACHE_SECRET when it is set, else the cache
// folder's `secret` file, made on first use. A secret file is trusted only when it is a
// regular file of 32 bytes that this user owns and nobody else may read or write; any other
// file at that name (a link, one planted by another user) is replaced, and the entries
// signed with it are rebuilt. Empty, with `problem` set, when no secret can be had.
std::string cache_secret(const fs::path& root, std::string& problem) {
  if (const char* given = std::getenv("CROSSCHECK_CACHE_SECRET"); given != nullptr && *given)
    return given;
  const fs::path path = root / kSecretFile;
  // One run at a time judges, replaces or makes the secret (a lock on the folder), so that
  // two runs never remove each other's new one.
  const int folder = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder < 0 || ::flock(folder, LOCK_EX) != 0) {
    problem = "cannot lock the cache folder " + root.string() + ": " + std::strerror(errno);
    if (folder >= 0) ::close(folder);
    return "";
  }
  struct Unlock {
    int fd;
    ~Unlock() { ::close(fd); }
  } unlock{folder};
  for (int attempt = 0; attempt < 3; ++attempt) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) {
      if (std::string error = make_secret(path); !error.empty()) {
        problem = "cannot make the cache's secret " + path.string() + ": " + error;
        return "";
      }
      continue;
    }
    if (fd < 0 && errno != ELOOP) {  // unreadable for now (EACCES, EMFILE): left alone
      problem = "cannot read the cache's secret " + path.string() + ": " + std::strerror(errno);
      return "";
    }
    struct stat info {};
    std::string secret(kSecretBytes, '\0');
    const bool trusted =
        fd >= 0 && ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_uid == ::geteuid() &&
        (info.st_mode & 077) == 0 && info.st_nlink == 1 &&
        info.st_size == static_cast<off_t>(kSecretBytes) &&
        ::read(fd, secret.data(), kSecretBytes) == static_cast<ssize_t>(kSecretBytes);
    if (fd >= 0) ::close(fd);
    if (trusted) return secret;
    std::error_code ignored;
    fs::remove(path, ignored);  // a link, not ours, or not whole: a new one
  }
  problem = "cannot make the cache's secret " + path.string();
  return "";
}

template <class E>
E enum_of(std::uint8_t v, E last) {
  if (v > static_cast<std::uint8_t>(last)) throw std::runtime_error("bad enum value");
  return static_cast<E>(v);
}

void write_token(Writer& w, const Token& t) {
  w.span(t.span);
  w.u8(static_cast<std::uint8_t>(t.kind));
  w.str(t.lower);
  w.str(t.lemma);
  w.u8(static_cast<std::uint8_t>(t.stop | t.verb << 1 | t.entity << 2 | t.negated << 3 |
                                 t.in_phrase << 4 | t.hedged << 5 | t.light << 6));
  w.u8(static_cast<std::uint8_t>(t.upos));
  w.u8(static_cast<std::uint8_t>(t.dep));
  w.u32(static_cast<std::uint32_t>(t.head + 1));
}

Token read_token(Reader& r) {
  Token t;
  t.span = r.span();
  t.kind = enum_of(r.u8(), Token::Kind::kPunct);
  t.lower = r.str();
  t.lemma = r.str();
  const std::uint8_t flags = r.u8();
  t.stop = flags & 1, t.verb = flags & 2, t.entity = flags & 4, t.negated = flags & 8;
  t.in_phrase = flags & 16, t.hedged = flags & 32, t.light = flags & 64;
  t.upos = enum_of(r.u8(), Upos::kX);
  t.dep = enum_of(r.u8(), Dep::kNummod);
  t.head = static_cast<std::int32_t>(r.u32() - 1u);
  return t;
}

void write_record(Writer& w, const Record& r) {
  w.u8(static_cast<std::uint8_t>(r.kind));
  w.u32(r.token);
  w.u8(static_cast<std::uint8_t>(r.polarity));
  w.u32(static_cast<std::uint32_t>(r.negation + 1));
  w.u8(static_cast<std::uint8_t>(r.modality));
  w.str(r.modality_cue);
  w.u8(r.reported);
  w.u32(static_cast<std::uint32_t>(r.doer.token + 1));
  w.u32(static_cast<std::uint32_t>(r.object.token + 1));
  w.list(r.arguments, [&](const Argument& a) {
    w.u8(static_cast<std::uint8_t>(a.relation));
    w.u32(static_cast<std::uint32_t>(a.prep + 1));
    w.u32(static_cast<std::uint32_t>(a.word.token + 1));
  });
  w.list(r.times, [&](std::uint32_t x) { w.u32(x); });
  w.list(r.amounts, [&](std::uint32_t x) { w.u32(x); });
}

Record read_record(Reader& r) {
  auto index = [&] { return static_cast<std::int32_t>(r.u32() - 1u); };
  Record x;
  x.kind = enum_of(r.u8(), Record::Kind::kLight);
  x.token = r.u32();
  x.polarity = enum_of(r.u8(), Polarity::kNegative);
  x.negation = static_cast<std::int32_t>(r.u32() - 1u);
  x.modality = enum_of(r.u8(), Modality::kQuestion);
  x.modality_cue = r.str();
  x.reported = r.u8() != 0;
  x.doer.token = index();
  x.object.token = index();
  x.arguments = r.list<Argument>([&] {
    Argument a;
    a.relation = enum_of(r.u8(), Dep::kNummod);
    a.prep = index();
    a.word.token = index();
    return a;
  });
  x.times = r.list<std::uint32_t>([&] { return r.u32(); });
  x.amounts = r.list<std::uint32_t>([&] { return r.u32(); });
  return x;
}

void write_statement(Writer& w, const Statement& s) {
  w.u32(s.sentence);
  w.u32(s.index);
  w.span(s.span);
  w.strings(s.terms);
  w.strings(s.frame_terms);
  w.strings(s.entities);
  w.strings(s.predicates);
  w.str(s.subject);
  w.str(s.predicate);
  w.str(s.object);
  w.u8(static_cast<std::uint8_t>(s.polarity));
  w.list(s.negations, [&](const Negation& n) {
    w.str(n.cue);
    w.u32(n.token), w.u32(n.scope_begin), w.u32(n.scope_end);
    w.u32(static_cast<std::uint32_t>(n.head + 1));
  });
  w.u8(static_cast<std::uint8_t>(s.modality));
  w.str(s.attributed_to);
  w.str(s.frame);
  w.strings(s.hedges);
  w.list(s.times, [&](const TimeInterval& t) {
    w.i32(t.first_day), w.i32(t.last_day);
    w.u8(static_cast<std::uint8_t>(t.precision));
    w.u8(t.relative);
    w.str(t.text);
    w.u32(t.token), w.u32(t.token_end);
  });
  w.list(s.quantities, [&](const Quantity& q) {
    w.f64(q.low), w.f64(q.high);
    w.u8(q.approximate);
    w.u8(static_cast<std::uint8_t>(q.kind));
    w.str(q.unit);
    w.str(q.stated);
    w.str(q.text);
    w.u32(q.token), w.u32(q.token_end);
  });
}

Statement read_statement(Reader& r) {
  Statement s;
  s.sentence = r.u32();
  s.index = r.u32();
  s.span = r.span();
  s.terms = r.strings<Spelling>();
  s.frame_terms = r.strings<Spelling>();
  s.entities = r.strings<Spelling>();
  s.predicates = r.strings<Spelling>();
  s.subject = r.str();
  s.predicate = r.str();
  s.object = r.str();
  s.polarity = enum_of(r.u8(), Polarity::kNegative);
  s.negations = r.list<Negation>([&] {
    Negation n;
    n.cue = r.str();
    n.token = r.u32(), n.scope_begin = r.u32(), n.scope_end = r.u32();
    n.head = static_cast<std::int32_t>(r.u32() - 1u);
    return n;
  });
  s.modality = enum_of(r.u8(), Modality::kQuestion);
  s.attributed_to = r.str();
  s.frame = r.str();
  s.hedges = r.strings<Spelling>();
  s.times = r.list<TimeInterval>([&] {
    TimeInterval t;
    t.first_day = r.i32(), t.last_day = r.i32();
    t.precision = enum_of(r.u8(), DayRange::Grain::kDay);
    t.relative = r.u8() != 0;
    t.text = r.str();
    t.token = r.u32(), t.token_end = r.u32();
    return t;
  });
  s.quantities = r.list<Quantity>([&] {
    Quantity q;
    q.low = r.f64(), q.high = r.f64();
    q.approximate = r.u8() != 0;
    q.kind = enum_of(r.u8(), Quantity::Kind::kScore);
    q.unit = r.str();
    q.stated = r.str();
    q.text = r.str();
    q.token = r.u32(), q.token_end = r.u32();
    return q;
  });
  return s;
}

bool read_whole(const std::string& path, std::string& out) {
  return read_whole_file(path, out) == 0;
}

}  // namespace

std::string program_identity() {
  // The program's own bytes, so that any rebuild that changes the analysis (a new
  // segmentation rule, say) misses the old entries; and the ICU it runs with, a shared
  // library that segments and normalises.
  std::string self;
  std::string identity = read_whole("/proc/self/exe", self) ? std::to_string(checksum(self))
                                                            : std::string("unknown-build");
  UVersionInfo icu;
  u_getVersion(icu);
  char version[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(icu, version);
  return identity + " icu " + version;
}

std::string analysis_to_bytes(const AnalysedDocument& a) {
  // Two sections: everything but the words, then the words (each statement's tokens), so
  // that a run can leave the words of documents it does not compare undecoded.
  // The words section: the statements' count, where each one's words begin (from the end
  // of this table), then each statement's tokens and records; so that one statement's words
  // can be read alone (statement_words).
  Writer entries;
  std::vector<std::uint32_t> starts;
  for (const Statement& s : a.statements) {
    starts.push_back(static_cast<std::uint32_t>(entries.size()));
    entries.list(s.tokens, [&](const Token& t) { write_token(entries, t); });
    entries.list(s.records, [&](const Record& r) { write_record(entries, r); });
  }
  if (entries.size() > 0xFFFFFFFFu) throw std::length_error("a document's words over 4 GiB");
  Writer words;
  words.u32(static_cast<std::uint32_t>(starts.size()));
  for (const std::uint32_t x : starts) words.u32(x);
  std::string words_bytes = words.take() + entries.take();
  Writer w;
  const Document& d = a.document;
  // The NFC text only when it differs from the original; a sentence's text is its span
  // of the original.
  w.str(d.original);
  w.u8(d.text == d.original);
  if (d.text != d.original) w.str(d.text);
  w.list(d.norm_to_orig, [&](std::uint32_t x) { w.u32(x); });
  w.list(d.clutter, [&](Span s) { w.span(s); });
  w.u8(d.dating.day.has_value());
  w.i32(d.dating.day.value_or(0));
  w.u8(d.dating.from_text);
  w.span(d.dating.where);
  w.list(d.warnings, [&](const Diagnostic& x) {
    w.u32(x.line), w.u32(x.col);
    w.str(x.message);
  });
  w.list(a.sentences, [&](const Sentence& s) {
    w.u32(s.index);
    w.span(s.span);
    w.span(s.original);
    w.u32(s.line), w.u32(s.col);
  });
  w.list(a.statements, [&](const Statement& s) { write_statement(w, s); });
  std::string rest = w.take();
  Writer out;
  out.u64(rest.size());
  return out.take() + rest + words_bytes;
}

namespace {

// Reads one statement's words (its tokens and records) and checks that everything the rules
// index by them stays inside the statement.
void read_statement_words(Reader& r, Statement& s) {
  s.tokens = r.list<Token>([&] { return read_token(r); });
  s.records = r.list<Record>([&] { return read_record(r); });
  const std::size_t n = s.tokens.size();
  for (const auto& t : s.tokens)
    if (t.head < -1 || t.head >= static_cast<std::int32_t>(n))
      throw std::runtime_error("a word's head outside its statement");
  for (const auto& x : s.negations)
    if (x.token >= n || x.scope_begin > x.scope_end || x.scope_end > n ||
        x.head >= static_cast<std::int64_t>(n))
      throw std::runtime_error("negation outside its statement");
  for (const auto& t : s.times)
    if (t.token > t.token_end || t.token_end > n) throw std::runtime_error("time outside");
  for (const auto& q : s.quantities)
    if (q.token >= n) throw std::runtime_error("amount outside its statement");
  auto role_fits = [n](const Role& x) { return x.token < static_cast<std::int64_t>(n); };
  for (const auto& rec : s.records) {
    bool ok = rec.token < n && role_fits(rec.doer) && role_fits(rec.object) &&
              rec.negation < static_cast<std::int64_t>(s.negations.size());
    for (const auto& arg : rec.arguments)
      ok = ok && role_fits(arg.word) && arg.prep < static_cast<std::int64_t>(n);
    for (const auto t : rec.times) ok = ok && t < s.times.size();
    for (const auto q : rec.amounts) ok = ok && q < s.quantities.size();
    if (!ok) throw std::runtime_error("record outside its statement");
  }
}

}  // namespace

std::vector<std::uint32_t> statement_word_starts(std::string_view bytes) {
  Reader r(bytes);
  const std::uint32_t count = r.u32();
  if (count > r.rest().size() / 4) throw std::runtime_error("words of another analysis");
  std::vector<std::uint32_t> starts(count);
  for (auto& x : starts) x = r.u32();
  const std::size_t size = r.rest().size();
  for (std::size_t i = 0; i < count; ++i)
    if (starts[i] > size || (i > 0 && starts[i] < starts[i - 1]))
      throw std::runtime_error("words out of order");
  for (auto& x : starts) x += 4 + 4 * count;  // from the section's beginning
  return starts;
}

void decode_tokens(std::string_view bytes, Statement* statements, std::size_t count) {
  const std::vector<std::uint32_t> starts = statement_word_starts(bytes);
  if (starts.size() != count) throw std::runtime_error("words of another analysis");
  Reader r(bytes);
  r.skip(4 + 4 * count);
  for (std::size_t i = 0; i < count; ++i) {
    if (bytes.size() - r.rest().size() != starts[i]) throw std::runtime_error("words out of place");
    read_statement_words(r, statements[i]);
  }
  if (!r.done()) throw std::runtime_error("bytes after the words");
}

void decode_statement_words(std::string_view bytes, Statement& statement) {
  Reader r(bytes);
  read_statement_words(r, statement);
  if (!r.done()) throw std::runtime_error("bytes after a statement's words");
}

AnalysedDocument analysis_from_bytes(std::string_view bytes, bool defer_tokens) {
  Reader head(bytes);
  const std::uint64_t size = head.u64();
  if (size > head.rest().size()) throw std::runtime_error("entry ends early");
  Reader r(head.rest().substr(0, size));
  const std::string_view words = head.rest().substr(size);
  AnalysedDocument a;
  Document& d = a.document;
  // Offsets must stay inside the texts they index, or a report would read out of bounds.
  const auto fits = [](Span s, std::size_t limit) { return s.begin <= s.end && s.end <= limit; };
  d.original = r.str();
  d.text = r.u8() != 0 ? d.original : r.str();
  d.norm_to_orig = r.list<std::uint32_t>([&] { return r.u32(); });
  d.clutter = r.list<Span>([&] { return r.span(); });
  const bool dated = r.u8() != 0;
  const std::int32_t day = r.i32();
  if (dated) d.dating.day = day;
  d.dating.from_text = r.u8() != 0;
  d.dating.where = r.span();
  if (!fits(d.dating.where, d.text.size())) throw std::runtime_error("date outside its document");
  d.warnings = r.list<Diagnostic>([&] {
    Diagnostic x;  // its file is the document's path, set where the entry is taken
    x.severity = Diagnostic::Severity::kWarning;
    x.line = r.u32(), x.col = r.u32();
    x.message = r.str();
    return x;
  });
  a.sentences = r.list<Sentence>([&] {
    Sentence s;
    s.index = r.u32();
    s.span = r.span();
    s.original = r.span();
    s.line = r.u32(), s.col = r.u32();
    if (!fits(s.span, d.text.size()) || !fits(s.original, d.original.size()))
      throw std::runtime_error("sentence outside its document");
    s.text = d.original.substr(s.original.begin, s.original.size());
    return s;
  });
  a.statements = r.list<Statement>([&] { return read_statement(r); });
  if (!r.done()) throw std::runtime_error("bytes after the analysis");
  if (!d.norm_to_orig.empty() && d.norm_to_orig.size() != d.text.size() + 1)
    throw std::runtime_error("offset map of the wrong size");
  for (const auto& s : a.statements)
    if (!fits(s.span, d.text.size()) || s.sentence >= a.sentences.size())
      throw std::runtime_error("statement outside its document");
  if (defer_tokens)
    a.deferred_tokens = words;
  else
    decode_tokens(words, a.statements.data(), a.statements.size());
  return a;
}

namespace {

// A generation folder's name: 16 hex digits of the salt's hash.
std::string generation_of(std::string_view salt) {
  std::string material(kFormat);
  material += '\n';
  material += salt;
  return sha256_hex(material).substr(0, 16);
}

bool is_generation_name(const std::string& name) {
  return name.size() == 16 && std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace

AnalysisCache::AnalysisCache(std::string dir, std::string salt)
    : root_(std::move(dir)),
      dir_((fs::path(root_) / generation_of(salt)).string()),
      salt_(std::move(salt)) {
  std::error_code ec;
  fs::create_directories(root_, ec);
  secret_ = cache_secret(root_, problem_);
}

std::size_t AnalysisCache::prune(std::chrono::hours unused_for) const {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  const auto now = fs::file_time_type::clock::now();
  fs::last_write_time(dir_, now, ec);
  const std::string mine = fs::path(dir_).filename().string();
  std::size_t removed = 0;
  for (fs::directory_iterator it(root_, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& path = it->path();
    const std::string name = path.filename().string();
    std::error_code item;
    bool stale = false;
    if (it->is_directory(item) && is_generation_name(name) && name != mine)
      stale = now - fs::last_write_time(path, item) > unused_for && !item;
    else if (it->is_regular_file(item) && path.extension() == ".analysis")
      stale = true;  // an entry of the layout before generations: no longer read
    if (stale && fs::remove_all(path, item) > 0 && !item) ++removed;
  }
  // Temporaries in this generation: a run killed between naming an entry and renaming it
  // leaves one ("….analysis.tmp-<random>"; older builds' "….analysis.tmp.<pid>.<tid>").
  // A live run's lasts microseconds, so an hour-old one is a dead run's.
  for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code item;
    if (name.find(".analysis.tmp") != std::string::npos && it->is_regular_file(item) &&
        now - fs::last_write_time(it->path(), item) > std::chrono::hours(1) && !item &&
        fs::remove(it->path(), item) && !item)
      ++removed;
  }
  return removed;
}

std::string AnalysisCache::key(std::string_view path, std::string_view content_hash) const {
  std::string material(kFormat);
  material += '\n' + salt_ + '\n' + fs::path(path).extension().string() + '\n';
  material += content_hash;
  return sha256_hex(material);
}

std::string AnalysisCache::path_of(const std::string& key) const {
  return (fs::path(dir_) / (key + ".analysis")).string();
}

AnalysisCache::Lookup AnalysisCache::load(const std::string& key, AnalysedDocument& out) const {
  const std::string path = path_of(key);
  thread_local std::string entry;  // reused: a warm run reads a thousand entries
  if (!read_whole(path, entry)) return Lookup::kMiss;
  try {
    Reader r(entry);
    for (const char c : kMagic)
      if (static_cast<char>(r.u8()) != c) throw std::runtime_error("not a cache entry");
    if (r.str() != kFormat || r.str() != key) throw std::runtime_error("foreign entry");
    const std::uint64_t size = r.u64();
    const std::string sum = r.str();
    const std::string_view payload = r.rest();
    if (secret_.empty() || payload.size() != size || !same_signature(secret_, key, payload, sum))
      throw std::runtime_error("not signed with this cache's secret");
    out = analysis_from_bytes(payload, /*defer_tokens=*/true);
    return Lookup::kHit;
  } catch (const std::exception&) {
    std::error_code ignored;
    fs::remove(path, ignored);
    return Lookup::kDamaged;
  }
}

bool AnalysisCache::store(const std::string& key, const AnalysedDocument& analysed) const {
  if (secret_.empty()) return false;
  std::error_code ec;
  fs::create_directories(dir_, ec);
  const std::string payload = analysis_to_bytes(analysed);
  Writer header;
  for (const char c : kMagic) header.u8(static_cast<std::uint8_t>(c));
  header.str(kFormat);
  header.str(key);
  header.u64(payload.size());
  header.str(signature(secret_, key, payload));
  // Put in place in one step (write_atomically). No fsync: an entry lost to a crash is
  // only analysed again, and a torn one fails its signature.
  const std::string head = header.take();
  return write_atomically(
             path_of(key), [&](std::ostream& out) { out << head << payload; }, false)
      .empty();
}

}  // namespace crosscheck
