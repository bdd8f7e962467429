#include "segment/segment.hpp"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck {
namespace {

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) throw std::runtime_error(std::string(what) + ": " + u_errorName(status));
}

// An English sentence iterator that does not break after `abbreviations` (beyond ICU's own
// list), built once per thread for each list and cloned cheaply.
std::unique_ptr<icu::BreakIterator> make_iterator(const std::vector<std::string>& abbreviations) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> base(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  check(status, "ICU sentence iterator");
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createInstance(icu::Locale::getEnglish(), status));
  check(status, "ICU break suppressions");
  for (const auto& abbreviation : abbreviations) {
    builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(abbreviation), status);
    status = U_ZERO_ERROR;  // "already present" is not a failure worth stopping for
  }
  std::unique_ptr<icu::BreakIterator> filtered(
      builder->wrapIteratorWithFilter(base.release(), status));
  check(status, "ICU filtered iterator");
  return filtered;
}

const icu::BreakIterator& prototype(const std::vector<std::string>& abbreviations) {
  thread_local std::map<std::vector<std::string>, std::unique_ptr<icu::BreakIterator>> built;
  auto& it = built[abbreviations];
  if (!it) it = make_iterator(abbreviations);
  return *it;
}

// UTF-16 copy of the text with clutter blanked, and a map from UTF-16 index to byte offset.
struct Utf16Text {
  icu::UnicodeString text;             // clutter ("[9]") blanked out
  std::vector<std::uint32_t> to_byte;  // size text.length() + 1
  std::vector<int32_t> glued_clutter;  // where clutter starts right after a letter ("globe[9]")
};

Utf16Text to_utf16(const Document& doc) {
  Utf16Text out;
  const auto* s = reinterpret_cast<const uint8_t*>(doc.text.data());
  const auto length = static_cast<int32_t>(doc.text.size());
  out.to_byte.reserve(doc.text.size() + 1);
  auto clutter = doc.clutter.begin();
  for (int32_t i = 0; i < length;) {
    const auto start = static_cast<std::uint32_t>(i);
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) c = 0xFFFD;
    while (clutter != doc.clutter.end() && clutter->end <= start) ++clutter;
    if (clutter != doc.clutter.end() && clutter->contains(start) && c != '\n') {
      if (clutter->begin == start && !out.text.isEmpty() &&
          u_isalpha(out.text.char32At(out.text.length() - 1)))
        out.glued_clutter.push_back(out.text.length());
      c = ' ';
    }
    out.text.append(c);
    out.to_byte.push_back(start);
    if (c > 0xFFFF) out.to_byte.push_back(start);
  }
  out.to_byte.push_back(static_cast<std::uint32_t>(length));
  return out;
}

bool is_upper(UChar32 c) { return u_isupper(c) || u_istitle(c); }

// Index of the first non-space character at or after `i`.
int32_t skip_space(const icu::UnicodeString& t, int32_t i, int32_t end) {
  while (i < end && u_isUWhiteSpace(t.char32At(i))) i = t.moveIndex32(i, 1);
  return i;
}

// The words in [begin, end), counted up to `enough`.
std::uint32_t words_between(const icu::UnicodeString& t, int32_t begin, int32_t end,
                            std::uint32_t enough) {
  std::uint32_t words = 0;
  bool in_word = false;
  for (int32_t i = begin; i < end && words < enough; i = t.moveIndex32(i, 1)) {
    const bool word = u_isalnum(t.char32At(i));
    if (word && !in_word) ++words;
    in_word = word;
  }
  return words;
}

