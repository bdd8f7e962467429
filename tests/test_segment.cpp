// Tests of the segment stage on Documents made by ingest(): abbreviations, glued headings,
// quotes, ellipses, line:col (1-based, columns in code points), clutter kept out, and
// Sentence::text equal to the original bytes of its span. Each case compares the whole
// segmentation as one canonical dump, "line:col|text" per sentence, then checks the
// invariants every segmentation must hold.
#include <catch2/catch.hpp>
#include <string>
#include <variant>
#include <vector>

#include "crosscheck/core.hpp"
#include "ingest/ingest.hpp"
#include "ruleset/ruleset.hpp"
#include "segment/segment.hpp"

namespace {

// The English lexicon's abbreviations and sentence openers, as the program segments with.
const crosscheck::SegmentOptions& english() {
  static const crosscheck::LoadedRules rules =
      crosscheck::load_rules({std::string(CROSSCHECK_SOURCE_ROOT) + "/rules/en"});
  static const crosscheck::SegmentOptions options{6, &rules.lexicon};
  return options;
}

using crosscheck::Document;
using crosscheck::Sentence;

Document make_document(const std::string& bytes) {
  auto result = crosscheck::ingest("doc.txt", bytes);
  if (const auto* d = std::get_if<crosscheck::Diagnostic>(&result)) FAIL(d->format());
  return std::get<Document>(std::move(result));
}

std::string dump(const std::vector<Sentence>& sentences) {
  std::string out;
  for (const auto& s : sentences)
    out += std::to_string(s.line) + ":" + std::to_string(s.col) + "|" + s.text + "\n";
  return out;
}

// What every segmentation promises, whatever the text.
void check_invariants(const Document& doc, const std::vector<Sentence>& sentences) {
  std::uint32_t previous_end = 0;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    INFO("sentence " << i << ": " << s.text);
    CHECK(s.index == i);
    CHECK(s.doc == doc.index);
    CHECK_FALSE(s.span.empty());
    CHECK(s.span.begin >= previous_end);  // in order, not overlapping
    previous_end = s.span.end;
    CHECK(s.original.begin == doc.to_original(s.span.begin));
    CHECK(s.original.end == doc.to_original(s.span.end));
    CHECK(s.text == doc.original.substr(s.original.begin, s.original.size()));
    const auto lc = crosscheck::line_col(doc.original, s.original.begin);
    CHECK(s.line == lc.line);
    CHECK(s.col == lc.col);
    // clutter never starts, ends or straddles a sentence; a footnote marker may sit inside
    for (const auto& c : doc.clutter) {
      INFO("clutter " << doc.text.substr(c.begin, c.size()));
      const bool inside = c.begin > s.span.begin && c.end < s.span.end;
      CHECK_FALSE((c.begin < s.span.end && s.span.begin < c.end && !inside));
    }
  }
}

struct Case {
  const char* name;
  std::string text;
  std::string expected;  // dump()
};

void run(const Case& row) {
  INFO(row.name);
  const Document doc = make_document(row.text);
  const auto sentences = crosscheck::segment(doc, english());
  CHECK(dump(sentences) == row.expected);
  check_invariants(doc, sentences);
}

}  // namespace

