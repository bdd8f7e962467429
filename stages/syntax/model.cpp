// The model file: "CCSYNTAX", a format number, the tokeniser's and lemmatiser's tables,
// the labels, tag dictionary and tag sets, four weight tables stored sparsely with a byte
// a weight (only the rows with a weight left after pruning), then a 64-bit checksum of all
// that, so that a truncated or damaged file is refused rather than half-read, and its
// SHA-256, the model's name (fingerprint).
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <map>
#include <stdexcept>

#include "crosscheck/checksum.hpp"
#include "crosscheck/sha256.hpp"
#include "detail.hpp"

namespace crosscheck {
namespace {

constexpr std::string_view kMagic = "CCSYNTAX";
constexpr std::uint32_t kFormat = 3;
constexpr std::size_t kTrailer = 8 + 32;  // the checksum, then the SHA-256

// The integrity check, run on every load (SHA-256 of 9 MB took longer than decoding); the
// SHA-256 after it names the model.
std::uint64_t checksum(std::string_view b) { return checksum64(b); }

class Writer {
 public:
  void u32(std::uint32_t v) { raw(&v, 4); }
  void f32(float v) { raw(&v, 4); }
  void varint(std::uint64_t v) {
    while (v >= 0x80) {
      out.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out.push_back(static_cast<char>(v));
  }
  void str(std::string_view s) {
    varint(s.size());
    out.append(s);
  }
  void raw(const void* p, std::size_t n) { out.append(static_cast<const char*>(p), n); }
  std::string out;
};

class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  std::uint32_t u32() {
    std::uint32_t v;
    std::memcpy(&v, take(4), 4);
    return v;
  }
  float f32() {
    float v;
    std::memcpy(&v, take(4), 4);
    return v;
  }
  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const auto c = static_cast<unsigned char>(*take(1));
      v |= static_cast<std::uint64_t>(c & 0x7F) << shift;
      if (!(c & 0x80)) return v;
    }
    throw std::runtime_error("bad number");
  }
  std::string str() {
    const std::uint64_t n = varint();
    return std::string(take(n), n);
  }
  const char* take(std::uint64_t n) {
    if (n > b_.size() - pos_) throw std::runtime_error("truncated");
    const char* p = b_.data() + pos_;
    pos_ += n;
    return p;
  }
  bool at_end() const { return pos_ == b_.size(); }

 private:
  std::string_view b_;
  std::size_t pos_ = 0;
};

template <class Set>
std::vector<std::string> sorted(const Set& s) {
  std::vector<std::string> v(s.begin(), s.end());
  std::sort(v.begin(), v.end());
  return v;
}

// A table: its shape, then each row that has a weight left: the distance from the last
// such row, a bit mask of its classes with weights, a power-of-two scale and one signed
// byte per weight. Weights below `prune` times the table's mean magnitude are dropped.
void write_table(Writer& w, const detail::Table& t, double prune) {
  double sum = 0;
  std::size_t nonzero = 0;
  for (float x : t.w)
    if (x != 0) sum += std::fabs(x), ++nonzero;
  const double floor = nonzero ? prune * sum / nonzero : 0;
  w.u32(t.bits);
  w.u32(t.classes);
  const std::size_t rows = std::size_t{1} << t.bits, mask_bytes = (t.classes + 7) / 8;
  std::vector<signed char> q(t.classes);
  Writer body;
  std::uint64_t count = 0, last = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    const float* row = &t.w[r * t.classes];
    float max = 0;
    for (std::uint32_t c = 0; c < t.classes; ++c)
      if (std::fabs(row[c]) >= floor) max = std::max(max, std::fabs(row[c]));
    if (max == 0) continue;
    const int e = static_cast<int>(std::ceil(std::log2(max / 127.0)));
    const double unit = std::ldexp(1.0, e);
    std::vector<unsigned char> mask(mask_bytes, 0);
    bool any = false;
    for (std::uint32_t c = 0; c < t.classes; ++c) {
      const double v = std::fabs(row[c]) < floor ? 0 : std::round(row[c] / unit);
      q[c] = static_cast<signed char>(std::clamp(v, -127.0, 127.0));
      if (q[c] != 0) {
        mask[c / 8] |= static_cast<unsigned char>(1u << (c % 8));
        any = true;
      }
    }
    if (!any) continue;
    body.varint(r - last);
    last = r;
    ++count;
    body.raw(mask.data(), mask_bytes);
    const signed char exponent = static_cast<signed char>(std::clamp(e, -126, 126));
    body.raw(&exponent, 1);
    for (std::uint32_t c = 0; c < t.classes; ++c)
      if (q[c] != 0) body.raw(&q[c], 1);
  }
  w.varint(count);
  w.out += body.out;
}

