// Tests of the align stage on statements made through the real path (ingest -> segment ->
// analyse with rules/en): pairs join only different sources, have a < b, come sorted and
// the same on every run; paraphrases that share rare terms pair, unrelated sentences do
// not; a term in more statements than max_posting is no anchor. Pairs are compared through
// one canonical dump, "a-b: anchors" per line.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <variant>
#include <vector>

#include "align/align.hpp"
#include "analyse/analyse.hpp"
#include "analyse_support.hpp"
#include "crosscheck/core.hpp"
#include "ingest/ingest.hpp"
#include "ruleset/ruleset.hpp"
#include "segment/segment.hpp"

namespace {

using crosscheck::AlignOptions;
using crosscheck::Pair;
using crosscheck::Statement;

const crosscheck::Lexicon& lexicon() {
  static const crosscheck::LoadedRules loaded =
      // the English rules plus the names of the bundled corpus (Stalin, Kim), as its run loads them
      crosscheck::load_rules({std::string(CROSSCHECK_SOURCE_ROOT) + "/rules/en",
                              std::string(CROSSCHECK_SOURCE_ROOT) + "/rules/korea-1950"});
  if (!loaded.ok())
    FAIL("rules/en, rules/korea-1950 do not load: " << loaded.diagnostics.front().format());
  return loaded.lexicon;
}

struct Corpus {
  std::vector<Statement> statements;  // corpus-wide, in (doc, index) order
  std::vector<std::uint32_t> source_of_doc;
  std::vector<std::string> text;  // each statement's sentence, for messages
};

struct DocumentSpec {
  std::uint32_t source;
  std::string text;
};

Corpus make_corpus(const std::vector<DocumentSpec>& documents) {
  Corpus corpus;
  for (std::uint32_t k = 0; k < documents.size(); ++k) {
    auto result = crosscheck::ingest("doc" + std::to_string(k) + ".txt", documents[k].text);
    if (const auto* d = std::get_if<crosscheck::Diagnostic>(&result)) FAIL(d->format());
    auto doc = std::get<crosscheck::Document>(std::move(result));
    doc.index = k;
    const auto sentences = crosscheck::segment(doc, {6, &lexicon()});
    for (auto& s :
         crosscheck::analyse(doc, sentences, crosscheck::test::analyse_options(lexicon()))) {
      corpus.text.push_back(doc.text.substr(s.span.begin, s.span.size()));
      corpus.statements.push_back(std::move(s));
    }
    corpus.source_of_doc.push_back(documents[k].source);
  }
  return corpus;
}

// "a-b" per pair. Anchors are checked by their properties (check_invariants), not spelt
// out, so that a change of stemming or of the lexicon does not break the alignment tests.
std::string dump(const std::vector<Pair>& pairs) {
  std::string out;
  for (const auto& p : pairs) out += std::to_string(p.a) + "-" + std::to_string(p.b) + "\n";
  return out;
}

bool has_anchor(const crosscheck::AlignIndex& index, const Pair& p, const std::string& term) {
  const auto anchors = index.anchors(p);
  return std::find(anchors.begin(), anchors.end(), term) != anchors.end();
}

// What every alignment promises.
void check_invariants(const Corpus& corpus, const std::vector<Pair>& pairs) {
  const crosscheck::AlignIndex index(corpus.statements, corpus.source_of_doc, AlignOptions{});
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const Pair& p = pairs[i];
    INFO(p.a << "-" << p.b);
    REQUIRE(p.b < corpus.statements.size());
    CHECK(p.a < p.b);
    CHECK(corpus.source_of_doc[corpus.statements[p.a].doc] !=
          corpus.source_of_doc[corpus.statements[p.b].doc]);
    CHECK(p.score > 0);
    const AlignOptions o;  // a cosine plus the evidence bonuses
    CHECK(p.score <=
          1.0 + o.bonus_predicate + o.bonus_time + o.bonus_entities + o.bonus_subject + 1e-9);
    // anchors: shared terms of the two statements, rarest first
    const auto anchors = index.anchors(p);
    CHECK_FALSE(anchors.empty());
    const auto& ta = corpus.statements[p.a].terms;
    const auto& tb = corpus.statements[p.b].terms;
    for (std::size_t k = 0; k < anchors.size(); ++k) {
      INFO("anchor " << anchors[k]);
      CHECK(std::binary_search(ta.begin(), ta.end(), anchors[k]));
      CHECK(std::binary_search(tb.begin(), tb.end(), anchors[k]));
      if (k > 0) CHECK(index.idf(anchors[k - 1]) >= index.idf(anchors[k]));
    }
    if (i > 0) {
      const Pair& q = pairs[i - 1];
      CHECK((q.a < p.a || (q.a == p.a && q.b < p.b)));  // sorted, no duplicates
    }
  }
}