TEST_CASE("segment splits sentences", "[segment]") {
  static const std::vector<Case> kCases = {
      {"titles and a month before a number",
       "Dr. Smith met Mr. Jones in the U.S. on Jan. 12, 1950. Gen. MacArthur landed.",
       "1:1|Dr. Smith met Mr. Jones in the U.S. on Jan. 12, 1950.\n"
       "1:55|Gen. MacArthur landed.\n"},
      {"title before a name at sentence end", "He met Dr. Kim. Then he left.",
       "1:1|He met Dr. Kim.\n1:17|Then he left.\n"},
      {"military rank", "Gen. MacArthur landed at Inchon. The city fell.",
       "1:1|Gen. MacArthur landed at Inchon.\n1:34|The city fell.\n"},
      {"month abbreviation before a day", "It began on Jan. 25 in the north. Then it spread.",
       "1:1|It began on Jan. 25 in the north.\n1:35|Then it spread.\n"},
      {"initial in a name", "The book by James G. Hershberg appeared. It sold well.",
       "1:1|The book by James G. Hershberg appeared.\n1:42|It sold well.\n"},
      {"footnote marker in place of a full stop",
       "These two reinforced its stage on the globe[9] Still, Stalin hesitated.",
       "1:1|These two reinforced its stage on the globe\n1:48|Still, Stalin hesitated.\n"},
      {"footnote marker before a lower-case word", "The stage on the globe[9] still mattered.",
       "1:1|The stage on the globe[9] still mattered.\n"},
      {"footnote marker after too short a start", "The globe[9] Still mattered.",
       "1:1|The globe[9] Still mattered.\n"},
      {"glued heading (the header's example)",
       "Before the WarSoviet forces entered Korea in August 1945.",
       "1:1|Before the War\n1:15|Soviet forces entered Korea in August 1945.\n"},
      {"glued heading after a paragraph",
       "Intro line here.\nBefore the WarSoviet forces entered Korea in August 1945.",
       "1:1|Intro line here.\n2:1|Before the War\n2:15|Soviet forces entered Korea in August "
       "1945.\n"},
      {"glued heading after a long word",
       "After the BattleSoviet forces entered Korea in August 1945.",
       "1:1|After the Battle\n1:17|Soviet forces entered Korea in August 1945.\n"},
      {"glued heading ending in a question mark",
       "Korea: Stalin's War?During the War, Truman believed it.",
       "1:1|Korea: Stalin's War?\n1:21|During the War, Truman believed it.\n"},
      {"one-word glued heading", "ConclusionThere is no doubt.",
       "1:1|Conclusion\n1:11|There is no doubt.\n"},
      {"names with inner capitals are not headings", "McDonald met MacArthur in Seoul.",
       "1:1|McDonald met MacArthur in Seoul.\n"},
      {"sentence ending inside straight quotes", "He said \"Go.\" Then he left.",
       "1:1|He said \"Go.\"\n1:15|Then he left.\n"},
      {"sentence ending inside curly quotes", "He said \xE2\x80\x9CGo.\xE2\x80\x9D Then he left.",
       "1:1|He said \xE2\x80\x9CGo.\xE2\x80\x9D\n1:15|Then he left.\n"},
      {"ellipsis before a capital", "He waited... Then he left.",
       "1:1|He waited...\n1:14|Then he left.\n"},
      {"ellipsis inside a sentence", "He waited... and then he left.",
       "1:1|He waited... and then he left.\n"},
      {"columns count code points", "Caf\xC3\xA9 opened early. Then it closed.",
       "1:1|Caf\xC3\xA9 opened early.\n1:20|Then it closed.\n"},
      {"columns after a character outside the BMP", "Hi \xF0\x9F\x98\x80 there. Next one.",
       "1:1|Hi \xF0\x9F\x98\x80 there.\n1:13|Next one.\n"},
      {"several lines", "First line is here.\nSecond line starts. Third one\xC3\xA9 too. Fourth.",
       "1:1|First line is here.\n2:1|Second line starts.\n2:21|Third one\xC3\xA9 too.\n"
       "2:37|Fourth.\n"},
      {"text is the original bytes of a decomposed character", "Cafe\xCC\x81 opened. It closed.",
       "1:1|Cafe\xCC\x81 opened.\n1:15|It closed.\n"},
      {"clutter lines and a footnote marker are kept out",
       "Intro.\n\n| Home | About |\nBack to Top\n"
       "Soviet forces entered Korea in August 1945.[4]\nShare\nThey stayed until 1948.",
       "1:1|Intro.\n5:1|Soviet forces entered Korea in August 1945.\n"
       "7:1|They stayed until 1948.\n"},
      {"footnote marker between sentences",
       "Soviet forces entered Korea in August 1945.[4] Then they stayed.",
       "1:1|Soviet forces entered Korea in August 1945.\n1:48|Then they stayed.\n"},
      {"a clutter-only document has no sentence", "Home About\n|\nBack to Top\n", ""},
  };
  run(GENERATE(from_range(kCases)));
}

TEST_CASE("segment keeps the document index", "[segment]") {
  Document doc = make_document("One sentence. Two sentences.");
  doc.index = 7;
  const auto sentences = crosscheck::segment(doc, english());
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[0].doc == 7);
  CHECK(sentences[1].doc == 7);
  check_invariants(doc, sentences);
}

TEST_CASE("segment respects max_heading_words", "[segment]") {
  const Document doc = make_document("After the BattleSoviet forces entered Korea in August 1945.");
  crosscheck::SegmentOptions options = english();
  options.max_heading_words = 2;  // "After the Battle" is three words: not a heading
  CHECK(dump(crosscheck::segment(doc, options)) ==
        "1:1|After the BattleSoviet forces entered Korea in August 1945.\n");
}

// Known failures: see the report. Kept apart so that the cases above still must pass.
TEST_CASE("segment: cases once wrong (regressions)", "[segment]") {
  static const std::vector<Case> kCases = {
      // "U.S." is in the suppression list, but ICU's filtered iterator ignores
      // multi-period abbreviations, so "The U.S." becomes a sentence of its own.
      {"U.S. before a capital", "The U.S. Army landed. It stayed.",
       "1:1|The U.S. Army landed.\n1:23|It stayed.\n"},
  };
  run(GENERATE(from_range(kCases)));
}