// 2^e for the scale byte e of a row.
float unit_of(int e) {
  static const std::array<float, 256> kUnits = [] {
    std::array<float, 256> u{};
    for (int i = 0; i < 256; ++i) u[i] = std::ldexp(1.0f, i - 128);
    return u;
  }();
  return kUnits[static_cast<std::size_t>(e + 128)];
}

void read_table(Reader& r, detail::Table& t) {
  const std::uint32_t bits = r.u32(), classes = r.u32();
  if (bits < 4 || bits > 26 || classes == 0 || classes > 256)
    throw std::runtime_error("bad table shape");
  t.resize_packed(bits, classes);
  const std::uint64_t count = r.varint();
  const std::size_t rows = std::size_t{1} << bits, mask_bytes = (classes + 7) / 8;
  std::size_t row = 0;
  for (std::uint64_t k = 0; k < count; ++k) {
    row += r.varint();
    if (row >= rows) throw std::runtime_error("row out of range");
    const auto* mask = reinterpret_cast<const unsigned char*>(r.take(mask_bytes));
    *t.scale_of(row) = unit_of(static_cast<signed char>(*r.take(1)));
    std::size_t set = 0;
    for (std::size_t b = 0; b < mask_bytes; ++b)
      set += static_cast<std::size_t>(std::popcount(mask[b]));
    const char* value = r.take(set);  // one bounds check for the row's weights
    std::int8_t* q = t.bytes_of(row);
    for (std::size_t b = 0; b < mask_bytes; ++b)
      for (unsigned m = mask[b]; m != 0; m &= m - 1) {
        const std::size_t c = b * 8 + static_cast<std::size_t>(std::countr_zero(m));
        if (c >= classes) throw std::runtime_error("class out of range");
        q[c] = static_cast<std::int8_t>(*value++);
      }
  }
}

}  // namespace

namespace detail {

std::string serialize(const SyntaxModel& m, double prune) {
  Writer w;
  w.raw(kMagic.data(), kMagic.size());
  w.u32(kFormat);
  const auto& tk = m.tokenizer;
  for (const auto* set : {&tk.abbreviations, &tk.hyphenated, &tk.symbols, &tk.hyphen_shapes}) {
    const auto v = sorted(*set);
    w.varint(v.size());
    for (const auto& s : v) w.str(s);
  }
  w.varint(tk.clitics.size());
  for (const auto& s : tk.clitics) w.str(s);
  const std::map<std::string, std::vector<std::uint8_t>> splits(tk.splits.begin(), tk.splits.end());
  w.varint(splits.size());
  for (const auto& [form, lengths] : splits) {
    w.str(form);
    w.str(std::string(lengths.begin(), lengths.end()));
  }
  const std::map<std::string, std::string> forms(m.lemmas.forms.begin(), m.lemmas.forms.end());
  w.varint(forms.size());
  for (const auto& [k, v] : forms) w.str(k), w.str(v);
  const std::map<std::string, std::pair<std::uint8_t, std::string>> rules(m.lemmas.rules.begin(),
                                                                          m.lemmas.rules.end());
  w.varint(rules.size());
  for (const auto& [k, v] : rules) w.str(k), w.varint(v.first), w.str(v.second);
  w.varint(m.labels.size());
  for (const auto& s : m.labels) w.str(s);
  const std::map<std::string, int> dict(m.tag_dictionary.begin(), m.tag_dictionary.end());
  w.varint(dict.size());
  for (const auto& [k, v] : dict) w.str(k), w.varint(v);
  const std::map<std::string, std::uint32_t> sets(m.tag_sets.begin(), m.tag_sets.end());
  w.varint(sets.size());
  for (const auto& [k, v] : sets) w.str(k), w.varint(v);
  write_table(w, m.splitter, prune);
  write_table(w, m.tagger, prune);
  write_table(w, m.transitions, prune);
  write_table(w, m.labeller, prune);
  const std::uint64_t sum = checksum(w.out);
  const std::string name = sha256(w.out);
  w.raw(&sum, 8);
  w.out += name;
  return w.out;
}

}  // namespace detail