// Three tiny documents, two of source 0 and one of source 1; their statements:
//   doc 0: 0 "Stalin approved the invasion plan ...", 1 "The weather in Moscow was cold."
//   doc 1: 2 "Kim Il-sung travelled to Moscow ...",   3 "Stalin gave his approval ..."
//   doc 2: 4 "In April 1950 Stalin gave his approval ...", 5 "Farmers harvested rice ..."
const std::vector<DocumentSpec> kDocuments = {
    {0,
     "Stalin approved the invasion plan of Kim Il-sung in April 1950. "
     "The weather in Moscow was cold."},
    {0,
     "Kim Il-sung travelled to Moscow in April 1950. "
     "Stalin gave his approval to the invasion plan."},
    {1,
     "In April 1950 Stalin gave his approval to the invasion plan of Kim Il-sung. "
     "Farmers harvested rice near the river."},
};

}  // namespace

TEST_CASE("align pairs paraphrases across sources only", "[align]") {
  const Corpus corpus = make_corpus(kDocuments);
  REQUIRE(corpus.statements.size() == 6);
  const auto pairs = crosscheck::align(corpus.statements, corpus.source_of_doc);
  // 0 ~ 4 and 3 ~ 4 share rare terms; 0 ~ 3 are paraphrases too, but of one source;
  // 2 shares only Kim Il-sung with 4 (min_shared is 2); 1 (weather) and 5 (farmers, rice)
  // pair with nothing.
  CHECK(dump(pairs) == "0-4\n3-4\n");
  check_invariants(corpus, pairs);
  const crosscheck::AlignIndex index(corpus.statements, corpus.source_of_doc, AlignOptions{});
  for (const auto& p : pairs) CHECK(has_anchor(index, p, "@Joseph Stalin"));
  REQUIRE_FALSE(pairs.empty());
  CHECK(has_anchor(index, pairs.front(), "@Kim Il-sung"));
}

TEST_CASE("align is deterministic and pairs_for agrees with align", "[align]") {
  const Corpus corpus = make_corpus(kDocuments);
  const auto first = crosscheck::align(corpus.statements, corpus.source_of_doc);
  for (int run = 0; run < 3; ++run) {
    const auto again = crosscheck::align(corpus.statements, corpus.source_of_doc);
    CHECK(dump(again) == dump(first));
    REQUIRE(again.size() == first.size());
    for (std::size_t i = 0; i < again.size(); ++i) CHECK(again[i].score == first[i].score);
  }
  // The per-statement path, in reverse order, merges to the same pairs.
  const crosscheck::AlignIndex index(corpus.statements, corpus.source_of_doc, AlignOptions{});
  std::vector<std::vector<Pair>> per;
  for (std::uint32_t a = static_cast<std::uint32_t>(corpus.statements.size()); a-- > 0;) {
    auto pairs = index.pairs_for(a);
    for (const auto& p : pairs) {
      INFO("pairs_for(" << a << ") gave " << p.a << "-" << p.b);
      CHECK((p.a == a || p.b == a));
      CHECK(p.a < p.b);
    }
    per.push_back(std::move(pairs));
  }
  CHECK(dump(crosscheck::merge_pairs(std::move(per))) == dump(first));
  // a pair is symmetric: both of its statements find it
  for (const auto& p : first) {
    const auto from_b = index.pairs_for(p.b);
    CHECK(std::any_of(from_b.begin(), from_b.end(),
                      [&](const Pair& q) { return q.a == p.a && q.b == p.b; }));
  }
}

