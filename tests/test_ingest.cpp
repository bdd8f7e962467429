// Tests of the ingest stage: refused inputs with their exact diagnostics, NFC normalisation
// with the offset map back to the original bytes, and the page clutter that is marked.
// Each case compares one canonical text dump of the stage's output.
#include <catch2/catch.hpp>
#include <string>
#include <variant>
#include <vector>

#include "crosscheck/core.hpp"
#include "ingest/ingest.hpp"

namespace {

using crosscheck::Diagnostic;
using crosscheck::Document;

// "error: <diagnostic>" or "ok".
std::string outcome(const std::variant<Document, Diagnostic>& result) {
  if (const auto* d = std::get_if<Diagnostic>(&result)) return "error: " + d->format();
  return "ok";
}

// The clutter spans as the text they cover, one per line.
std::string clutter_dump(const Document& doc) {
  std::string out;
  for (const auto& span : doc.clutter) out += doc.text.substr(span.begin, span.size()) + "\n";
  return out;
}

struct RefusedCase {
  const char* name;
  std::string bytes;
  std::string expected;
};

struct NfcCase {
  const char* name;
  std::string original;
  std::string text;                // expected NFC text
  std::vector<std::uint32_t> map;  // expected norm_to_orig, one entry per text byte + 1
};

struct ClutterCase {
  const char* name;
  std::string text;
  std::string expected;  // clutter_dump()
};

}  // namespace

TEST_CASE("ingest refuses unusable bytes with a positioned message", "[ingest]") {
  using namespace std::string_literals;
  static const std::vector<RefusedCase> kCases = {
      {"empty", "", "error: doc.txt: error: empty file: no text to analyse"},
      {"spaces", "   ", "error: doc.txt: error: empty file: no text to analyse"},
      {"blank lines", "\n\n\t \r\n", "error: doc.txt: error: empty file: no text to analyse"},
      {"nul inside", "ab\0c"s, "error: doc.txt: error: binary file: NUL byte at offset 2"},
      {"nul alone", "\0"s, "error: doc.txt: error: binary file: NUL byte at offset 0"},
      {"nul after text", "text\n\0\0"s, "error: doc.txt: error: binary file: NUL byte at offset 5"},
      {"nul among spaces", "  \0  "s, "error: doc.txt: error: binary file: NUL byte at offset 2"},
      {"nul before bad utf-8", "\xFF\0"s,
       "error: doc.txt: error: binary file: NUL byte at offset 1"},
      {"stray 0xFF",
       "abc\xFF"
       "def",
       "error: doc.txt: error: invalid UTF-8 at byte offset 3"},
      {"truncated at end", "ab\xC3", "error: doc.txt: error: invalid UTF-8 at byte offset 2"},
      {"bad continuation", "\xC3\x28", "error: doc.txt: error: invalid UTF-8 at byte offset 0"},
      {"overlong slash", "A\xC0\xAF", "error: doc.txt: error: invalid UTF-8 at byte offset 1"},
      {"surrogate", "xy\xED\xA0\x80z", "error: doc.txt: error: invalid UTF-8 at byte offset 2"},
      {"above U+10FFFF", "\xF4\x90\x80\x80",
       "error: doc.txt: error: invalid UTF-8 at byte offset 0"},
      {"lone continuation after multibyte", "h\xC3\xA9llo \x80",
       "error: doc.txt: error: invalid UTF-8 at byte offset 7"},
      {"after CJK", "\xE6\x97\xA5\xE6\x9C\xAC\xFF",
       "error: doc.txt: error: invalid UTF-8 at byte offset 6"},
      {"valid text", "Soviet forces entered Korea.", "ok"},
      {"valid multibyte", "Caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80.", "ok"},
  };
  const auto& row = GENERATE(from_range(kCases));
  INFO(row.name);
  CHECK(outcome(crosscheck::ingest("doc.txt", row.bytes)) == row.expected);
}

TEST_CASE("ingest diagnostics name the file and have no line", "[ingest]") {
  const auto result = crosscheck::ingest("dir/a.txt", "ab\xFF");
  REQUIRE(std::holds_alternative<Diagnostic>(result));
  const auto& d = std::get<Diagnostic>(result);
  CHECK(d.file == "dir/a.txt");
  CHECK(d.line == 0);
  CHECK(d.severity == Diagnostic::Severity::kError);
}

