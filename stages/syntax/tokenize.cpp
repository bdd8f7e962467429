// UD English tokenisation: ICU word breaks, then the treebank's conventions. URLs and
// e-mail addresses stay whole; clock times and digit groups joined by ':' or '/' are one
// token; an abbreviation keeps its full stop; runs of the same punctuation are one token;
// hyphenated words are split unless the treebank keeps them whole; clitics ("n't", "'s")
// and fused forms ("cannot") become multi-word tokens. Every exception is learned from the
// treebank (TokenizerData), none is listed here.
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <stdexcept>

#include "detail.hpp"

namespace crosscheck {
namespace {

using detail::TokenizerData;

struct Piece {
  std::uint32_t begin = 0, end = 0;
  bool space_before = false;
};

const icu::BreakIterator& word_prototype() {
  static const std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(
        icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
    if (U_FAILURE(status))
      throw std::runtime_error(std::string("ICU word iterator: ") + u_errorName(status));
    return b;
  }();
  return *it;
}

std::vector<Piece> icu_pieces(std::string_view text) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::vector<std::uint32_t> to_byte;
  to_byte.reserve(u.length() + 1);
  std::uint32_t byte = 0;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    const int32_t units = U16_LENGTH(c);
    for (int32_t k = 0; k < units; ++k) to_byte.push_back(byte);
    byte += static_cast<std::uint32_t>(U8_LENGTH(c));
    i += units;
  }
  to_byte.push_back(byte);
  std::unique_ptr<icu::BreakIterator> it(word_prototype().clone());
  it->setText(u);
  std::vector<Piece> pieces;
  bool space = false;
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    const UChar32 first = u.char32At(start);
    if (u_isUWhiteSpace(first) || u_charType(first) == U_CONTROL_CHAR) {
      space = true;
      continue;
    }
    pieces.push_back({to_byte[start], to_byte[end], space});
    space = false;
  }
  return pieces;
}

bool is_alpha(unsigned char c) { return std::isalpha(c) || c >= 0x80; }
bool is_digit(unsigned char c) { return std::isdigit(c); }

