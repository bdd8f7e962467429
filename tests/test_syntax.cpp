// The syntax stage: UD tokenisation, the bundled model's tags and trees on sentences of our
// own, CoNLL-U in and out, the model file's checks, and deterministic training.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "syntax/syntax.hpp"
#include "syntax_support.hpp"

using namespace crosscheck;
using crosscheck::test::bundled_model;

namespace {

// "do|n't" for the words of one multi-word token, words separated by spaces.
std::string tokens(const std::vector<Word>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += words[i].form;
    for (int k = 1; k < words[i].token_words && i + 1 < words.size(); ++k)
      out += '|' + words[++i].form;
  }
  return out;
}

// "dependent deprel head" for the word whose form is `dep` (its first occurrence).
std::string relation(const std::vector<Word>& words, const std::string& dep) {
  for (const Word& w : words)
    if (w.form == dep)
      return dep + " " + w.deprel + " " +
             (w.head == 0 ? std::string("ROOT") : words[w.head - 1].form);
  return dep + " missing";
}

}  // namespace

TEST_CASE("tokenize_ud follows the UD English conventions", "[syntax]") {
  struct Case {
    const char* text;
    const char* expected;
  };
  const Case cases[] = {
      {"I don't know.", "I do|n't know ."},
      {"They'll say it can't be done.", "They|'ll say it ca|n't be done ."},
      {"We cannot stay.", "We can|not stay ."},
      {"Mr. Smith's car", "Mr. Smith|'s car"},
      {"the U.S. plan", "the U.S. plan"},
      {"a long-term plan", "a long - term plan"},
      {"send an e-mail", "send an e-mail"},
      {"write to bob@example.com today", "write to bob@example.com today"},
      {"see (https://example.org/a?b=1).", "see ( https://example.org/a?b=1 ) ."},
      {"at 10:30 on 12/25/2005", "at 10:30 on 12/25/2005"},
      {"It cost $60,000.", "It cost $ 60,000 ."},
      {"Wait... what?!", "Wait ... what ?!"},
      {"call 713-555-0100 now", "call 713-555-0100 now"},
      {"“Quoted,” she said.", "“ Quoted , ” she said ."},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(tokens(tokenize_ud(c.text, bundled_model())) == c.expected);
  }
}

TEST_CASE("every word's span points at its bytes in the text", "[syntax]") {
  const std::string text = "He didn’t sign — “never”, he said.";
  for (const Word& w : tokenize_ud(text, bundled_model()))
    CHECK(text.substr(w.span.begin, w.span.size()) == w.form);
}