// A heading glued to the first sentence of a paragraph: "Before the WarSoviet forces",
// "Korea: Stalin's War?During the War", "ConclusionThere is". Returns the split point
// (start of the real sentence) or -1. Only looks near the start of a paragraph.
int32_t glued_heading_end(const icu::UnicodeString& t, int32_t begin, int32_t end,
                          const SegmentOptions& options) {
  if (begin > 0 && t.charAt(begin - 1) != '\n') return -1;  // not a paragraph start
  int32_t word_start = begin;
  std::uint32_t words = 0;  // words in [begin, next), counted as the scan goes
  bool in_word = false;
  for (int32_t i = begin; i < end;) {
    const UChar32 c = t.char32At(i);
    const int32_t next = t.moveIndex32(i, 1);
    if (next >= end) break;
    const bool word = u_isalnum(c);
    if (word && !in_word) ++words;
    in_word = word;
    if (words > options.max_heading_words) break;
    const UChar32 d = t.char32At(next);
    if (u_isUWhiteSpace(c)) word_start = next;
    const bool glued_punct = (c == '?' || c == '!' || c == ':') && is_upper(d);
    // lower->Upper inside a word whose left part is a real word (not "Mc", "Mac", "i").
    const bool glued_word = u_islower(c) && is_upper(d) && next - word_start >= 3 &&
                            t.tempSubStringBetween(word_start, next) != u"Mac";
    if ((glued_punct || glued_word) && next + 1 < end && u_islower(t.char32At(next + 1)))
      return next;
    i = next;
  }
  return -1;
}

// "James G. Hershberg": ICU breaks after a lone capital initial; such a break is undone
// when the initial follows a capitalised word and the next sentence starts with a capital.
bool ends_with_initial(const icu::UnicodeString& t, int32_t begin, int32_t end) {
  int32_t e = end;
  while (e > begin && u_isUWhiteSpace(t.char32At(e - 1))) --e;
  if (e - begin < 4) return false;
  return t.charAt(e - 1) == '.' && is_upper(t.charAt(e - 2)) && t.charAt(e - 3) == ' ' &&
         u_isalpha(t.charAt(e - 4));
}

struct Piece {
  int32_t begin;
  int32_t end;
};

std::vector<Piece> raw_pieces(const Utf16Text& u, const std::vector<std::string>& abbreviations) {
  std::unique_ptr<icu::BreakIterator> it(prototype(abbreviations).clone());
  it->setText(u.text);
  std::vector<Piece> pieces;
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; end = it->next()) {
    pieces.push_back({start, end});
    start = end;
  }
  return pieces;
}

// The piece's text without surrounding white space.
// A read-only alias of `t`, not a copy: a piece that merges grow by many pieces in a row
// is looked at each time, and copying it would make segmenting quadratic.
icu::UnicodeString trimmed(const icu::UnicodeString& t, const Piece& p) {
  int32_t begin = p.begin, end = p.end;
  while (begin < end && u_isUWhiteSpace(t.charAt(begin))) ++begin;
  while (end > begin && u_isUWhiteSpace(t.charAt(end - 1))) --end;
  return t.tempSubStringBetween(begin, end);
}

bool is_closing(UChar32 c) {
  return c == '"' || c == '\'' || c == ')' || c == 0x201D || c == 0x2019 || c == ']';
}

// A list marker alone: "1.", "1.)", "2)", "a.", "• 9.", "⁃10.".
bool is_list_marker(const icu::UnicodeString& s) {
  int32_t i = 0;
  while (i < s.length() && (s.charAt(i) == 0x2022 || s.charAt(i) == 0x2043 || s.charAt(i) == '*' ||
                            s.charAt(i) == '-' || u_isUWhiteSpace(s.charAt(i))))
    ++i;
  const int32_t body = i;
  while (i < s.length() && u_isdigit(s.charAt(i))) ++i;
  if (i == body && i < s.length() && u_isalpha(s.charAt(i))) ++i;  // one letter: "a."
  if (i == body || i - body > 3) return false;
  const int32_t marks = i;
  while (i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == ')')) ++i;
  return i > marks && i == s.length();
}

