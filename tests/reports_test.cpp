// Tests of reports/: CSV cells and the whole findings.csv and report.html of a small fixed
// corpus against golden files, HTML escaping of hostile corpus text, and the atomic writer.
// Regenerate the golden files on purpose only, and review them in the diff:
//   CROSSCHECK_UPDATE_GOLDEN=1 ./test_reports
#include "reports/reports.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "reports/detail/format.hpp"

namespace crosscheck {
namespace {

namespace fs = std::filesystem;

// Builds a corpus by hand, one statement per sentence, the way the pipeline leaves it.
class CorpusBuilder {
 public:
  explicit CorpusBuilder(std::string name) {
    corpus_.root = "corpus/" + name;
    corpus_.name = std::move(name);
  }

  // Adds a document whose sentences start on the given lines.
  CorpusBuilder& document(std::string path, SourceMeta source,
                          const std::vector<std::pair<std::uint32_t, std::string>>& sentences) {
    Document document;
    document.index = static_cast<std::uint32_t>(corpus_.documents.size());
    document.path = std::move(path);
    document.source = std::move(source);
    std::uint32_t index = 0;
    for (const auto& [line, text] : sentences) {
      Sentence sentence;
      sentence.doc = document.index;
      sentence.index = index;
      sentence.span = {static_cast<std::uint32_t>(document.text.size()),
                       static_cast<std::uint32_t>(document.text.size() + text.size())};
      sentence.original = sentence.span;
      sentence.line = line;
      sentence.text = text;
      document.text += text + "\n";
      corpus_.sentences.push_back(sentence);

      Statement statement;
      statement.doc = document.index;
      statement.sentence = index;
      statement.index = index;
      statement.span = sentence.span;
      corpus_.statements.push_back(statement);
      ++index;
    }
    document.original = document.text;
    corpus_.documents.push_back(std::move(document));
    return *this;
  }

  CorpusBuilder& entities(std::uint32_t statement, std::vector<std::string> names) {
    corpus_.statements[statement].entities.assign(names.begin(), names.end());
    return *this;
  }

  CorpusBuilder& reported_by(std::uint32_t statement, std::string who) {
    corpus_.statements[statement].modality = Modality::kReported;
    corpus_.statements[statement].attributed_to = std::move(who);
    return *this;
  }

  CorpusBuilder& denies(std::uint32_t statement) {
    corpus_.statements[statement].polarity = Polarity::kNegative;
    return *this;
  }

  CorpusBuilder& claim(std::vector<std::uint32_t> statements) {
    corpus_.claims.push_back({std::move(statements)});
    return *this;
  }

  CorpusBuilder& finding(Finding finding) {
    corpus_.findings.push_back(std::move(finding));
    return *this;
  }

  CorpusBuilder& skipped(Skipped skipped) {
    corpus_.skipped.push_back(std::move(skipped));
    return *this;
  }

  Corpus build() {
    corpus_.finish_indexes();
    return corpus_;
  }