TEST_CASE("align: one source yields no pairs", "[align]") {
  Corpus corpus = make_corpus(kDocuments);
  corpus.source_of_doc = {0, 0, 0};
  CHECK(crosscheck::align(corpus.statements, corpus.source_of_doc).empty());
}

TEST_CASE("align: a term in more than max_posting statements is not an anchor", "[align]") {
  // "Stalin" and "approved" are in three statements each, "plan" in two, "budget" in one.
  const Corpus corpus = make_corpus({
      {0, "Stalin approved the plan."},
      {1, "Stalin approved the budget."},
      {0, "Stalin approved the treaty."},
      {1, "The plan was secret."},
  });
  REQUIRE(corpus.statements.size() == 4);
  struct Row {
    std::uint32_t max_posting;
    const char* expected;
  };
  static const std::vector<Row> kRows = {
      // every shared term is an anchor
      {3, "0-1\n0-3\n1-2\n"},
      // "Stalin" and "approved" (3 statements) are too common; "plan" (2) still anchors
      {2, "0-3\n"},
      // nothing is rare enough
      {1, ""},
  };
  const auto& row = GENERATE(from_range(kRows));
  INFO("max_posting = " << row.max_posting);
  AlignOptions options;
  options.min_score = 0;
  options.min_shared = 1;
  options.max_posting = row.max_posting;
  const auto pairs = crosscheck::align(corpus.statements, corpus.source_of_doc, options);
  CHECK(dump(pairs) == row.expected);
  check_invariants(corpus, pairs);
}

TEST_CASE("align: min_shared and top_k limit the pairs", "[align]") {
  const Corpus corpus = make_corpus({
      {0, "Stalin approved the plan."},
      {1, "Stalin approved the budget."},
      {1, "Stalin read the plan."},
  });
  AlignOptions options;
  options.min_score = 0;
  options.min_shared = 2;
  // 0 and 1 share Stalin and approved; 0 and 2 share Stalin and plan
  const auto pairs = crosscheck::align(corpus.statements, corpus.source_of_doc, options);
  CHECK(dump(pairs) == "0-1\n0-2\n");
  check_invariants(corpus, pairs);
  options.min_shared = 3;
  CHECK(crosscheck::align(corpus.statements, corpus.source_of_doc, options).empty());
  options.min_shared = 1;
  options.top_k = 1;
  const crosscheck::AlignIndex index(corpus.statements, corpus.source_of_doc, options);
  CHECK(index.pairs_for(0).size() == 1);
}

TEST_CASE("align: idf is higher for rarer terms and zero for unknown ones", "[align]") {
  const Corpus corpus = make_corpus({
      {0, "Stalin approved the plan."},
      {1, "Stalin approved the budget."},
      {1, "Stalin read the plan."},
  });
  const crosscheck::AlignIndex index(corpus.statements, corpus.source_of_doc, AlignOptions{});
  CHECK(index.idf("budget") > index.idf("plan"));
  CHECK(index.idf("plan") > index.idf("@Joseph Stalin"));
  CHECK(index.idf("no-such-term") == 0.0);
}

// Known failure: see the report.
TEST_CASE("align: anchors are only the terms that made the pair", "[align]") {
  // Pair::anchors is documented as "the shared terms that made the pair", but pairs_for()
  // lists every shared term, also those skipped for being in more than max_posting
  // statements.
  const Corpus corpus = make_corpus({
      {0, "Stalin approved the plan."},
      {1, "Stalin approved the budget."},
      {0, "Stalin approved the treaty."},
      {1, "Stalin kept the plan secret."},
  });
  AlignOptions options;
  options.min_score = 0;
  options.min_shared = 1;
  options.max_posting = 2;  // "Stalin" (4 statements) is no anchor, "plan" (2) is
  const auto pairs = crosscheck::align(corpus.statements, corpus.source_of_doc, options);
  REQUIRE(dump(pairs) == "0-3\n");
  const crosscheck::AlignIndex index(corpus.statements, corpus.source_of_doc, options);
  CHECK(index.anchors(pairs.front()) == std::vector<crosscheck::Spelling>{"plan"});
}