// Where a list item's piece ends with the next item's marker ("1. First 2."), the marker's
// start; else -1. Only inside a list: the piece must itself open with a marker.
int32_t trailing_list_marker(const icu::UnicodeString& t, const Piece& p) {
  int32_t end = p.end;
  while (end > p.begin && u_isUWhiteSpace(t.charAt(end - 1))) --end;
  int32_t start = end;
  while (start > p.begin && !u_isUWhiteSpace(t.charAt(start - 1))) --start;
  if (start <= p.begin || !is_list_marker(t.tempSubStringBetween(start, end))) return -1;
  // "... of China. b." : a lone lower-case letter is an item marker anywhere.
  if (end - start == 2 && u_islower(t.charAt(start)) && t.charAt(start + 1) == '.') return start;
  const int32_t first = skip_space(t, p.begin, end);
  int32_t first_end = first;
  while (first_end < end && !u_isUWhiteSpace(t.charAt(first_end))) ++first_end;
  if (first_end >= start || !is_list_marker(t.tempSubStringBetween(first, first_end))) return -1;
  return start;
}

// "U.S.", "U.S.S.R.", "D.C.": single letters each followed by a period, two or more.
bool ends_with_dotted_abbreviation(const icu::UnicodeString& a) {
  int32_t i = a.length(), letters = 0;
  while (i >= 2 && a.charAt(i - 1) == '.' && u_isalpha(a.charAt(i - 2)) &&
         (i == 2 || !u_isalpha(a.charAt(i - 3)))) {
    ++letters;
    i -= 2;
  }
  return letters >= 2;
}

// Whether `b` starts with one of `openers`, words that usually open a sentence, so that
// "in the U.S. The next day" still breaks.
bool opens_sentence(const icu::UnicodeString& b, const std::set<std::string>& openers) {
  int32_t end = 0;
  while (end < b.length() && u_isalpha(b.charAt(end))) ++end;
  std::string word;
  b.tempSubString(0, end).toUTF8String(word);
  return openers.count(word) > 0;
}

// True when ICU's break between `prev` and `next` is not a sentence end.
bool should_merge(const icu::UnicodeString& t, const Piece& prev, const Piece& next,
                  const std::set<std::string>& openers) {
  if (t.charAt(prev.end - 1) == '\n') {
    // A line wrapped inside a sentence: no end mark before it, lower case after it.
    if (prev.end - 2 >= prev.begin && t.charAt(prev.end - 2) == '\n') return false;  // paragraph
    // A line that ends in a comma or semicolon goes on whatever follows ("Moreover,\nKim").
    const icu::UnicodeString a = trimmed(t, prev);
    const int32_t first = skip_space(t, next.begin, next.end);
    if (a.endsWith(u",") || a.endsWith(u";")) return first < next.end;
    return a.length() > 0 && first < next.end && u_islower(t.char32At(first)) &&
           !(a.endsWith(u".") || a.endsWith(u"!") || a.endsWith(u"?") || a.endsWith(u":"));
  }
  const icu::UnicodeString a = trimmed(t, prev);
  const icu::UnicodeString b = trimmed(t, next);
  if (a.isEmpty() || b.isEmpty()) return false;
  const UChar32 last = a.char32At(a.length() - 1);
  const UChar32 first = b.char32At(0);
  const bool glued =
      !u_isUWhiteSpace(t.char32At(prev.end - 1)) && !u_isUWhiteSpace(t.char32At(next.begin));
  if (is_list_marker(a)) return true;  // "1.)" + "The first item"
  if (ends_with_dotted_abbreviation(a) && u_isupper(first) && !opens_sentence(b, openers))
    return true;  // "the U.S. Government": ICU's suppressions skip multi-period forms
  if (ends_with_initial(t, prev.begin, prev.end) && is_upper(first)) return true;  // "James G."
  if (glued && last == '.' && a.length() >= 2 && u_isalnum(a.char32At(a.length() - 2)) &&
      u_isalnum(first))
    return true;  // "Jane.Doe@example.com", "example.com"
  // "Yahoo! in", "like that!" said Alice": an exclamation followed by lower case goes on.
  int32_t k = a.length() - 1;
  while (k > 0 && is_closing(a.char32At(k))) --k;
  if ((a.charAt(k) == '!' || a.charAt(k) == '?') && u_islower(first)) return true;
  // "p. 55", "No. 5": a short abbreviation before a number.
  if (last == '.' && u_isdigit(first)) {
    int32_t w = a.length() - 1;
    while (w > 0 && !u_isUWhiteSpace(a.charAt(w - 1))) --w;
    bool letters = true;
    for (int32_t i = w; i < a.length() - 1; ++i) letters = letters && u_isalpha(a.charAt(i));
    if (letters && a.length() - 1 - w <= 4) return true;  // "p. 55", "June. 19"
  }
  // "(Smith 55)." after a quotation: a short parenthetical citation is not a sentence.
  if (first == '(' && b.endsWith(u").") && b.length() <= 40) return true;
  return false;
}