 private:
  Corpus corpus_;
};

Finding make_finding(Finding::Kind kind, std::string type, std::string rule, double confidence,
                     std::uint32_t a, std::uint32_t b, std::vector<std::string> cues,
                     std::string explanation) {
  Finding finding;
  finding.kind = kind;
  finding.type = std::move(type);
  finding.rule = std::move(rule);
  finding.confidence = confidence;
  finding.a = a;
  finding.b = b;
  finding.cues = std::move(cues);
  finding.explanation = std::move(explanation);
  return finding;
}

// Two articles about one bridge: a negation conflict and a number agreement. The sentences
// carry a comma, double quotes, a line break and a leading "-" so the golden CSV shows
// quoting, flattening and formula neutralisation.
Corpus small_corpus() {
  return CorpusBuilder("small")
      .document("alpha/2024-03-01-harbour.txt",
                {"000", "Harbour bridge opens", "Alpha Daily", "2024-03-01"},
                {{1, "The harbour bridge opened on 1 March 2024."},
                 {2,
                  "The mayor said the project cost \"about\n  12 million\" euros, more than "
                  "planned."}})
      .document("beta/harbour.txt", {"001", "Bridge delayed again", "Beta News", "2024-03-02"},
                {{1, "The harbour bridge did not open on 1 March 2024."},
                 {3, "- Officials said the project cost 12 million euros."}})
      .entities(0, {"harbour bridge"})
      .entities(2, {"harbour bridge"})
      .reported_by(1, "The mayor")
      .denies(2)
      .claim({0, 2})
      .claim({1, 3})
      .finding(make_finding(Finding::Kind::kConflict, "negation", "negation.not", 0.8, 0, 2,
                            {"not"}, "B denies what A asserts: the bridge did not open."))
      .finding(make_finding(Finding::Kind::kAgreement, "number", "number.same", 0.654, 1, 3,
                            {"12 million", "cost"}, "Both give the cost as 12 million euros."))
      .skipped(
          {"gamma/broken.txt",
           {"gamma/broken.txt", 3, 14, Diagnostic::Severity::kError, "invalid UTF-8 byte 0xFF"}})
      .build();
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool updating_golden() {
  const char* update = std::getenv("CROSSCHECK_UPDATE_GOLDEN");
  return update != nullptr && std::string(update) == "1";
}

// Compares `actual` whole against tests/golden/<name>, or rewrites the file when
// CROSSCHECK_UPDATE_GOLDEN=1. On a mismatch it names the first line that differs.
void check_golden(const std::string& name, const std::string& actual) {
  const fs::path path = fs::path(CROSSCHECK_TEST_DIR) / "golden" / name;
  if (updating_golden()) {
    fs::create_directories(path.parent_path());
    REQUIRE(write_atomically(path.string(), actual) == "");
    WARN("updated " << path.string());
    return;
  }
  INFO("golden file " << path.string() << " (regenerate with CROSSCHECK_UPDATE_GOLDEN=1)");
  REQUIRE(fs::exists(path));
  const std::string expected = read_file(path);
  if (actual == expected) return;
  std::istringstream want(expected), got(actual);
  std::string want_line, got_line;
  int line = 0;
  while (true) {
    ++line;
    const bool more_want = static_cast<bool>(std::getline(want, want_line));
    const bool more_got = static_cast<bool>(std::getline(got, got_line));
    if (!more_want && !more_got) break;
    if (more_want != more_got || want_line != got_line) {
      INFO("first difference at line " << line);
      CHECK(got_line == want_line);
      break;
    }
  }
  FAIL("output differs from the golden file");
}

std::size_t count(const std::string& haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1))
    ++n;
  return n;
}

// The text between the first `open` and the `close` after it.
std::string between(const std::string& text, std::string_view open, std::string_view close) {
  const std::size_t begin = text.find(open);
  if (begin == std::string::npos) return "";
  const std::size_t end = text.find(close, begin + open.size());
  if (end == std::string::npos) return "";
  return text.substr(begin + open.size(), end - begin - open.size());
}

TEST_CASE("csv_cell quotes as RFC 4180 requires and neutralises formulas", "[csv]") {
  struct Case {
    const char* name;
    std::string input;
    std::string expected;
  };
  const auto c = GENERATE(values<Case>({
      {"plain", "plain text", "plain text"},
      {"empty", "", ""},
      {"comma", "a,b", "\"a,b\""},
      {"quote", "say \"hi\"", "\"say \"\"hi\"\"\""},
      {"newline", "line 1\nline 2", "\"line 1\nline 2\""},
      {"carriage return", "line 1\rline 2", "\"line 1\rline 2\""},
      {"apostrophe", "it's", "it's"},
      {"dde payload", "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
      {"plus", "+1", "'+1"},
      {"minus", "-2", "'-2"},
      {"at", "@SUM(A1)", "'@SUM(A1)"},
      {"leading tab", "\tx", "'\tx"},
      {"leading CR", "\rx", "\"'\rx\""},
      {"formula and comma", "=1,2", "\"'=1,2\""},
      {"formula and quote", "=\"a\"", "\"'=\"\"a\"\"\""},
      {"sign inside", "1-2+3", "1-2+3"},
  }));
  INFO(c.name);
  CHECK(csv_cell(c.input) == c.expected);
}

TEST_CASE("render_csv matches the golden file", "[csv][golden]") {
  check_golden("small/findings.csv", render_csv(small_corpus()));
}

TEST_CASE("render_csv of a corpus without findings is the header alone", "[csv]") {
  const Corpus corpus = CorpusBuilder("empty").build();
  CHECK(render_csv(corpus) ==
        "id,kind,type,rule,confidence,source_a,doc_a,line_a,text_a,source_b,doc_b,line_b,"
        "text_b,cues,asserted_by_a,asserted_by_b,explanation\n");
}

TEST_CASE("render_csv numbers findings with at least four digits", "[csv]") {
  CHECK(detail::finding_id(0) == "F0001");
  CHECK(detail::finding_id(9998) == "F9999");
  CHECK(detail::finding_id(9999) == "F10000");
  CHECK(detail::format_confidence(0.8) == "0.80");
  CHECK(detail::format_confidence(1) == "1.00");
  CHECK(detail::format_confidence(0.655) == "0.66");  // nearest to the double 0.65500000000000003
}

TEST_CASE("one_line flattens white space", "[csv]") {
  struct Case {
    std::string input;
    std::string expected;
  };
  const auto c = GENERATE(values<Case>({
      {"a b", "a b"},
      {"  a \t\n b  ", "a b"},
      {"a\r\n\r\nb", "a b"},
      {"a\u2028b\u2029c\u0085d", "a b c d"},
      {"caf\u00e9\u00a0bar", "caf\u00e9\u00a0bar"},  // no-break space stays
      {"", ""},
  }));
  CHECK(detail::one_line(c.input) == c.expected);
}

TEST_CASE("html_escape escapes markup and shows bidi controls", "[html]") {
  struct Case {
    std::string input;
    std::string expected;
  };
  const auto c = GENERATE(values<Case>({
      {"plain", "plain"},
      {"a & b", "a &amp; b"},
      {"<b>", "&lt;b&gt;"},
      {"\"'", "&quot;&#39;"},
      {"abc\u202Edcb", "abc[U+202E]dcb"},
      {"\u202A\u202B\u202C\u202D", "[U+202A][U+202B][U+202C][U+202D]"},
      {"\u2066x\u2067y\u2068z\u2069", "[U+2066]x[U+2067]y[U+2068]z[U+2069]"},
      {"\u200F\u2014\u2069", "\u200F\u2014[U+2069]"},  // RLM and em dash are ordinary
      {std::string("a\0b", 3), "a[U+0000]b"},
      {"tab\tnew\nline\x7f", "tab\tnew\nline[U+007F]"},
      {"\xE2\x80", "\xE2\x80"},  // truncated sequence passes through, without overrun
  }));
  CHECK(html_escape(c.input) == c.expected);
}

TEST_CASE("cue_matches finds cues case-insensitively on word boundaries", "[html]") {
  struct Case {
    const char* name;
    std::string text;
    std::vector<std::string> cues;
    std::vector<Span> expected;
  };
  const auto c = GENERATE(values<Case>({
      {"simple", "It did not open.", {"not"}, {{7, 10}}},
      {"case", "NOT at all, Not now", {"not"}, {{0, 3}, {12, 15}}},
      {"inside a word", "Nothing is known", {"no", "not"}, {}},
      {"multi-word", "cost 12 million euros", {"12 million"}, {{5, 15}}},
      {"overlap merged", "did not open", {"did not", "not open"}, {{0, 12}}},
      {"punctuation cue", "a - b", {"-"}, {{2, 3}}},
      {"empty cue", "text", {""}, {}},
      {"non-ASCII neighbour", "caf\u00e9not", {"not"}, {}},
  }));
  INFO(c.name);
  CHECK(detail::cue_matches(c.text, c.cues) == c.expected);
}

TEST_CASE("sha256_base64 matches known digests", "[html]") {
  CHECK(detail::sha256_base64("abc") == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
  CHECK(detail::sha256_base64("") == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  CHECK(detail::sha256_base64("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE=");
  CHECK(detail::sha256_base64(std::string(1000, 'a')) ==
        "Qe3s5C1j6Nm/UVqbppMuHCDLyfWl0TRkWttdsblzfqM=");
}

TEST_CASE("render_html matches the golden file", "[html][golden]") {
  check_golden("small/report.html", render_html(small_corpus()));
}

TEST_CASE("render_html is self-contained and shows the corpus", "[html]") {
  const std::string page = render_html(small_corpus());
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(page.find("://") == std::string::npos);  // no external URL of any kind
  CHECK(page.find(" src=") == std::string::npos);
  // Links stay in the page: every href is an anchor the page defines.
  for (std::size_t at = page.find(" href=\""); at != std::string::npos;
       at = page.find(" href=\"", at + 1)) {
    const std::string target = page.substr(at + 7, page.find('"', at + 7) - at - 7);
    INFO("href " << target);
    REQUIRE(target.rfind('#', 0) == 0);  // an element of the page, or a finding of its data
    CHECK((page.find("id=\"" + target.substr(1) + "\"") != std::string::npos ||
           page.find("{\"id\":\"" + target.substr(1) + "\"") != std::string::npos));
  }
  CHECK(page.find("<link") == std::string::npos);
  CHECK(page.find("innerHTML") == std::string::npos);
  CHECK(page.find("<title>small") != std::string::npos);
  // The findings are data the script shows a page at a time: each side names its sentence
  // (each sentence once) and the cue marks in it, in UTF-16 offsets.
  CHECK(count(page, "\"k\":\"conflict\"") == 1);
  CHECK(count(page, "\"k\":\"agreement\"") == 1);
  CHECK(page.find("\"n\":1,\"m\":[[23,26]]") != std::string::npos);  // "not"
  CHECK(page.find("\"The harbour bridge did not open on 1 March 2024.\"") != std::string::npos);
  CHECK(page.find("\"m\":[[27,31],[39,49]]") != std::string::npos);  // "cost", "12 million"
  CHECK(page.find("\"The mayor said the project cost \\\"about 12 million\\\" euros, more than "
                  "planned.\"") != std::string::npos);
  CHECK(page.find("gamma/broken.txt:3:14: error: invalid UTF-8 byte 0xFF") != std::string::npos);
  CHECK(page.find("{\"id\":\"001\",\"outlet\":\"Beta News\",\"path\":\"beta/harbour.txt\"}") !=
        std::string::npos);
  CHECK(page.find("\"d\":1,\"s\":3,\"l\":3,") != std::string::npos);
  // The claim matrix: a row per claim, a cell per source with its stance, linked to the
  // statement in the article, and the findings between the claim's statements.
  CHECK(count(page, "<tr class=\"claim\"") == 2);
  CHECK(page.find("<td class=\"cell asserts\"><a href=\"#s0\"") != std::string::npos);
  CHECK(page.find("<td class=\"cell denies\"><a href=\"#s2\"") != std::string::npos);
  CHECK(page.find("<td class=\"cell reports\"><a href=\"#s1\"") != std::string::npos);
  // The articles: each statement anchored, with links to its findings.
  CHECK(page.find("<span class=\"st has-findings\" id=\"s2\">The harbour bridge did not open on "
                  "1 March 2024.</span><a class=\"fl conflict\" href=\"#F0001\">F0001</a>") !=
        std::string::npos);
  // Summary by source pair.
  CHECK(page.find("<td>negation 1 / 0 / 0, number 0 / 0 / 1</td>") != std::string::npos);

  // The CSP admits exactly the page's own style and script.
  const std::string style = between(page, "<style>", "</style>");
  const std::string script = between(page, "<script>", "</script>");
  CHECK(page.find("default-src 'none'") != std::string::npos);
  CHECK(page.find("style-src 'sha256-" + detail::sha256_base64(style) + "'") != std::string::npos);
  CHECK(page.find("script-src 'sha256-" + detail::sha256_base64(script) + "'") !=
        std::string::npos);
}

TEST_CASE("render_jsonl matches the golden file and parses line by line", "[jsonl][golden]") {
  const std::string jsonl = render_jsonl(small_corpus());
  check_golden("small/findings.jsonl", jsonl);
  CHECK(count(jsonl, "\n") == 3);  // two findings, then the skipped document
  CHECK(
      jsonl.ends_with("{\"kind\":\"skipped\",\"path\":\"gamma/broken.txt\",\"line\":3,"
                      "\"column\":14,\"message\":\"invalid UTF-8 byte 0xFF\"}\n"));
  // positions come from the file itself: beta's second sentence starts its second line
  CHECK(jsonl.find("\"doc\":\"beta/harbour.txt\",\"line\":2,\"col\":1,") != std::string::npos);
}

TEST_CASE("fingerprint ignores case, spacing, punctuation, order and position", "[fingerprint]") {
  const Corpus a = small_corpus();
  const std::string base = fingerprint(a, a.findings[0]);
  CHECK(base.size() == 32);
  // The same texts elsewhere: other files, other lines, sides swapped, re-wrapped.
  const Corpus b =
      CorpusBuilder("other")
          .document("x.txt", {"9", "", "", ""},
                    {{7, "Unrelated."}, {9, "The harbour bridge did NOT  open on\n1 March 2024"}})
          .document("y.txt", {"8", "", "", ""},
                    {{2, "the harbour bridge opened on 1 March, 2024."}})
          .finding(
              make_finding(Finding::Kind::kConflict, "negation", "negation.not", 0.1, 1, 2, {}, ""))
          .build();
  CHECK(fingerprint(b, b.findings[0]) == base);
  // Another rule or other words: another fingerprint.
  Finding other_rule = a.findings[0];
  other_rule.rule = "negation.other";
  CHECK(fingerprint(a, other_rule) != base);
  CHECK(fingerprint(a, a.findings[1]) != base);
  CHECK(normalised_text("  Stalin's  \"WAR\"-plan, 1950!") == "stalin s war plan 1950");
}

TEST_CASE("write_sarif: one result per conflict, with rules and a related location", "[sarif]") {
  Rule conflict;
  conflict.id = "negation.not";
  conflict.description = "one side denies what the other asserts";
  Rule agreement;
  agreement.id = "number.same";
  agreement.kind = Finding::Kind::kAgreement;
  std::ostringstream out;
  write_sarif(small_corpus(), {"9.9", {conflict, agreement}}, out);
  const std::string sarif = out.str();
  CHECK(sarif.rfind("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
                    "\"version\":\"2.1.0\"",
                    0) == 0);
  CHECK(count(sarif, "\"ruleId\"") == 1);  // the agreement is no result
  CHECK(sarif.find("\"ruleId\":\"negation.not\",\"ruleIndex\":0,\"level\":\"warning\"") !=
        std::string::npos);
  CHECK(sarif.find("{\"id\":\"number.same\",\"shortDescription\":{\"text\":\"number.same\"},"
                   "\"defaultConfiguration\":{\"level\":\"none\"}") != std::string::npos);
  CHECK(sarif.find("\"uri\":\"corpus/small/alpha/2024-03-01-harbour.txt\"},\"region\":{"
                   "\"startLine\":1,\"startColumn\":1,\"endLine\":1,\"endColumn\":43") !=
        std::string::npos);
  CHECK(sarif.find("\"relatedLocations\":[{\"id\":1,") != std::string::npos);
  CHECK(sarif.find("\"uri\":\"corpus/small/beta/harbour.txt\"") != std::string::npos);
  // the skipped document is a tool notification, with its place
  CHECK(sarif.find("\"invocations\":[{\"executionSuccessful\":true,"
                   "\"toolExecutionNotifications\":[{\"level\":\"error\",\"message\":{\"text\":"
                   "\"document skipped: invalid UTF-8 byte 0xFF\"},\"locations\":[{"
                   "\"physicalLocation\":{\"artifactLocation\":{\"uri\":"
                   "\"corpus/small/gamma/broken.txt\"},\"region\":{\"startLine\":3,"
                   "\"startColumn\":14}}}]}]}]") != std::string::npos);
}

TEST_CASE("claim matrix: a source that tells an event twice shows each statement", "[html]") {
  const Corpus corpus =
      CorpusBuilder("twice")
          .document("a.txt", {"000", "Alpha", "", ""},
                    {{1, "The council approved the budget."}, {2, "It did not approve it."}})
          .document("b.txt", {"001", "Beta", "", ""}, {{1, "The council approved the budget."}})
          .denies(1)
          .claim({0, 1, 2})
          .build();
  const std::string page = render_html(corpus);
  CHECK(count(page, "<tr class=\"claim\"") == 1);
  // one cell for Alpha, with both of its statements, each by its own stance
  CHECK(page.find("<td class=\"cell asserts\"><a href=\"#s0\" title=\"The council approved the "
                  "budget.\">asserts</a> <a href=\"#s1\" title=\"It did not approve it.\">denies"
                  "</a></td><td class=\"cell asserts\"><a href=\"#s2\"") != std::string::npos);
}

TEST_CASE("a dispute is its own kind: counted apart, listed, never a SARIF problem",
          "[html][csv][sarif]") {
  Corpus corpus = small_corpus();
  corpus.findings[0].kind = Finding::Kind::kDispute;
  const std::string csv = render_csv(corpus);
  CHECK(csv.find("\nF0001,dispute,negation,") != std::string::npos);
  const std::string page = render_html(corpus);
  CHECK(page.find("2 claims, 0 conflicts, 1 dispute, 1 agreement,") != std::string::npos);
  CHECK(page.find("{\"id\":\"F0001\",\"k\":\"dispute\"") != std::string::npos);
  CHECK(page.find("<option value=\"dispute\">dispute</option>") != std::string::npos);
  CHECK(page.find("<td>negation 0 / 1 / 0, number 0 / 0 / 1</td>") != std::string::npos);
  Rule conflict;
  conflict.id = "negation.not";
  std::ostringstream sarif;
  write_sarif(corpus, {"9.9", {conflict}}, sarif);
  CHECK(count(sarif.str(), "\"ruleId\"") == 0);
}

TEST_CASE("cue marks fall on the cue when controls before it are made visible", "[html]") {
  // "\u202E" shows as "[U+202E]" (8 characters for 1) and "\x01" as "[U+0001]": the marks
  // are counted in the text as shown, so "not" is at 26-29, not 14 places earlier.
  const Corpus corpus =
      CorpusBuilder("marks")
          .document("a.txt", {"a", "", "", ""}, {{1, "abc\u202E\x01 x did not open."}})
          .document("b.txt", {"b", "", "", ""}, {{1, "It did open."}})
          .finding(make_finding(Finding::Kind::kConflict, "negation", "n", 0.5, 0, 1, {"not"}, ""))
          .build();
  const std::string page = render_html(corpus);
  CHECK(page.find("\"abc[U+202E][U+0001] x did not open.\"") != std::string::npos);
  CHECK(page.find("\"m\":[[26,29]]") != std::string::npos);
}

TEST_CASE("render_html escapes hostile corpus text", "[html]") {
  const std::string script = "<script>alert(1)</script>";
  const std::string img = "\"><img src=x onerror=alert(1)>";
  const std::string rlo = "abc\u202Etxt.exe";
  const Corpus corpus =
      CorpusBuilder(script)
          .document(img + ".txt", {script, img, rlo, script},
                    {{1, "Officials said " + script + " did not happen."}, {2, img + " " + rlo}})
          .document("b.txt", {"b", "title", "outlet", "date"}, {{7, "It did happen " + img}})
          .entities(0, {script})
          .finding(make_finding(Finding::Kind::kConflict, script, img, 0.5, 0, 2,
                                {"not", "<script>", img}, script + img + rlo))
          .finding(make_finding(Finding::Kind::kAgreement, img, script, 0.5, 1, 2, {rlo}, ""))
          .skipped({script, {img, 1, 1, Diagnostic::Severity::kWarning, script}})
          .build();
  const std::string page = render_html(corpus);

  CHECK(page.find("<script>alert") == std::string::npos);
  CHECK(page.find("<img") == std::string::npos);
  CHECK(page.find("\u202E") == std::string::npos);
  // The page's own script and its data block; nothing else can open or close a script.
  CHECK(count(page, "<script") == 2);
  CHECK(count(page, "</script") == 2);
  CHECK(page.find("<script type=\"application/json\" id=\"report-data\">") != std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(page.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(page.find("abc[U+202E]txt.exe") != std::string::npos);
  // In the data the same text is JSON with < > & as \u escapes; a cue that is markup is
  // matched in the raw text: "Officials said " is 15 UTF-16 units, "<script>" 8.
  CHECK(page.find("\"Officials said \\u003cscript\\u003ealert(1)\\u003c/script\\u003e did not "
                  "happen.\"") != std::string::npos);
  CHECK(page.find("\"m\":[[15,23],[45,48]]") != std::string::npos);

  // The CSV keeps the same text as it stands, quoted.
  const std::string csv = render_csv(corpus);
  CHECK(csv.find("\"\"\"><img src=x onerror=alert(1)>.txt\"") != std::string::npos);
}

TEST_CASE("write_atomically replaces the file and leaves no temporary", "[io]") {
  const fs::path dir =
      fs::temp_directory_path() / ("crosscheck-reports-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "findings.csv").string();

  CHECK(write_atomically(path, "first\n") == "");
  CHECK(read_file(path) == "first\n");
  CHECK(write_atomically(path, "second\n") == "");
  CHECK(read_file(path) == "second\n");
  CHECK(write_atomically(path, "") == "");
  CHECK(read_file(path) == "");
  CHECK_FALSE(fs::exists(path + ".tmp." + std::to_string(::getpid())));
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  fs::remove_all(dir);
}

TEST_CASE("write_atomically reports a path it cannot write", "[io]") {
  const std::string error = write_atomically("/nonexistent-dir/x.csv", "data");
  CHECK(error.rfind("cannot write /nonexistent-dir/x.csv: ", 0) == 0);
  CHECK(error.size() > std::string("cannot write /nonexistent-dir/x.csv: ").size());
  CHECK_FALSE(fs::exists("/nonexistent-dir/x.csv.tmp." + std::to_string(::getpid())));
}

TEST_CASE("reports reject a corpus whose indexes were not finished", "[csv]") {
  Corpus corpus = small_corpus();
  corpus.first_sentence.clear();
  CHECK_THROWS_AS(render_csv(corpus), std::logic_error);
  corpus = small_corpus();
  corpus.findings[0].b = 99;
  CHECK_THROWS_AS(render_html(corpus), std::out_of_range);
}

}  // namespace
}  // namespace crosscheck
