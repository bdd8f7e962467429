// syntax: a sentence's text -> its UD words with tags, lemmas and a labelled dependency
// tree, from a model the project trains on a UD treebank (train_syntax_model). The model
// holds everything language-specific that this stage knows: the tokeniser's exceptions
// learned from the treebank (abbreviations, multi-word tokens, clitics), a greedy
// averaged-perceptron tagger and an arc-eager parser. A loaded model is immutable and
// shared read-only by all threads. Pure: no file access, no printing.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/core.hpp"

namespace crosscheck {

class SyntaxModel;

// WordNet 3.0's morphology files, as read from its folder (Debian's wordnet-base:
// /usr/share/wordnet): index.{noun,verb,adj,adv} and {noun,verb,adj,adv}.exc, in that order.
struct WordNetText {
  std::string index[4];
  std::string exceptions[4];
  // The dict folder's files these hold, and where file f's bytes go: the one list that
  // whoever reads the folder follows.
  static constexpr int kFiles = 8;
  static constexpr const char* kFileNames[kFiles] = {"index.noun", "noun.exc",  "index.verb",
                                                     "verb.exc",   "index.adj", "adj.exc",
                                                     "index.adv",  "adv.exc"};
  std::string& file(int f) { return f % 2 == 0 ? index[f / 2] : exceptions[f / 2]; }
};

// The model in `bytes`, or null with `error` set ("truncated", "not a crosscheck syntax
// model", "checksum mismatch"). With `checked`, the caller ran check_syntax_model on these
// bytes already and the checksum is not computed again. With `wordnet`, a word that the
// treebank never showed with its tag takes its lemma from WordNet's morphology ("drafted"
// -> "draft", "sentenced" -> "sentence") before the suffix rules learned from the treebank.
std::shared_ptr<const SyntaxModel> load_syntax_model(std::string_view bytes, std::string& error,
                                                     bool checked = false,
                                                     const WordNetText* wordnet = nullptr);

// Only the quick checks of load_syntax_model (header, format, checksum): for telling a
// user at once that a file will not serve, before it is decoded when first needed.
bool check_syntax_model(std::string_view bytes, std::string& error);

// The model's fingerprint, what the analysis cache keys on: the hex SHA-256 its file ends
// with (of all the bytes before it). Of a file's bytes, or of a loaded model.
std::string model_fingerprint(std::string_view bytes);
const std::string& fingerprint(const SyntaxModel& model);

// The words of `text` (one sentence), tagged, lemmatised and parsed.
std::vector<Word> parse_sentence(std::string_view text, const SyntaxModel& model);

// Only the UD tokenisation of `text`: forms, spans, multi-word tokens.
std::vector<Word> tokenize_ud(std::string_view text, const SyntaxModel& model);

// A paragraph's sentences, found by the model's boundary classifier, each parsed. `span` is
// the sentence's in the paragraph; its words' spans are relative to the sentence's start.
struct SentenceWords {
  Span span;
  std::vector<Word> words;
};
std::vector<SentenceWords> parse_paragraph(std::string_view text, const SyntaxModel& model);

// Tags, lemmas and the tree for words of one sentence (from tokenize_ud or a treebank).
void tag_and_parse(std::vector<Word>& words, const SyntaxModel& model);

struct TrainOptions {
  int tagger_epochs = 15;
  int parser_epochs = 20;
  int splitter_epochs = 10;
  // Keep, of each part, the epoch that scores best on dev; false: keep the last epoch (for
  // a final model whose training data include dev, with epochs a selecting run chose).
  bool select = true;
  int folds = 4;           // jackknifed tags for the parser's training
  std::uint64_t seed = 1;  // the same seed and data give the same bytes
  double prune = 0.3;      // weights below this fraction of a table's mean are dropped
  std::string train_name = "train", dev_name = "dev";  // for error messages
  // log2 of the rows of each hashed weight table: fewer collisions, a bigger model
  std::uint32_t splitter_bits = 18, tagger_bits = 20, parser_bits = 22, label_bits = 19;
  std::function<void(const std::string&)> progress;  // one line per epoch; may be empty
};

// Trains a model from CoNLL-U texts; returns its bytes, or throws std::runtime_error with a
// positioned message ("train.conllu:12: ...") when the treebank cannot be read.
std::string train_syntax_model(std::string_view train_conllu, std::string_view dev_conllu,
                               const TrainOptions& options);

// One sentence of a treebank, or of our output, in CoNLL-U terms.
struct ConlluSentence {
  std::vector<std::string> comments;  // without the leading "# "
  std::string text;
  std::vector<Word> words;
  struct Token {  // a multi-word token: words first..last (1-based) and its surface form
    int first = 0, last = 0;
    std::string form;
  };
  std::vector<Token> tokens;
};

// Reads CoNLL-U; throws std::runtime_error("NAME:LINE: message") on a malformed line.
std::vector<ConlluSentence> read_conllu(std::string_view bytes, std::string_view name);

// One sentence as CoNLL-U (UD v2, 10 columns): `# sent_id`, `# text`, multi-word token
// lines, a blank line at the end. A multi-word token's surface is the text its words span,
// or, given `tokens` (words read from CoNLL-U have no spans), the form listed there.
std::string to_conllu(const std::vector<Word>& words, std::string_view sent_id,
                      std::string_view text,
                      const std::vector<ConlluSentence::Token>* tokens = nullptr);

}  // namespace crosscheck