TEST_CASE("ingest normalises to NFC and maps offsets back to the original", "[ingest]") {
  static const std::vector<NfcCase> kCases = {
      // e + COMBINING ACUTE (3 bytes) -> U+00E9 (2 bytes); both bytes map to the 'e'
      {"decomposed e acute", "e\xCC\x81", "\xC3\xA9", {0, 0, 3}},
      {"decomposed inside a word",
       "Cafe\xCC\x81 ok",
       "Caf\xC3\xA9 ok",
       {0, 1, 2, 3, 3, 6, 7, 8, 9}},
      {"two compositions",
       "e\xCC\x81"
       "e\xCC\x81",
       "\xC3\xA9\xC3\xA9",
       {0, 0, 3, 3, 6}},
      // ANGSTROM SIGN U+212B -> U+00C5: a singleton decomposition
      {"angstrom sign", "\xE2\x84\xAB", "\xC3\x85", {0, 0, 3}},
      // Hangul jamo L + V -> one syllable
      {"hangul jamo", "\xE1\x84\x80\xE1\x85\xA1", "\xEA\xB0\x80", {0, 0, 0, 6}},
      {"already NFC", "Caf\xC3\xA9", "Caf\xC3\xA9", {}},
      {"ascii", "plain text", "plain text", {}},
  };
  const auto& row = GENERATE(from_range(kCases));
  INFO(row.name);
  auto result = crosscheck::ingest("doc.txt", row.original);
  REQUIRE(std::holds_alternative<Document>(result));
  const auto& doc = std::get<Document>(result);
  CHECK(doc.original == row.original);
  CHECK(doc.text == row.text);
  CHECK(doc.norm_to_orig == row.map);
  // Whatever the representation, to_original covers every text offset and one past the end,
  // never decreases, and ends at the end of the original.
  std::uint32_t previous = 0;
  for (std::uint32_t i = 0; i <= doc.text.size(); ++i) {
    const std::uint32_t o = doc.to_original(i);
    CHECK(o >= previous);
    CHECK(o <= doc.original.size());
    previous = o;
  }
  CHECK(doc.to_original(static_cast<std::uint32_t>(doc.text.size())) == doc.original.size());
}

TEST_CASE("ingest maps a decomposed character to its original bytes", "[ingest]") {
  // "Jose\u0301 left." : the accented letter is 2 bytes in the NFC text, 3 in the original.
  const std::string original = "Jose\xCC\x81 left.";
  auto result = crosscheck::ingest("doc.txt", original);
  REQUIRE(std::holds_alternative<Document>(result));
  const auto& doc = std::get<Document>(result);
  const auto accent = doc.text.find("\xC3\xA9");
  REQUIRE(accent == 3);
  const auto left = doc.text.find("left");
  REQUIRE(left == 6);
  // the composed character's bytes -> the start of "e\u0301"
  CHECK(original.substr(doc.to_original(accent),
                        doc.to_original(accent + 2) - doc.to_original(accent)) == "e\xCC\x81");
  // the word after it -> the same word in the original
  CHECK(original.substr(doc.to_original(left), 4) == "left");
  CHECK(doc.to_original(left) == 7);
}

TEST_CASE("ingest marks page clutter and leaves prose alone", "[ingest]") {
  static const std::vector<ClutterCase> kCases = {
      {"menu, bars, back to top, footnote, share",
       "Home About Contact\n|\nBack to Top\n"
       "Soviet forces entered Korea in August 1945.[4] Then they stayed.\nShare\n",
       "Home About Contact\n|\nBack to Top\n[4]\nShare\n"},
      {"navigation words", "Menu\nPrevious\nNext page\nSkip to content\nRead more\n",
       "Menu\nPrevious\nNext page\nSkip to content\nRead more\n"},
      {"lines without letters", "* * *\n---\n12\n| |\n", "* * *\n---\n12\n| |\n"},
      {"footnote markers only in brackets of 1-3 digits",
       "Some prose here with [12] marks and [1950] years and [a] letters.\n", "[12]\n"},
      {"empty markdown image", "![](img.png)\nThe photograph shows the border in 1950.\n",
       "![](img.png)\n"},
      {"table cell edge", "This prose line ends in a table edge |\n", "|\n"},
      {"prose lines", "Soviet forces entered Korea in August 1945.\nHe left.\n", ""},
      {"long line without a sentence end", "Soviet forces entered Korea in August\n", ""},
      {"short question", "Who did it?\n", ""},
  };
  const auto& row = GENERATE(from_range(kCases));
  INFO(row.name);
  auto result = crosscheck::ingest("doc.txt", row.text);
  REQUIRE(std::holds_alternative<Document>(result));
  const auto& doc = std::get<Document>(result);
  CHECK(clutter_dump(doc) == row.expected);
  for (const auto& span : doc.clutter) {
    CHECK(doc.is_clutter(span.begin));
    CHECK(doc.is_clutter(span.end - 1));
  }
}

TEST_CASE("ingest treats a byte-order mark as clutter", "[ingest]") {
  auto result = crosscheck::ingest("doc.txt", "\xEF\xBB\xBFHello there, this is prose.");
  REQUIRE(std::holds_alternative<Document>(result));
  const auto& doc = std::get<Document>(result);
  REQUIRE_FALSE(doc.clutter.empty());
  CHECK(doc.clutter.front() == crosscheck::Span{0, 3});
  CHECK(doc.is_clutter(0));
  CHECK_FALSE(doc.is_clutter(3));
}

TEST_CASE("ingest respects max_clutter_line_words", "[ingest]") {
  crosscheck::IngestOptions options;
  options.max_clutter_line_words = 2;
  auto result = crosscheck::ingest("doc.txt", "Two words\nThree short words\n", options);
  REQUIRE(std::holds_alternative<Document>(result));
  CHECK(clutter_dump(std::get<Document>(result)) == "Two words\n");
}
