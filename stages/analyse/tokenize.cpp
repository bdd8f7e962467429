#include <unicode/brkiter.h>
#include <unicode/rbbi.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>
#include <stdexcept>

#include "detail.hpp"

namespace crosscheck::detail {
namespace {

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

// Case-folded UTF-8, with typographic apostrophes made plain so "Kim’s" and "Kim's" match.
std::string fold(const icu::UnicodeString& piece) {
  icu::UnicodeString folded(piece);
  folded.foldCase();
  folded.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), u"'");
  folded.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2018)), u"'");
  std::string out;
  folded.toUTF8String(out);
  return out;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, const Lexicon& lexicon) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  // UTF-16 index -> byte offset, to give spans in the caller's bytes.
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
  std::vector<Token> tokens;
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    const UChar32 first = u.char32At(start);
    if (u_isUWhiteSpace(first)) continue;
    const int32_t status = it->getRuleStatus();
    Token t;
    t.span = {to_byte[start], to_byte[end]};
    t.lower = fold(u.tempSubStringBetween(start, end));
    if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) {
      t.kind = Token::Kind::kNumber;
    } else if (status == UBRK_WORD_NONE) {
      t.kind = Token::Kind::kPunct;
    }
    if (t.kind == Token::Kind::kWord && t.lower.size() > 3 && t.lower.ends_with("n't")) {
      // "didn't" -> "did" + "n't": the negation cue is its own token.
      Token cue = t;
      cue.lower = "n't";
      // "n't" or "n’t": three code points back, however many bytes the apostrophe takes.
      std::uint32_t begin = t.span.end;
      for (int points = 0; points < 3 && begin > t.span.begin;) {
        --begin;
        if ((static_cast<unsigned char>(text[begin]) & 0xC0) != 0x80) ++points;
      }
      cue.span.begin = begin;
      t.lower.resize(t.lower.size() - 3);
      t.span.end = cue.span.begin;
      t.lemma = lemma_of(t.lower, lexicon);
      cue.lemma = "n't";
      tokens.push_back(std::move(t));
      tokens.push_back(std::move(cue));
      continue;
    }
    std::string base = t.lower;
    if (base.size() > 2 && base.ends_with("'s")) base.resize(base.size() - 2);  // possessive
    t.lemma = t.kind == Token::Kind::kWord ? lemma_of(base, lexicon) : t.lower;
    tokens.push_back(std::move(t));
  }
  return tokens;
}

}  // namespace crosscheck::detail
