// The whole path on real text: the segmentation of the bundled corpus against a golden file
// read line by line, a run over the bundled corpus, 1 vs 4 threads byte-identical, and bad
// input that is reported by name without losing any other document.
#include <tbb/global_control.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "pipeline_support.hpp"
#include "reports/reports.hpp"
#include "ruleset/ruleset.hpp"
#include "run.hpp"
#include "syntax_support.hpp"

namespace fs = std::filesystem;
using namespace crosscheck;

namespace {

using test::kCorpus;
using test::kRoot;
using test::read;
using test::rules;

Corpus run_with_threads(const std::string& root, std::size_t threads,
                        std::vector<Diagnostic>& errors) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  RunOptions options;
  options.rules = &rules();
  options.syntax = test::model_future();
  options.events = test::bundled_event_model();
  return run_corpus(root, options, errors);
}

// A fresh folder under the system temp dir, removed at the end of the test.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name) : path(fs::temp_directory_path() / name) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path / name, std::ios::binary) << bytes;
  }
};

}  // namespace

TEST_CASE("segmentation of the bundled corpus matches the reviewed golden file", "[pipeline]") {
  REQUIRE(rules().ok());
  std::vector<Diagnostic> errors;
  const Corpus corpus = run_with_threads(kCorpus, 2, errors);
  std::string dump;
  for (const auto& s : corpus.sentences)
    dump += corpus.documents[s.doc].path + ":" + std::to_string(s.line) + ":" +
            std::to_string(s.col) + "\t" + s.text + "\n";
  const fs::path golden = fs::path(CROSSCHECK_TEST_DIR) / "golden/korea-1950.sentences.txt";
  if (std::getenv("CROSSCHECK_UPDATE_GOLDEN")) std::ofstream(golden, std::ios::binary) << dump;
  const std::string expected = read(golden);
  std::istringstream got_lines(dump), want_lines(expected);
  std::string got, want;
  for (int n = 1; std::getline(want_lines, want); ++n) {
    INFO("golden line " << n);
    REQUIRE(std::getline(got_lines, got));
    REQUIRE(got == want);
  }
  CHECK_FALSE(std::getline(got_lines, got));
}

TEST_CASE("no glued headings and no split after common abbreviations", "[pipeline]") {
  std::vector<Diagnostic> errors;
  const Corpus corpus = run_with_threads(kCorpus, 2, errors);
  for (const auto& s : corpus.sentences) {
    INFO(s.text);
    CHECK(s.text.find("WarSoviet") == std::string::npos);
    CHECK(s.text.find("?During") == std::string::npos);
    CHECK(s.text.find("ConclusionThere") == std::string::npos);
    for (const char* abbreviation : {"Dr.", "U.S.", "Mr.", "Gen."}) {
      const std::string_view text = s.text;
      CHECK_FALSE((text.ends_with(abbreviation) && text.size() > std::strlen(abbreviation)));
    }
    CHECK(s.text.find("Back to Top") == std::string::npos);
  }
}

TEST_CASE("the bundled corpus gives findings of every kind with rule and cues", "[pipeline]") {
  std::vector<Diagnostic> errors;
  const Corpus corpus = run_with_threads(kCorpus, 2, errors);
  CHECK(errors.empty());
  CHECK(corpus.documents.size() == 5);
  CHECK(corpus.skipped.empty());
  std::size_t conflicts = 0, disputes = 0, agreements = 0;
  for (const auto& f : corpus.findings) {
    CHECK_FALSE(f.rule.empty());
    CHECK_FALSE(f.cues.empty());
    CHECK(corpus.documents[corpus.statements[f.a].doc].source.id !=
          corpus.documents[corpus.statements[f.b].doc].source.id);
    (f.kind == Finding::Kind::kConflict  ? conflicts
     : f.kind == Finding::Kind::kDispute ? disputes
                                         : agreements)++;
  }
  CHECK(conflicts > 0);
  CHECK(disputes > 0);  // "Valentin Pak says" against "Weathersby and Holloway said"
  CHECK(conflicts <= 60);
  CHECK(agreements > 0);
  CHECK(corpus.documents[0].source.title == "Korea: Stalin's War?");
}