bool check_syntax_model(std::string_view bytes, std::string& error) {
  if (bytes.size() < kMagic.size() || bytes.substr(0, kMagic.size()) != kMagic) {
    error = "not a crosscheck syntax model (no CCSYNTAX header)";
    return false;
  }
  std::uint64_t sum = 0;
  if (bytes.size() >= kMagic.size() + 4 + kTrailer)
    std::memcpy(&sum, bytes.data() + bytes.size() - kTrailer, 8);
  if (bytes.size() < kMagic.size() + 4 + kTrailer ||
      checksum(bytes.substr(0, bytes.size() - kTrailer)) != sum) {
    error = "damaged or truncated model (checksum mismatch)";
    return false;
  }
  std::uint32_t f;
  std::memcpy(&f, bytes.data() + kMagic.size(), 4);
  if (f != kFormat) {
    error = "model format " + std::to_string(f) + ", this program reads format " +
            std::to_string(kFormat);
    return false;
  }
  return true;
}

std::string model_fingerprint(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes.substr(bytes.size() >= 32 ? bytes.size() - 32 : 0)) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

std::shared_ptr<const SyntaxModel> load_syntax_model(std::string_view bytes, std::string& error,
                                                     bool checked, const WordNetText* wordnet) {
  if (!checked && !check_syntax_model(bytes, error)) return nullptr;
  auto m = std::make_shared<SyntaxModel>();
  try {
    Reader r(bytes.substr(0, bytes.size() - kTrailer));
    r.take(kMagic.size() + 4);
    auto& tk = m->tokenizer;
    for (auto* set : {&tk.abbreviations, &tk.hyphenated, &tk.symbols, &tk.hyphen_shapes})
      for (std::uint64_t n = r.varint(); n > 0; --n) set->insert(r.str());
    tk.finish();
    for (std::uint64_t n = r.varint(); n > 0; --n) tk.clitics.push_back(r.str());
    for (std::uint64_t n = r.varint(); n > 0; --n) {
      std::string form = r.str(), lengths = r.str();
      tk.splits[form] = std::vector<std::uint8_t>(lengths.begin(), lengths.end());
    }
    for (std::uint64_t n = r.varint(); n > 0; --n) {
      std::string k = r.str();
      m->lemmas.forms[k] = r.str();
    }
    for (std::uint64_t n = r.varint(); n > 0; --n) {
      std::string k = r.str();
      const auto cut = static_cast<std::uint8_t>(r.varint());
      m->lemmas.rules[k] = {cut, r.str()};
    }
    for (std::uint64_t n = r.varint(); n > 0; --n) m->labels.push_back(r.str());
    for (std::uint64_t n = r.varint(); n > 0; --n) {
      std::string k = r.str();
      const auto tag = r.varint();
      if (tag >= kUposCount) throw std::runtime_error("bad tag");
      m->tag_dictionary[k] = static_cast<int>(tag);
    }
    for (std::uint64_t n = r.varint(); n > 0; --n) {
      std::string k = r.str();
      m->tag_sets[k] = static_cast<std::uint32_t>(r.varint());
    }
    read_table(r, m->splitter);
    read_table(r, m->tagger);
    read_table(r, m->transitions);
    read_table(r, m->labeller);
    if (m->splitter.classes != 2 || m->tagger.classes != kUposCount ||
        m->transitions.classes != detail::kTransitions || m->labeller.classes != m->labels.size() ||
        m->labels.size() > 64 ||
        std::find(m->labels.begin(), m->labels.end(), "root") == m->labels.end())
      throw std::runtime_error("tables do not fit the labels");
    if (!r.at_end()) throw std::runtime_error("trailing bytes");
  } catch (const std::runtime_error& e) {
    error = std::string("malformed model: ") + e.what();
    return nullptr;
  }
  m->fingerprint = model_fingerprint(bytes);
  if (wordnet != nullptr) m->morphy = load_morphy(*wordnet);
  return m;
}

}  // namespace crosscheck