// "stage on the globe[9] Still, Stalin": a footnote marker glued to a word and followed by
// a capitalised word ends a sentence whose full stop the page lost. Returns the start of
// the next sentence, or -1. The part before must hold three words.
int32_t footnote_break(const Utf16Text& u, int32_t begin, int32_t end) {
  const auto& t = u.text;
  const auto& at_list = u.glued_clutter;  // ascending
  for (auto it = std::upper_bound(at_list.begin(), at_list.end(), begin);
       it != at_list.end() && *it < end; ++it) {
    const int32_t at = *it;
    int32_t next = at;
    while (next < end && u_isUWhiteSpace(t.char32At(next))) next = t.moveIndex32(next, 1);
    if (next + 1 < end && is_upper(t.char32At(next)) && u_islower(t.char32At(next + 1)) &&
        words_between(t, begin, at, 3) >= 3)
      return next;
  }
  return -1;
}

std::vector<Piece> repair(const Utf16Text& u, std::vector<Piece> pieces,
                          const SegmentOptions& options) {
  const auto& t = u.text;
  static const std::set<std::string> kNone;
  const std::set<std::string>& openers =
      options.lexicon ? options.lexicon->sentence_openers : kNone;
  std::vector<Piece> out;
  for (const auto& p : pieces) {
    if (!out.empty() && should_merge(t, out.back(), p, openers)) {
      out.back().end = p.end;
      continue;
    }
    // "1.) The first item 2.)" + "The second item": the trailing marker opens the next item.
    if (!out.empty()) {
      const int32_t marker = trailing_list_marker(t, out.back());
      if (marker > 0) {
        out.back().end = marker;
        out.push_back({marker, p.end});
        continue;
      }
    }
    out.push_back(p);
  }
  std::vector<Piece> split;
  for (auto p : out) {
    const int32_t begin = skip_space(t, p.begin, p.end);
    const int32_t cut = glued_heading_end(t, begin, p.end, options);
    if (cut > 0) {
      split.push_back({p.begin, cut});
      p.begin = cut;
    }
    for (int32_t at = footnote_break(u, p.begin, p.end); at > 0;
         at = footnote_break(u, p.begin, p.end)) {
      split.push_back({p.begin, at});
      p.begin = at;
    }
    split.push_back(p);
  }
  return split;
}

bool has_word(const icu::UnicodeString& t, int32_t begin, int32_t end) {
  for (int32_t i = begin; i < end; i = t.moveIndex32(i, 1))
    if (u_isalnum(t.char32At(i))) return true;
  return false;
}