TEST_CASE("1 and 4 threads give byte-identical reports", "[pipeline][determinism]") {
  std::vector<Diagnostic> errors;
  const Corpus one = run_with_threads(kCorpus, 1, errors);
  const Corpus four = run_with_threads(kCorpus, 4, errors);
  CHECK(render_csv(one) == render_csv(four));
  CHECK(render_html(one) == render_html(four));
  CHECK(render_jsonl(one) == render_jsonl(four));
  CHECK(render_pairs_csv(one) == render_pairs_csv(four));
  CHECK(one.pairs.size() == four.pairs.size());
}

TEST_CASE("an event told alike by several articles is a spanning set of agreements", "[pipeline]") {
  // An event told by at most four statements keeps all its agreeing pairs; one told by
  // more keeps a spanning set, and the first listed counts the pairs left out.
  struct Case {
    int articles;
    std::size_t listed;
    const char* note;  // in the first listed agreement's explanation, or empty
  };
  for (const Case c :
       {Case{4, 6, ""},
        Case{5, 4, "; 6 more pairs of statements tell this event so (not listed)"}}) {
    CAPTURE(c.articles);
    TempDir dir("crosscheck-agreements-per-event");
    for (int i = 0; i < c.articles; ++i)
      dir.write(std::string(1, char('a' + i)) + ".txt",
                "The city council opened the new bridge on 12 May 2008.\n");
    std::vector<Diagnostic> errors;
    const Corpus corpus = run_with_threads(dir.path.string(), 2, errors);
    CHECK(errors.empty());
    std::vector<const Finding*> agreements;
    for (const auto& f : corpus.findings)
      if (f.kind == Finding::Kind::kAgreement) agreements.push_back(&f);
    REQUIRE(agreements.size() == c.listed);
    if (*c.note) CHECK(agreements[0]->explanation.find(c.note) != std::string::npos);
    std::size_t counted = 0;  // findings that count pairs left out: the first, if any
    for (const Finding* f : agreements)
      counted += f->explanation.find("more pairs of statements") != std::string::npos;
    CHECK(counted == (*c.note ? 1u : 0u));
    std::set<std::uint32_t> told;  // every article's statement is in a listed agreement
    for (const Finding* f : agreements)
      told.insert({corpus.statements[f->a].doc, corpus.statements[f->b].doc});
    CHECK(told.size() == std::size_t(c.articles));
    CHECK(corpus.unlisted.empty());  // agreements left out are only counted
  }
}

TEST_CASE("the claim matrix's rows are events that several articles tell", "[pipeline][events]") {
  TempDir dir("crosscheck-event-rows");
  dir.write("a.txt",
            "The minister signed the trade treaty in Geneva on 3 May 2011. Farmers harvested "
            "the wheat early in the valley.\n");
  dir.write("b.txt", "The minister did not sign the trade treaty in Geneva on 3 May 2011.\n");
  dir.write("c.txt", "Heavy storms flooded the coastal towns of the north overnight.\n");
  std::vector<Diagnostic> errors;
  const Corpus corpus = run_with_threads(dir.path.string(), 2, errors);
  CHECK(errors.empty());
  // one row: the signing, told by a and b; the harvest and the storm are told once
  REQUIRE(corpus.claims.size() == 1);
  std::vector<std::string> told;
  for (const auto s : corpus.claims[0].statements) {
    const Statement& st = corpus.statements[s];
    const Document& d = corpus.documents[st.doc];
    told.push_back(d.path + ": " + d.text.substr(st.span.begin, st.span.size()));
  }
  CHECK(told == std::vector<std::string>{
                    "a.txt: The minister signed the trade treaty in Geneva on 3 May 2011.",
                    "b.txt: The minister did not sign the trade treaty in Geneva on 3 May 2011."});
}