// Lower-case ASCII with typographic apostrophes as "'"; `at[i]` is the byte of `s` where
// the i-th byte of the result came from.
std::string normalised(std::string_view s, std::vector<std::uint32_t>& at) {
  std::string out;
  at.clear();
  for (std::uint32_t i = 0; i < s.size();) {
    if (s.substr(i, 3) == "\xE2\x80\x99" || s.substr(i, 3) == "\xE2\x80\x98") {
      out += '\'';
      at.push_back(i);
      i += 3;
      continue;
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
    at.push_back(i);
    ++i;
  }
  at.push_back(static_cast<std::uint32_t>(s.size()));
  return out;
}

bool looks_like_address(std::string_view chunk) {
  std::string low(chunk);
  for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (low.find("://") != std::string::npos || low.starts_with("www.")) return true;
  const auto at = low.find('@');
  if (at == std::string::npos || at == 0) return false;
  const auto dot = low.find('.', at);
  return dot != std::string::npos && dot > at + 1 && dot + 1 < low.size() &&
         is_alpha(static_cast<unsigned char>(low[dot + 1]));
}

class Tokenizer {
 public:
  Tokenizer(std::string_view text, const TokenizerData& data) : text_(text), data_(data) {}

  std::vector<Word> run() {
    const std::vector<Piece> pieces = icu_pieces(text_);
    for (std::size_t i = 0; i < pieces.size();) {
      std::size_t j = i + 1;  // the chunk: pieces with no space between them
      while (j < pieces.size() && !pieces[j].space_before) ++j;
      chunk(pieces, i, j);
      i = j;
    }
    return std::move(words_);
  }

 private:
  std::string_view piece_text(const Piece& p) const {
    return text_.substr(p.begin, p.end - p.begin);
  }

  void chunk(const std::vector<Piece>& pieces, std::size_t i, std::size_t j) {
    const std::uint32_t begin = pieces[i].begin, end = pieces[j - 1].end;
    std::string_view all = text_.substr(begin, end - begin);
    if (looks_like_address(all)) {
      // leading and trailing brackets, quotes and sentence punctuation are their own tokens
      std::uint32_t b = begin, e = end;
      while (b < e && std::string_view("(\"'<[").find(text_[b]) != std::string_view::npos)
        emit(b, b + 1), ++b;
      std::vector<std::uint32_t> tail;
      while (e > b && std::string_view(".,;:!?)\"'>]").find(text_[e - 1]) != std::string_view::npos)
        tail.push_back(--e);
      if (e > b) emit(b, e);
      for (auto k = tail.rbegin(); k != tail.rend(); ++k) emit(*k, *k + 1);
      return;
    }
    for (std::size_t k = i; k < j;) {
      std::uint32_t b = pieces[k].begin, e = pieces[k].end;
      std::size_t next = k + 1;
      const std::string_view p = piece_text(pieces[k]);
      const unsigned char c0 = static_cast<unsigned char>(p[0]);
      auto single = [&](std::size_t m, char c) {
        return m < j && pieces[m].end - pieces[m].begin == 1 && text_[pieces[m].begin] == c;
      };
      if (is_digit(c0) || is_alpha(c0)) {
        // a hyphenated word or number the treebank keeps whole ("e-mail", "713-555-0100")
        std::size_t m = next;
        std::uint32_t he = e;
        while (m + 1 < j && single(m, '-') &&
               std::isalnum(static_cast<unsigned char>(text_[pieces[m + 1].begin]))) {
          he = pieces[m + 1].end;
          m += 2;
        }
        if (m > next) {
          std::string low(text_.substr(b, he - b));
          for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          if (data_.hyphenated.count(low) || data_.hyphen_shapes.count(detail::shape_of(low))) {
            e = he;
            next = m;
          }
        }
      }
      if (is_digit(c0)) {  // 10:30, 12/25/2005
        while (next + 1 < j && (single(next, ':') || single(next, '/')) &&
               is_digit(static_cast<unsigned char>(text_[pieces[next + 1].begin]))) {
          e = pieces[next + 1].end;
          next += 2;
        }
      } else if (is_alpha(c0)) {
        // an abbreviation keeps its full stop: learned ones, initials, "U.S."
        if (next < j && single(next, '.')) {
          const std::string with(text_.substr(b, e + 1 - b));
          const bool initial = e - b == 1 && std::isupper(c0);
          const bool dotted =
              std::string_view(text_.substr(b, e - b)).find('.') != std::string_view::npos;
          if (data_.abbreviations.count(with) || initial || dotted) {
            e = e + 1;
            ++next;
          }
        }
        word(b, e);
        k = next;
        continue;
      } else if (!std::isalnum(c0) && c0 < 0x80) {
        std::size_t m = next;
        while (m < j && single(m, static_cast<char>(c0))) ++m;
        if (m > next && p.size() == 1 &&
            data_.run_chars.find(static_cast<char>(c0)) != std::string::npos) {
          e = pieces[m - 1].end;  // a run of one character the treebank keeps whole ("...")
          next = m;
        } else {
          // punctuation the treebank writes as one token (":-)", "<<"), longest first
          m = next;
          while (m < j && pieces[m].begin == pieces[m - 1].end && m - k < 8 &&
                 !std::isalnum(static_cast<unsigned char>(text_[pieces[m].begin])) &&
                 static_cast<unsigned char>(text_[pieces[m].begin]) < 0x80)
            ++m;
          for (; m > next; --m)
            if (data_.symbols.count(std::string(text_.substr(b, pieces[m - 1].end - b)))) break;
          if (m > next) {
            e = pieces[m - 1].end;
            next = m;
          }
        }
      }
      emit(b, e);
      k = next;
    }
  }

  // A word piece: split into the words of a multi-word token when the treebank would.
  void word(std::uint32_t b, std::uint32_t e) {
    std::vector<std::uint32_t> at;
    const std::string low = normalised(text_.substr(b, e - b), at);
    std::vector<std::uint32_t> cuts;  // byte offsets inside the piece where a word starts
    if (auto it = data_.splits.find(low); it != data_.splits.end()) {
      std::uint32_t pos = 0;
      for (std::size_t k = 0; k + 1 < it->second.size(); ++k) {
        pos += it->second[k];
        if (pos >= low.size()) break;
        cuts.push_back(at[pos]);
      }
    } else {
      for (const std::string& c : data_.clitics)
        if (low.size() > c.size() && low.ends_with(c) &&
            is_alpha(static_cast<unsigned char>(low[low.size() - c.size() - 1]))) {
          cuts.push_back(at[low.size() - c.size()]);
          break;
        }
    }
    if (cuts.empty()) {
      emit(b, e);
      return;
    }
    const std::size_t first = words_.size();
    std::uint32_t start = b;
    for (std::uint32_t cut : cuts) {
      emit(start, b + cut);
      start = b + cut;
    }
    emit(start, e);
    words_[first].token_words = static_cast<std::uint8_t>(words_.size() - first);
  }

  void emit(std::uint32_t b, std::uint32_t e) {
    if (e <= b) return;
    Word w;
    w.span = {b, e};
    w.form = std::string(text_.substr(b, e - b));
    if (!words_.empty() && words_.back().span.end == b) {
      // the previous word's token ends here without a space; mark its last word
      words_.back().space_after = false;
    }
    words_.push_back(std::move(w));
  }

  std::string_view text_;
  const TokenizerData& data_;
  std::vector<Word> words_;
};

}  // namespace

std::vector<Word> tokenize_ud(std::string_view text, const SyntaxModel& model) {
  return Tokenizer(text, model.tokenizer).run();
}

}  // namespace crosscheck