TEST_CASE("align: shared acts, times and names raise the score", "[align]") {
  // Each row: the same first statement against two second ones that share as many words
  // with it; the one with the extra evidence must score higher.
  struct Row {
    const char* a;
    const char* with_evidence;
    const char* without;
  };
  const std::vector<Row> rows = {
      {"Kim visited Moscow in April 1950 and the talks were long.",
       "Kim visited Moscow in April 1950 and the dinner was long.",
       "Kim visited Moscow in May 1952 and the dinner was long."},
      {"Stalin approved the invasion plan in Moscow.", "Stalin approved the invasion plan quickly.",
       "Mao studied the invasion plan quickly."},
  };
  for (const auto& row : rows) {
    INFO(row.a << " | " << row.with_evidence << " | " << row.without);
    const Corpus corpus = make_corpus({{0, row.a}, {1, row.with_evidence}, {2, row.without}});
    AlignOptions options;
    options.lexicon = &lexicon();
    const crosscheck::AlignIndex index(corpus.statements, corpus.source_of_doc, options);
    CHECK(index.evidence(0, 1) > index.evidence(0, 2));
  }
}

TEST_CASE("align: rank_pairs, and select_aligned keeps rule pairs and linked pairs", "[align]") {
  // Statements 0, 1 of doc 0, 2, 3 of doc 1, 4 of doc 2.
  std::vector<Statement> statements(5);
  for (std::uint32_t i = 0; i < 5; ++i) statements[i].doc = i / 2;
  std::vector<Pair> pairs = {
      {0, 2, 0.9, {}},  // best for 0 in doc 1 and for 2 in doc 0
      {0, 3, 0.4, {}},  // second for 0 and for 3: dropped at top 1
      {1, 3, 0.8, {}},  // best for 1 and for 3
      {1, 4, 0.1, {}},  // best for 1 and 4 in each other's document, but below the score
      {2, 4, 0.5, {}},  // best for 2 in doc 2, second for 4 in doc 1: one-sided
      {3, 4, 0.6, {}},  // best for 3 and for 4
  };
  crosscheck::rank_pairs(pairs, statements);
  const std::vector<std::pair<std::uint32_t, std::uint32_t>> ranks = {{1, 1}, {2, 2}, {1, 1},
                                                                      {1, 1}, {1, 2}, {1, 1}};
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    INFO("pair " << i);
    CHECK(std::make_pair(pairs[i].rank_a, pairs[i].rank_b) == ranks[i]);
  }
  CHECK(pairs[4].best_rank() == 1);
  CHECK(pairs[1].best_rank() == 2);
  const std::vector<bool> none(pairs.size(), false);
  AlignOptions options;
  options.aligned_top_k = 1;
  options.aligned_min_score = 0.2;
  CHECK(crosscheck::select_aligned(pairs, none, statements, options) ==
        std::vector<std::uint32_t>{0, 2, 5});
  options.aligned_top_k = 2;
  CHECK(crosscheck::select_aligned(pairs, none, statements, options) ==
        std::vector<std::uint32_t>{0, 1, 2, 4, 5});
  // A pair a rule fired on is aligned whatever its rank or score.
  std::vector<bool> fired(pairs.size(), false);
  fired[3] = true;
  options.aligned_min_score = 10;
  CHECK(crosscheck::select_aligned(pairs, fired, statements, options) ==
        std::vector<std::uint32_t>{3});
}

TEST_CASE("align: competitive linking gives a statement its next best when its best is taken",
          "[align]") {
  // 0 and 3 in doc 0, 1 and 2 in doc 1. 3's best match, 1, is taken by the better pair
  // 0-1; 3 is then linked with 2, its second best, though 3 and 2 are no mutual best.
  std::vector<Statement> statements(4);
  statements[0].doc = 0;
  statements[1].doc = 1;
  statements[2].doc = 1;
  statements[3].doc = 0;
  std::vector<Pair> pairs = {{0, 1, 0.9, {}}, {1, 3, 0.8, {}}, {2, 3, 0.5, {}}};
  crosscheck::rank_pairs(pairs, statements);
  CHECK(pairs[2].rank_b == 2);  // 2 is 3's second best in doc 1
  AlignOptions options;
  CHECK(crosscheck::select_aligned(pairs, std::vector<bool>(pairs.size(), false), statements,
                                   options) == std::vector<std::uint32_t>{0, 2});
}