// Where a sentence of more than `cap` tokens is cut, so that no piece is longer: after the
// last clause mark (";", ",", ":") or space, else between two tokens, whichever comes last
// in the second half of the piece. A token is a run of letters and digits or one other
// character, as the tokeniser counts them near enough. Empty when the sentence fits.
std::vector<int32_t> long_sentence_cuts(const icu::UnicodeString& t, int32_t begin, int32_t end,
                                        std::uint32_t cap) {
  std::vector<int32_t> cuts;
  if (cap == 0) return cuts;
  int32_t piece = begin, clause = -1, space = -1;
  std::uint32_t tokens = 0, half_at = cap / 2;
  bool in_word = false;
  for (int32_t i = begin; i < end;) {
    const UChar32 c = t.char32At(i);
    const int32_t next = t.moveIndex32(i, 1);
    const bool word = u_isalnum(c);
    const bool white = u_isUWhiteSpace(c);
    const bool starts = !white && !(word && in_word);
    in_word = word;
    if (starts && tokens == cap) {
      const int32_t cut = clause >= 0 ? clause : space >= 0 ? space : i;
      cuts.push_back(cut);
      piece = cut;
      clause = space = -1;
      // the tokens already past the cut count towards the next piece
      tokens = 0;
      bool w = false;
      for (int32_t k = piece; k < i; k = t.moveIndex32(k, 1)) {
        const UChar32 d = t.char32At(k);
        const bool dw = u_isalnum(d);
        if (!u_isUWhiteSpace(d) && !(dw && w)) ++tokens;
        w = dw;
      }
    }
    if (starts) ++tokens;
    if (tokens > half_at) {
      if (white) space = next;
      if ((c == ';' || c == ',' || c == ':') && next < end && u_isUWhiteSpace(t.char32At(next)))
        clause = next;
    }
    i = next;
  }
  return cuts;
}

}  // namespace

std::vector<Sentence> segment(const Document& doc, const SegmentOptions& options,
                              std::vector<Diagnostic>* warnings) {
  const Utf16Text u = to_utf16(doc);
  const auto& t = u.text;
  std::vector<Sentence> sentences;
  LineCol lc;
  std::uint32_t lc_offset = 0;
  // line:col of an offset in the original, asked in ascending order: they advance
  // incrementally, so the whole pass is linear
  const auto where = [&](std::uint32_t offset) {
    const LineCol step = line_col(
        std::string_view(doc.original).substr(lc_offset, offset - lc_offset), offset - lc_offset);
    lc = step.line > 1 ? LineCol{lc.line + step.line - 1, step.col}
                       : LineCol{lc.line, lc.col + step.col - 1};
    lc_offset = offset;
    return lc;
  };
  const auto emit = [&](int32_t begin, int32_t end) {
    Sentence s;
    s.doc = doc.index;
    s.index = static_cast<std::uint32_t>(sentences.size());
    s.span = {u.to_byte[begin], u.to_byte[end]};
    s.original = {doc.to_original(s.span.begin), doc.to_original(s.span.end)};
    const LineCol at = where(s.original.begin);
    s.line = at.line;
    s.col = at.col;
    s.text = doc.original.substr(s.original.begin, s.original.size());
    sentences.push_back(std::move(s));
  };
  static const std::vector<std::string> kNoAbbreviations;
  const auto& abbreviations = options.lexicon ? options.lexicon->abbreviations : kNoAbbreviations;
  for (const auto& p : repair(u, raw_pieces(u, abbreviations), options)) {
    int32_t begin = p.begin, end = p.end;
    while (begin < end && u_isUWhiteSpace(t.char32At(begin))) begin = t.moveIndex32(begin, 1);
    while (end > begin && u_isUWhiteSpace(t.char32At(t.moveIndex32(end, -1))))
      end = t.moveIndex32(end, -1);
    if (!has_word(t, begin, end)) continue;
    std::vector<int32_t> cuts = long_sentence_cuts(t, begin, end, options.max_sentence_tokens);
    cuts.push_back(end);
    for (const int32_t cut : cuts) {
      if (cuts.size() > 1 && cut == cuts.front() && warnings != nullptr) {
        const LineCol at = where(doc.to_original(u.to_byte[begin]));
        Diagnostic d;
        d.file = doc.path;
        d.line = at.line;
        d.col = at.col;
        d.severity = Diagnostic::Severity::kWarning;
        d.message = "a sentence of more than " + std::to_string(options.max_sentence_tokens) +
                    " tokens, cut into " + std::to_string(cuts.size()) +
                    " pieces (--max-sentence-tokens)";
        warnings->push_back(std::move(d));
      }
      if (has_word(t, begin, cut)) emit(begin, cut);
      begin = skip_space(t, cut, end);
    }
  }
  return sentences;
}

}  // namespace crosscheck