TEST_CASE("bad input is reported by name and loses no other document", "[pipeline][bad-input]") {
  TempDir dir("crosscheck-bad-input");
  dir.write("a_good.txt", "Stalin approved the plan in 1950. Kim was pleased.\n");
  dir.write("b_invalid.txt", std::string("Valid start \xC3\x28 then bad.\n"));
  dir.write("c_empty.txt", "");
  dir.write("d_binary.txt", std::string("PK\x03\x04\0\0binary", 12));
  dir.write("e_blank.md", "   \n\n  ");
  fs::create_symlink(dir.path / "nowhere.txt", dir.path / "f_unreadable.txt");
  fs::create_directories(dir.path / "g_folder.txt");
  dir.write("z_good.md", "The documents were released in 1992.\n");

  std::vector<Diagnostic> errors;
  const Corpus corpus = run_with_threads(dir.path.string(), 4, errors);
  CHECK(errors.empty());
  REQUIRE(corpus.documents.size() == 2);
  CHECK(corpus.documents[0].path == "a_good.txt");
  CHECK(corpus.documents[1].path == "z_good.md");

  struct Expected {
    const char* path;
    const char* message;
  };
  const Expected expected[] = {
      {"b_invalid.txt", "b_invalid.txt: error: invalid UTF-8 at byte offset 12"},
      {"c_empty.txt", "c_empty.txt: error: empty file: no text to analyse"},
      {"d_binary.txt", "d_binary.txt: error: binary file: NUL byte at offset 4"},
      {"e_blank.md", "e_blank.md: error: empty file: no text to analyse"},
      {"f_unreadable.txt",
       "f_unreadable.txt: error: a link that cannot be followed: No such file or directory"},
      {"g_folder.txt", "g_folder.txt: error: a folder, not a document: its contents are read"},
  };
  REQUIRE(corpus.skipped.size() == std::size(expected));
  for (std::size_t i = 0; i < std::size(expected); ++i) {
    CHECK(corpus.skipped[i].path == expected[i].path);
    CHECK(corpus.skipped[i].reason.format() == expected[i].message);
  }
}

TEST_CASE("a missing corpus folder is an error naming it", "[pipeline][bad-input]") {
  std::vector<Diagnostic> errors;
  const Corpus corpus = run_with_threads("/nonexistent/corpus", 1, errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].format() == "/nonexistent/corpus: error: corpus folder not found");
  CHECK(corpus.documents.empty());
}

namespace {

// The cells of an RFC 4180 CSV, row by row (quoted cells may hold commas, quotes, LF).
std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        cell += '"', ++i;
      else if (c == '"')
        quoted = false;
      else
        cell += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(cell)), cell.clear();
    } else if (c == '\n') {
      rows.back().push_back(std::move(cell)), cell.clear();
      rows.emplace_back();
    } else {
      cell += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

std::size_t occurrences(const std::string& text, std::string_view needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("the hostile-text corpus renders as text in HTML and as inert CSV cells",
          "[pipeline][security]") {
  // tests/fixtures/hostile: <script>, "><img onerror>, <svg onload>, =cmd|…, @SUM, +, -,
  // and U+202E, in the articles and in their sources.toml metadata.
  std::vector<Diagnostic> errors;
  const Corpus corpus = run_with_threads(kRoot + "/tests/fixtures/hostile", 2, errors);
  REQUIRE(errors.empty());
  REQUIRE(corpus.skipped.empty());
  REQUIRE(corpus.findings.size() >= 2);

  for (const auto& csv : {render_csv(corpus), render_pairs_csv(corpus)}) {
    const auto rows = csv_rows(csv);
    REQUIRE(rows.size() > 1);
    for (const auto& row : rows) {
      CHECK(row.size() == rows.front().size());
      for (const auto& cell : row) {
        INFO("cell: " << cell);
        CHECK((cell.empty() || std::strchr("=+-@\t\r", cell.front()) == nullptr));
      }
    }
  }
  const std::string csv = render_csv(corpus);
  CHECK(csv.find("'=cmd|' /C calc'!A0 <script>") != std::string::npos);  // kept, made inert
  CHECK(csv.find("'@SUM(1+1) The city spent") != std::string::npos);
  CHECK(csv.find("'=1+2 The mayor did not approve") != std::string::npos);

  const std::string html = render_html(corpus);
  CHECK(occurrences(html, "<script") == 2);  // the page's own script and its data block
  CHECK(occurrences(html, "</script") == 2);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<svg") == std::string::npos);
  CHECK(html.find("<b ") == std::string::npos);
  CHECK(html.find("\u202E") == std::string::npos);
  CHECK(html.find("&lt;script&gt;window.__pwned = 1&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("&quot;&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;") !=
        std::string::npos);
  CHECK(html.find("Acme [U+202E]txt.exe") != std::string::npos);
  CHECK(html.find("=cmd|&#39; /C calc&#39;!A0 &lt;script&gt;") != std::string::npos);
}