TEST_CASE("the bundled model tags and parses sentences of ours", "[syntax]") {
  struct Case {
    const char* text;
    std::vector<const char*> relations;  // "dependent deprel head"
  };
  const Case cases[] = {
      {"The minister signed the treaty in 1951.",
       {"minister nsubj signed", "signed root ROOT", "treaty obj signed", "1951 obl signed"}},
      {"The minister did not sign the treaty.",
       {"not advmod sign", "did aux sign", "sign root ROOT", "treaty obj sign"}},
      {"The bridge was destroyed by the rebels.",
       {"bridge nsubj:pass destroyed", "was aux:pass destroyed", "rebels obl:agent destroyed",
        "by case rebels"}},
      {"North Korea was not a puppet state.",
       {"state root ROOT", "was cop state", "not advmod state", "Korea nsubj state"}},
      {"She said that the talks had failed.",
       {"said root ROOT", "failed ccomp said", "that mark failed", "talks nsubj failed"}},
      {"The police arrested two men who robbed a bank.",
       {"police nsubj arrested", "men obj arrested", "robbed acl:relcl men"}},
      {"Stalin refused to approve the plan.",
       {"refused root ROOT", "approve xcomp refused", "plan obj approve"}},
      {"They won the match and celebrated.",
       {"won root ROOT", "celebrated conj won", "and cc celebrated", "match obj won"}},
      {"The crash injured 12 passengers.",
       {"injured root ROOT", "passengers obj injured", "12 nummod passengers"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const std::vector<Word> words = parse_sentence(c.text, bundled_model());
    for (const char* r : c.relations) {
      const std::string expected = r;
      CHECK(relation(words, expected.substr(0, expected.find(' '))) == expected);
    }
  }
}

TEST_CASE("tags and lemmas come from the tag, not from a word list", "[syntax]") {
  struct Case {
    const char* text;
    const char* word;
    Upos upos;
    const char* lemma;
  };
  const Case cases[] = {
      {"The police drafted a report.", "police", Upos::kNoun, "police"},
      {"The police drafted a report.", "drafted", Upos::kVerb, "draft"},
      {"The judge sentenced him to ten years.", "sentenced", Upos::kVerb, "sentence"},
      {"The judge sentenced him to ten years.", "judge", Upos::kNoun, "judge"},
      {"Two generals ordered a retreat.", "generals", Upos::kNoun, "general"},
      {"They signed two treaties.", "treaties", Upos::kNoun, "treaty"},
      // words the treebank never shows with their tag: WordNet's morphology decides
      {"The rebels outmaneuvered the garrison.", "outmaneuvered", Upos::kVerb, "outmaneuver"},
      {"The minister acceded to the demands.", "acceded", Upos::kVerb, "accede"},
      {"The gunmen fled.", "gunmen", Upos::kNoun, "gunman"},
      {"The envoys parleyed for hours.", "parleyed", Upos::kVerb, "parley"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text, c.word);
    bool found = false;
    for (const Word& w : parse_sentence(c.text, bundled_model()))
      if (w.form == c.word) {
        found = true;
        CHECK(to_string(w.upos) == to_string(c.upos));
        CHECK(w.lemma == c.lemma);
      }
    CHECK(found);
  }
}

TEST_CASE("parse_paragraph cuts a paragraph into parsed sentences", "[syntax]") {
  const std::string text = "The talks failed. Both sides blamed each other";
  const auto sentences = parse_paragraph(text, bundled_model());
  REQUIRE(sentences.size() == 2);
  CHECK(text.substr(sentences[0].span.begin, sentences[0].span.size()) == "The talks failed.");
  CHECK(text.substr(sentences[1].span.begin, sentences[1].span.size()) ==
        "Both sides blamed each other");
  for (const auto& s : sentences) {
    int roots = 0;
    for (const Word& w : s.words) roots += w.head == 0;
    CHECK(roots == 1);
  }
}

TEST_CASE("CoNLL-U: multi-word tokens, SpaceAfter, and reading it back", "[syntax]") {
  const std::string text = "I don't know.";
  const std::vector<Word> words = parse_sentence(text, bundled_model());
  const std::string conllu = to_conllu(words, "s1", text);
  CHECK(conllu.starts_with("# sent_id = s1\n# text = I don't know.\n1\tI\t"));
  CHECK(conllu.find("\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n") != std::string::npos);
  CHECK(conllu.find("\tSpaceAfter=No\n5\t.\t") != std::string::npos);
  CHECK(conllu.ends_with("\n\n"));
  const auto back = read_conllu(conllu, "ours");
  REQUIRE(back.size() == 1);
  CHECK(back[0].text == text);
  REQUIRE(back[0].tokens.size() == 1);
  CHECK(back[0].tokens[0].form == "don't");
  REQUIRE(back[0].words.size() == words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    CHECK(back[0].words[i].form == words[i].form);
    CHECK(back[0].words[i].head == words[i].head);
    CHECK(back[0].words[i].deprel == words[i].deprel);
  }
}

TEST_CASE("read_conllu names the line of a malformed row", "[syntax]") {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"# text = a\n1\ta\t_\tNOUN\n", "t.conllu:2: expected 10 tab-separated columns, found 4"},
      {"1\ta\ta\tNOUN\t_\t_\t0\troot\t_\t_\n3\tb\tb\tNOUN\t_\t_\t1\tdep\t_\t_\n",
       "t.conllu:2: word id '3' out of order"},
      {"1\ta\ta\tNUON\t_\t_\t0\troot\t_\t_\n", "t.conllu:1: unknown UPOS 'NUON'"},
      {"1\ta\ta\tNOUN\t_\t_\t7\troot\t_\t_\n\n", "t.conllu:2: head beyond the sentence"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    try {
      read_conllu(c.text, "t.conllu");
      FAIL("no error");
    } catch (const std::runtime_error& e) {
      CHECK(std::string(e.what()) == c.message);
    }
  }
}

TEST_CASE("a model file that is not whole is refused with the reason", "[syntax]") {
  std::ifstream in(std::string(CROSSCHECK_SOURCE_ROOT) + "/models/en_ewt.model", std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string bytes = buffer.str();
  std::string damaged = bytes;
  damaged[damaged.size() / 2] ^= 0x40;
  struct Case {
    std::string bytes;
    const char* error;
  };
  const Case cases[] = {
      {"", "not a crosscheck syntax model (no CCSYNTAX header)"},
      {"PK\x03\x04 a zip file", "not a crosscheck syntax model (no CCSYNTAX header)"},
      {bytes.substr(0, bytes.size() / 3), "damaged or truncated model (checksum mismatch)"},
      {damaged, "damaged or truncated model (checksum mismatch)"},
  };
  for (const Case& c : cases) {
    std::string error;
    CHECK(load_syntax_model(c.bytes, error) == nullptr);
    CHECK(error == c.error);
  }
  std::string error;
  const auto whole = load_syntax_model(bytes, error);
  REQUIRE(whole);
  CHECK(fingerprint(*whole).size() == 64);
}

TEST_CASE("training is deterministic and its model parses", "[syntax]") {
  // A small treebank of our own: sentences parsed by the bundled model.
  const char* sentences[] = {
      "The minister signed the treaty in 1951.",  "The rebels did not sign the agreement.",
      "She said that the talks had failed.",      "Two soldiers were injured in the attack.",
      "The court rejected the appeal on Monday.", "They won the match and celebrated.",
      "The company will not raise its prices.",   "Police arrested three men near the border.",
      "He refused to answer the question.",       "The storm destroyed hundreds of homes.",
  };
  std::string treebank;
  int n = 0;
  for (const char* s : sentences) {
    treebank += "# newpar\n";
    treebank += to_conllu(parse_sentence(s, bundled_model()), "t" + std::to_string(++n), s);
  }
  TrainOptions options;
  options.tagger_epochs = 3;
  options.parser_epochs = 3;
  options.folds = 2;
  options.splitter_bits = options.tagger_bits = options.label_bits = 12;
  options.parser_bits = 14;
  const std::string a = train_syntax_model(treebank, treebank, options);
  const std::string b = train_syntax_model(treebank, treebank, options);
  CHECK(a == b);
  options.seed = 2;
  CHECK(train_syntax_model(treebank, treebank, options) != a);
  std::string error;
  const auto model = load_syntax_model(a, error);
  REQUIRE(model);
  const std::vector<Word> words = parse_sentence("The minister signed the treaty.", *model);
  REQUIRE(words.size() == 6);
  int roots = 0;
  for (const Word& w : words) roots += w.head == 0;
  CHECK(roots == 1);
}

TEST_CASE("a sentence far longer than any real one parses as one tree", "[syntax]") {
  // 3,000 words and no full stop: parsed a window at a time, one root, every head in range
  std::string text;
  for (int i = 0; i < 500; ++i) text += "the army crossed the river and ";
  text += "stopped";
  const std::vector<Word> words = parse_sentence(text, bundled_model());
  REQUIRE(words.size() == 3001);
  int roots = 0;
  for (const Word& w : words) {
    roots += w.head == 0;
    CHECK(w.head <= words.size());
  }
  CHECK(roots == 1);
}
