// The tagger's and the parser's features, and the arc-eager configuration they read.
// Training and inference both use these functions, so a model always sees at run time the
// features it was trained on.
#include <algorithm>
#include <cctype>

#include "detail.hpp"

namespace crosscheck::detail {
namespace {

constexpr std::uint64_t kNone = 0x6e6f6e65ULL;  // no word there
constexpr std::uint64_t kRoot = 0x726f6f74ULL;
constexpr int kRootTag = kUposCount, kNoTag = kUposCount + 1;

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

// "Kim" -> "Xxx", "1950s" -> "dddx": character classes, runs cut at three.
std::string shape_of(std::string_view s) {
  std::string out;
  char last = 0;
  int run = 0;
  for (unsigned char c : s) {
    char k = std::isupper(c)   ? 'X'
             : std::islower(c) ? 'x'
             : std::isdigit(c) ? 'd'
                               : (c >= 0x80 ? 'u' : static_cast<char>(c));
    if (k == last) {
      if (++run > 3) continue;
    } else {
      run = 1;
      last = k;
    }
    out += k;
  }
  return out;
}

namespace {

std::uint64_t suffix(std::string_view s, std::size_t n) {
  return s.size() >= n ? hash_text(s.substr(s.size() - n)) : kNone;
}

int bucket(int distance) { return distance <= 4 ? distance : distance < 10 ? 5 : 6; }

}  // namespace

Atoms atoms_of(const std::vector<Word>& words, const TagSets& sets) {
  Atoms a;
  const std::size_t n = words.size();
  for (auto* v : {&a.word, &a.exact, &a.s1, &a.s2, &a.s3, &a.s4, &a.p1, &a.shape, &a.tags})
    v->resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string low = lower_ascii(words[i].form);
    a.word[i] = hash_text(low);
    a.exact[i] = hash_text(words[i].form);
    a.s1[i] = suffix(low, 1);
    a.s2[i] = suffix(low, 2);
    a.s3[i] = suffix(low, 3);
    a.s4[i] = suffix(low, 4);
    a.p1[i] = low.empty() ? kNone : hash_text(low.substr(0, 1));
    a.shape[i] = hash_text(shape_of(words[i].form));
    const auto it = sets.find(low);
    a.tags[i] = it == sets.end() ? 0 : it->second;
  }
  return a;
}

int tagger_features(const Atoms& a, const std::vector<int>& tags, int i, std::uint64_t* out) {
  const int n = static_cast<int>(a.word.size());
  auto w = [&](int k) { return k < 0 || k >= n ? kNone : a.word[k]; };
  auto t = [&](int k) { return k < 0 ? static_cast<std::uint64_t>(kNoTag) : tags[k]; };
  int k = 0;
  out[k++] = feature(0, 1);
  out[k++] = feature(1, a.word[i]);
  out[k++] = feature(2, a.exact[i]);
  out[k++] = feature(3, w(i - 1));
  out[k++] = feature(4, w(i + 1));
  out[k++] = feature(5, w(i - 2));
  out[k++] = feature(6, w(i + 2));
  out[k++] = feature(7, a.s1[i]);
  out[k++] = feature(8, a.s2[i]);
  out[k++] = feature(9, a.s3[i]);
  out[k++] = feature(10, a.s4[i]);
  out[k++] = feature(11, a.p1[i]);
  out[k++] = feature(12, a.shape[i]);
  out[k++] = feature(13, t(i - 1));
  out[k++] = feature(14, t(i - 2), t(i - 1));
  out[k++] = feature(15, t(i - 1), a.word[i]);
  out[k++] = feature(16, w(i - 1), a.word[i]);
  out[k++] = feature(17, a.word[i], w(i + 1));
  out[k++] = feature(18, i > 0 ? a.s3[i - 1] : kNone);
  out[k++] = feature(19, i + 1 < n ? a.s3[i + 1] : kNone);
  out[k++] = feature(20, i + 1 < n ? a.shape[i + 1] : kNone);
  out[k++] = feature(21, t(i - 1), a.s3[i]);
  out[k++] = feature(22, i == 0, a.shape[i]);
  out[k++] = feature(23, t(i - 1), w(i + 1));
  out[k++] = feature(24, w(i + 1), w(i + 2));
  auto amb = [&](int j) { return j < 0 || j >= n ? 1ULL << 40 : a.tags[j]; };
  out[k++] = feature(25, amb(i));
  out[k++] = feature(26, amb(i + 1));
  out[k++] = feature(27, amb(i + 2));
  out[k++] = feature(28, amb(i), amb(i + 1));
  out[k++] = feature(29, t(i - 1), amb(i));
  out[k++] = feature(30, t(i - 1), amb(i), amb(i + 1));
  out[k++] = feature(31, a.word[i], amb(i + 1));
  out[k++] = feature(32, amb(i), a.s3[i]);
  return k;
}

int boundary_features(const Atoms& a, const std::vector<Word>& words, const std::vector<int>& tags,
                      int i, int since, bool verb, std::uint64_t* out) {
  const int n = static_cast<int>(a.word.size());
  auto w = [&](int k) { return k < 0 || k >= n ? kNone : a.word[k]; };
  auto sh = [&](int k) { return k < 0 || k >= n ? kNone : a.shape[k]; };
  const std::uint64_t space = words[i].space_after ? 1 : 2;
  const std::uint64_t len = since < 3 ? since : since < 6 ? 3 : since < 12 ? 4 : 5;
  int k = 0;
  out[k++] = feature(0, 1);
  out[k++] = feature(1, w(i));
  out[k++] = feature(2, w(i + 1));
  out[k++] = feature(3, w(i - 1));
  out[k++] = feature(4, sh(i));
  out[k++] = feature(5, sh(i + 1));
  out[k++] = feature(6, w(i), w(i + 1));
  out[k++] = feature(7, w(i), sh(i + 1));
  out[k++] = feature(8, sh(i), sh(i + 1));
  out[k++] = feature(9, w(i - 1), w(i));
  out[k++] = feature(10, space, sh(i + 1));
  out[k++] = feature(11, a.s3[i]);
  out[k++] = feature(12, w(i), space);
  out[k++] = feature(13, len, sh(i + 1));
  out[k++] = feature(14, w(i + 1), w(i + 2));
  out[k++] = feature(15, a.exact[i], sh(i + 1));
  out[k++] = feature(16, len, w(i));
  out[k++] = feature(17, sh(i - 1), sh(i), sh(i + 1));
  out[k++] = feature(18, w(i), w(i + 1), space);
  auto t = [&](int j) { return j < 0 || j >= n ? static_cast<std::uint64_t>(kNoTag) : tags[j]; };
  out[k++] = feature(19, t(i), t(i + 1));
  out[k++] = feature(20, t(i - 1), t(i), t(i + 1));
  out[k++] = feature(21, t(i + 1), t(i + 2));
  out[k++] = feature(22, w(i), t(i + 1));
  out[k++] = feature(23, t(i), w(i + 1));
  out[k++] = feature(24, verb, t(i), t(i + 1));
  out[k++] = feature(25, verb, len, sh(i + 1));
  out[k++] = feature(26, t(i), t(i + 1), space);
  return k;
}

// ---- the arc-eager configuration ---------------------------------------------------------

ParseState::ParseState(int words) : n(words) {
  const int size = n + 2;  // 0 root, 1..n words, n+1 none
  head.assign(size, -1);
  label.assign(size, -1);
  l1.assign(size, n + 1);
  l2.assign(size, n + 1);
  r1.assign(size, n + 1);
  r2.assign(size, n + 1);
  nl.assign(size, 0);
  nr.assign(size, 0);
  lset.assign(size, 0);
  rset.assign(size, 0);
  stack.reserve(size);
  stack.push_back(0);
}

bool ParseState::can(int move) const {
  const bool buffer = front <= n;
  const int s0 = stack.empty() ? -1 : stack.back();
  switch (move) {
    case kShift:
      return buffer;
    case kReduce:
      return s0 > 0 && head[s0] >= 0;
    case kLeft:
      return buffer && s0 > 0 && head[s0] < 0;
    case kRight:
      return buffer && s0 >= 0 && !(s0 == 0 && root_taken);
  }
  return false;
}

void ParseState::add_arc(int h, int d, int lab) {
  head[d] = h;
  label[d] = lab;
  const std::uint64_t bit = lab >= 0 && lab < 64 ? 1ULL << lab : 0;
  if (d < h) {
    if (d < l1[h] || l1[h] == n + 1) {
      l2[h] = l1[h];
      l1[h] = d;
    } else if (d < l2[h] || l2[h] == n + 1) {
      l2[h] = d;
    }
    ++nl[h];
    lset[h] |= bit;
  } else {
    if (r1[h] == n + 1 || d > r1[h]) {
      r2[h] = r1[h];
      r1[h] = d;
    } else if (r2[h] == n + 1 || d > r2[h]) {
      r2[h] = d;
    }
    ++nr[h];
    rset[h] |= bit;
  }
  if (h == 0) root_taken = true;
}

void ParseState::apply(int move, int arc_label) {
  switch (move) {
    case kShift:
      stack.push_back(front++);
      break;
    case kReduce:
      stack.pop_back();
      break;
    case kLeft:
      add_arc(front, stack.back(), arc_label);
      stack.pop_back();
      break;
    case kRight:
      add_arc(stack.back(), front, arc_label);
      stack.push_back(front++);
      break;
  }
}

ParseInput parse_input(const Atoms& a, const std::vector<int>& tags) {
  const std::size_t n = a.word.size();
  ParseInput in;
  in.word.resize(n + 2);
  in.suffix.resize(n + 2);
  in.sets.assign(n + 2, 1ULL << 40);
  in.punct.assign(n + 2, 0);
  in.tag.resize(n + 2);
  in.word[0] = in.suffix[0] = kRoot;
  in.tag[0] = kRootTag;
  for (std::size_t i = 0; i < n; ++i) {
    in.word[i + 1] = a.word[i];
    in.suffix[i + 1] = a.s3[i];
    in.sets[i + 1] = a.tags[i];
    in.punct[i + 1] = in.punct[i] + (tags[i] == static_cast<int>(Upos::kPunct) ? 1 : 0);
    in.tag[i + 1] = tags[i];
  }
  in.word[n + 1] = in.suffix[n + 1] = kNone;
  in.punct[n + 1] = in.punct[n];
  in.tag[n + 1] = kNoTag;
  return in;
}

// Zhang & Nivre (2011)'s rich non-local features, less a few that did not pay for their
// time: words and tags of the stack top, its head and grandparent, the buffer's first three
// words, the outer children of each, distance, valency and label sets.
int transition_features(const ParseInput& in, const ParseState& s, std::uint64_t* out) {
  const int none = s.n + 1;
  const int sz = static_cast<int>(s.stack.size());
  const int s0 = sz > 0 ? s.stack[sz - 1] : none;
  const int s1 = sz > 1 ? s.stack[sz - 2] : none;
  const int n0 = s.front <= s.n ? s.front : none;
  const int n1 = s.front + 1 <= s.n ? s.front + 1 : none;
  const int n2 = s.front + 2 <= s.n ? s.front + 2 : none;
  auto hd = [&](int x) { return x == none || s.head[x] < 0 ? none : s.head[x]; };
  auto lab = [&](int x) -> std::uint64_t {
    return x == none ? 99 : static_cast<std::uint64_t>(s.label[x] + 1);
  };
  const int s0h = hd(s0), s0h2 = hd(s0h);
  const int s0l = s0 == none ? none : s.l1[s0], s0r = s0 == none ? none : s.r1[s0];
  const int s0l2 = s0 == none ? none : s.l2[s0], s0r2 = s0 == none ? none : s.r2[s0];
  const int n0l = n0 == none ? none : s.l1[n0], n0l2 = n0 == none ? none : s.l2[n0];
  const auto& W = in.word;
  const auto& T = in.tag;
  auto w = [&](int x) { return W[x]; };
  auto t = [&](int x) { return static_cast<std::uint64_t>(T[x]); };
  auto wt = [&](int x) { return W[x] * 31 + T[x]; };
  const std::uint64_t d = (s0 == none || n0 == none || s0 == 0) ? 0 : bucket(n0 - s0);
  const std::uint64_t vl0 = s0 == none ? 0 : s.nl[s0], vr0 = s0 == none ? 0 : s.nr[s0];
  const std::uint64_t vln = n0 == none ? 0 : s.nl[n0];
  const std::uint64_t sl0 = s0 == none ? 0 : s.lset[s0], sr0 = s0 == none ? 0 : s.rset[s0];
  const std::uint64_t sln = n0 == none ? 0 : s.lset[n0];
  int k = 0;
  // single words
  out[k++] = feature(0, wt(s0));
  out[k++] = feature(1, w(s0));
  out[k++] = feature(2, t(s0));
  out[k++] = feature(3, wt(n0));
  out[k++] = feature(4, w(n0));
  out[k++] = feature(5, t(n0));
  out[k++] = feature(6, wt(n1));
  out[k++] = feature(7, w(n1));
  out[k++] = feature(8, t(n1));
  out[k++] = feature(9, wt(n2));
  out[k++] = feature(10, w(n2));
  out[k++] = feature(11, t(n2));
  // pairs
  out[k++] = feature(12, wt(s0), wt(n0));
  out[k++] = feature(13, wt(s0), w(n0));
  out[k++] = feature(14, w(s0), wt(n0));
  out[k++] = feature(15, wt(s0), t(n0));
  out[k++] = feature(16, t(s0), wt(n0));
  out[k++] = feature(17, w(s0), w(n0));
  out[k++] = feature(18, t(s0), t(n0));
  out[k++] = feature(19, t(n0), t(n1));
  // tag trigrams
  out[k++] = feature(20, t(n0), t(n1), t(n2));
  out[k++] = feature(21, t(s0), t(n0), t(n1));
  out[k++] = feature(22, t(s0h), t(s0), t(n0));
  out[k++] = feature(23, t(s0), t(s0l), t(n0));
  out[k++] = feature(24, t(s0), t(s0r), t(n0));
  out[k++] = feature(25, t(s0), t(n0), t(n0l));
  // distance
  out[k++] = feature(26, w(s0), d);
  out[k++] = feature(27, t(s0), d);
  out[k++] = feature(28, w(n0), d);
  out[k++] = feature(29, t(n0), d);
  out[k++] = feature(30, w(s0), w(n0), d);
  out[k++] = feature(31, t(s0), t(n0), d);
  // valency
  out[k++] = feature(32, w(s0), vr0);
  out[k++] = feature(33, t(s0), vr0);
  out[k++] = feature(34, w(s0), vl0);
  out[k++] = feature(35, t(s0), vl0);
  out[k++] = feature(36, w(n0), vln);
  out[k++] = feature(37, t(n0), vln);
  // heads and outer children
  out[k++] = feature(38, w(s0h));
  out[k++] = feature(39, t(s0h));
  out[k++] = feature(40, lab(s0));
  out[k++] = feature(41, w(s0l));
  out[k++] = feature(42, t(s0l));
  out[k++] = feature(43, lab(s0l));
  out[k++] = feature(44, w(s0r));
  out[k++] = feature(45, t(s0r));
  out[k++] = feature(46, lab(s0r));
  out[k++] = feature(47, w(n0l));
  out[k++] = feature(48, t(n0l));
  out[k++] = feature(49, lab(n0l));
  // third order
  out[k++] = feature(50, w(s0h2));
  out[k++] = feature(51, t(s0h2));
  out[k++] = feature(52, lab(s0h));
  out[k++] = feature(53, w(s0l2));
  out[k++] = feature(54, t(s0l2));
  out[k++] = feature(55, lab(s0l2));
  out[k++] = feature(56, w(s0r2));
  out[k++] = feature(57, t(s0r2));
  out[k++] = feature(58, lab(s0r2));
  out[k++] = feature(59, w(n0l2));
  out[k++] = feature(60, t(n0l2));
  out[k++] = feature(61, lab(n0l2));
  out[k++] = feature(62, t(s0), t(s0l), t(s0l2));
  out[k++] = feature(63, t(s0), t(s0r), t(s0r2));
  out[k++] = feature(64, t(s0), t(s0h), t(s0h2));
  out[k++] = feature(65, t(n0), t(n0l), t(n0l2));
  // label sets
  out[k++] = feature(66, w(s0), sr0);
  out[k++] = feature(67, t(s0), sr0);
  out[k++] = feature(68, w(s0), sl0);
  out[k++] = feature(69, t(s0), sl0);
  out[k++] = feature(70, w(n0), sln);
  out[k++] = feature(71, t(n0), sln);
  // the second stack word
  out[k++] = feature(72, t(s1), t(s0));
  out[k++] = feature(73, t(s1), t(s0), t(n0));
  out[k++] = feature(74, w(s1), t(s1));
  out[k++] = feature(75, s.root_taken, t(n0));
  out[k++] = feature(76, s.root_taken, t(s0), s0 == 0);
  // the tags each word could have had: a way back from a tagging error
  const auto& A = in.sets;
  out[k++] = feature(77, A[s0], t(s0));
  out[k++] = feature(78, A[n0], t(n0));
  out[k++] = feature(79, A[s0], A[n0]);
  out[k++] = feature(80, A[n1], t(n1));
  out[k++] = feature(81, t(s0), A[n0], t(n0));
  out[k++] = feature(82, in.suffix[n0], t(n0));
  out[k++] = feature(83, in.suffix[s0], t(s0));
  // punctuation between the stack top and the buffer's front: clause and list edges
  const std::uint64_t marks =
      s0 == none || n0 == none ? 9 : std::min(in.punct[n0] - in.punct[s0], 3);
  out[k++] = feature(84, t(s0), t(n0), marks);
  out[k++] = feature(85, w(s0), t(n0), marks);
  out[k++] = feature(86, t(s0), w(n0), marks);
  const int n3 = s.front + 3 <= s.n ? s.front + 3 : none;
  out[k++] = feature(87, t(n1), t(n2), t(n3));
  out[k++] = feature(88, w(s0h), t(s0h), t(n0));
  out[k++] = feature(89, t(s0), lab(s0), t(n0));
  out[k++] = feature(90, t(s1), lab(s1), t(n0));
  out[k++] = feature(91, w(n0), t(n0l), lab(n0l));
  out[k++] = feature(92, t(s0) * 64 + t(s0r), lab(s0r), t(n0));
  return k;
}

int label_features(const ParseInput& in, const ParseState& s, int h, int d, std::uint64_t* out) {
  const int none = s.n + 1;
  const std::uint64_t dir = d < h ? 1 : 2;
  const auto& W = in.word;
  auto t = [&](int x) {
    return static_cast<std::uint64_t>(x < 0 || x > none ? in.tag[none] : in.tag[x]);
  };
  auto lab = [&](int x) -> std::uint64_t {
    return x == none ? 99 : static_cast<std::uint64_t>(s.label[x] + 1);
  };
  const std::uint64_t dist = h == 0 ? 0 : bucket(d < h ? h - d : d - h);
  const int hh = s.head[h] < 0 ? none : s.head[h];
  int k = 0;
  out[k++] = feature(0, dir);
  out[k++] = feature(1, dir, W[h]);
  out[k++] = feature(2, dir, t(h));
  out[k++] = feature(3, dir, W[d]);
  out[k++] = feature(4, dir, t(d));
  out[k++] = feature(5, dir, W[h], t(d));
  out[k++] = feature(6, dir, t(h), W[d]);
  out[k++] = feature(7, dir, t(h), t(d));
  out[k++] = feature(8, dir, W[h], W[d]);
  out[k++] = feature(9, dir, t(h) * 64 + t(d), dist);
  out[k++] = feature(10, dir, t(d), lab(s.l1[d]));
  out[k++] = feature(11, dir, t(d), t(s.l1[d]));
  out[k++] = feature(12, dir, t(d), t(s.r1[d]));
  out[k++] = feature(13, dir, t(h), s.lset[h]);
  out[k++] = feature(14, dir, t(d), s.lset[d]);
  out[k++] = feature(15, dir, t(h), t(hh));
  out[k++] = feature(16, dir, t(d), t(d + 1));
  out[k++] = feature(17, dir, t(d), t(d - 1));
  out[k++] = feature(18, dir, t(h), s.rset[h]);
  out[k++] = feature(19, dir, W[d], t(s.l1[d]));
  out[k++] = feature(20, dir * 128 + t(h), t(d), lab(h));
  out[k++] = feature(21, dir, W[h], t(d) * 64 + t(s.l1[d]));
  const int none_l1 = s.l1[d];
  out[k++] = feature(22, dir, W[none_l1], t(d));
  out[k++] = feature(23, dir, W[none_l1], W[h]);
  out[k++] = feature(24, dir, in.suffix[d], t(h));
  out[k++] = feature(25, dir, in.suffix[d], t(d));
  out[k++] = feature(26, dir, t(h), d < h ? lab(s.l1[h]) : lab(s.r1[h]));
  out[k++] = feature(27, dir, t(d) * 64 + t(h), static_cast<std::uint64_t>(s.nl[d] * 16 + s.nr[d]));
  out[k++] = feature(28, dir, W[d], dist);
  out[k++] = feature(29, dir, t(h) * 64 + t(d), t(h + 1));
  out[k++] = feature(30, dir, t(h) * 64 + t(d), t(h - 1));
  out[k++] = feature(31, dir, W[hh], t(d));
  return k;
}

}  // namespace crosscheck::detail
