#include "ingest/ingest.hpp"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace crosscheck {
namespace {

Diagnostic file_error(const std::string& path, std::string message) {
  Diagnostic d;
  d.file = path;
  d.message = std::move(message);
  return d;
}

// Offset of the first byte that is not part of well-formed UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::string_view::npos;
}

// NFC text and, unless the input was already NFC, the map from NFC offsets to original ones.
bool normalise(const std::string& original, std::string& text, std::vector<std::uint32_t>& map,
               std::string& error) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    error = std::string("ICU NFC unavailable: ") + u_errorName(status);
    return false;
  }
  const icu::StringPiece piece(original.data(), static_cast<int32_t>(original.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
    text = original;
    map.clear();
    return true;
  }
  status = U_ZERO_ERROR;
  icu::Edits edits;
  text.clear();
  icu::StringByteSink<std::string> sink(&text);
  nfc->normalizeUTF8(0, piece, sink, &edits, status);
  if (U_FAILURE(status)) {
    error = std::string("NFC normalisation failed: ") + u_errorName(status);
    return false;
  }
  map.assign(text.size() + 1, static_cast<std::uint32_t>(original.size()));
  auto it = edits.getFineIterator();
  while (it.next(status)) {
    const auto src = static_cast<std::uint32_t>(it.sourceIndex());
    const auto dst = static_cast<std::uint32_t>(it.destinationIndex());
    const auto new_length = static_cast<std::uint32_t>(it.newLength());
    for (std::uint32_t k = 0; k < new_length; ++k) {
      // Unchanged runs map byte for byte; a changed run maps every byte to its start.
      map[dst + k] = it.hasChange() ? src : src + k;
    }
  }
  if (U_FAILURE(status)) {
    error = std::string("NFC offset map failed: ") + u_errorName(status);
    return false;
  }
  return true;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Navigation words that copied pages carry as lines of their own.
constexpr std::array<std::string_view, 14> kNavigationLines = {"back to top",
                                                               "back to main",
                                                               "go to contents",
                                                               "related topics",
                                                               "skip to content",
                                                               "menu",
                                                               "share",
                                                               "print",
                                                               "home",
                                                               "next",
                                                               "previous",
                                                               "advertisement",
                                                               "read more",
                                                               "top"};

std::size_t count_words(std::string_view line) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : line) {
    const bool word_char = std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80);
    if (word_char && !in_word) ++words;
    in_word = word_char;
  }
  return words;
}

bool ends_like_sentence(std::string_view line) {
  static constexpr std::array<std::string_view, 8> kEnds = {
      ".", "!", "?", "\"", ")", "\xE2\x80\x9D", "'", ":"};
  return std::any_of(kEnds.begin(), kEnds.end(),
                     [&](std::string_view e) { return line.ends_with(e); });
}

bool has_letter(std::string_view line) {
  return std::any_of(line.begin(), line.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80);
  });
}

// A whole line that is page furniture rather than prose.
bool is_clutter_line(std::string_view line, const IngestOptions& options) {
  line = trim(line);
  if (line.empty()) return false;
  if (!has_letter(line)) return true;  // "|", "---", "* * *", page numbers
  const std::string lower = lower_ascii(line);
  for (auto nav : kNavigationLines)
    if (lower == nav || (lower.ends_with(nav) && count_words(lower) <= count_words(nav) + 1))
      return true;
  return count_words(line) <= options.max_clutter_line_words && !ends_like_sentence(line);
}

void add_span(std::vector<Span>& spans, std::size_t begin, std::size_t end) {
  if (begin < end)
    spans.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
}

// Footnote markers "[4]", "[12]" and empty markdown images "![]()" inside a line.
void mark_inline_clutter(std::string_view text, std::size_t base, std::vector<Span>& spans) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '[') {
      std::size_t j = i + 1;
      while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
      if (j > i + 1 && j < text.size() && text[j] == ']' && j - i <= 4) {
        add_span(spans, base + i, base + j + 1);
        i = j;
      }
    } else if (text.substr(i).starts_with("![")) {
      const auto close = text.find("](", i);
      const auto end = close == std::string_view::npos ? close : text.find(')', close);
      if (end != std::string_view::npos && end - i < 300) {
        add_span(spans, base + i, base + end + 1);
        i = end;
      }
    }
  }
  // A trailing " |" (a table cell edge) at the end of a prose line.
  auto t = text;
  while (!t.empty() && is_space(t.back())) t.remove_suffix(1);
  if (t.ends_with('|')) add_span(spans, base + t.size() - 1, base + t.size());
}

std::vector<Span> find_clutter(std::string_view text, const IngestOptions& options) {
  std::vector<Span> spans;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const auto line = text.substr(start, end - start);
    if (is_clutter_line(line, options)) {
      add_span(spans, start, end);
    } else {
      mark_inline_clutter(line, start, spans);
    }
    if (end == text.size()) break;
    start = end + 1;
  }
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  return spans;
}

}  // namespace

std::variant<Document, Diagnostic> ingest(std::string path, std::string bytes,
                                          const IngestOptions& options) {
  if (trim(bytes).empty()) return file_error(path, "empty file: no text to analyse");
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))
    return file_error(path, "UTF-16 text (it starts with a byte order mark): only UTF-8 is read");
  if (const auto nul = bytes.find('\0'); nul != std::string::npos)
    return file_error(path, "binary file: NUL byte at offset " + std::to_string(nul));
  if (const auto bad = first_invalid_utf8(bytes); bad != std::string_view::npos)
    return file_error(path, "invalid UTF-8 at byte offset " + std::to_string(bad));

  Document doc;
  doc.path = std::move(path);
  doc.original = std::move(bytes);
  std::string error;
  if (!normalise(doc.original, doc.text, doc.norm_to_orig, error))
    return file_error(doc.path, error);
  // A byte-order mark is not text: treat it as clutter so offsets still match the file.
  doc.clutter = find_clutter(doc.text, options);
  if (doc.text.starts_with("\xEF\xBB\xBF")) doc.clutter.insert(doc.clutter.begin(), {0, 3});
  return doc;
}

}  // namespace crosscheck
