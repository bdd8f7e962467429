// The commands around the syntax model: `parse` (raw text -> CoNLL-U, so that any UD tool
// and the standard scorer can read our analysis) and `train-parser` (a model from a UD
// treebank).
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <future>
#include <iostream>
#include <optional>

#include "cli.hpp"
#include "corpus_files.hpp"
#include "crosscheck/checksum.hpp"
#include "ingest/ingest.hpp"
#include "reports/reports.hpp"
#include "syntax/syntax.hpp"

namespace crosscheck::cli {

std::string default_model_path() { return bundled("models/en_ewt.model"); }

namespace {

#ifndef CROSSCHECK_WORDNET_DIR
#define CROSSCHECK_WORDNET_DIR "/usr/share/wordnet"
#endif

// WordNet's morphology files (Debian's wordnet-base), and a fingerprint of their bytes for
// the analysis cache's key: the lemmas depend on them. Null after printing why not.
std::shared_ptr<const WordNetText> read_wordnet(std::string& fingerprint) {
  auto text = std::make_shared<WordNetText>();
  const std::string dir = CROSSCHECK_WORDNET_DIR;
  std::string sums;
  for (int f = 0; f < WordNetText::kFiles; ++f) {
    std::string& bytes = text->file(f);
    Diagnostic d;
    if (!read_file(dir + "/" + WordNetText::kFileNames[f], bytes, d)) {
      std::cerr << d.format() << " (WordNet 3.0, the Debian package wordnet-base)\n";
      return nullptr;
    }
    sums += std::to_string(checksum64(bytes)) + ' ';
  }
  fingerprint = "wordnet " + std::to_string(checksum64(sums));
  return text;
}

}  // namespace

std::shared_ptr<const SyntaxModel> load_model_or_report(const std::string& path) {
  std::string bytes, error, wordnet_fingerprint;
  Diagnostic d;
  if (!read_file(path, bytes, d)) {
    std::cerr << d.format() << '\n';
    return nullptr;
  }
  const auto wordnet = read_wordnet(wordnet_fingerprint);
  if (!wordnet) return nullptr;
  auto model = load_syntax_model(bytes, error, false, wordnet.get());
  if (!model) std::cerr << path << ": error: " << error << '\n';
  return model;
}

std::unique_ptr<ModelLoading> start_loading_model(const std::string& path) {
  auto loading = std::make_unique<ModelLoading>();
  loading->path = path;
  auto bytes = std::make_shared<std::string>();
  Diagnostic d;
  std::string error;
  if (!read_file(path, *bytes, d)) {
    std::cerr << d.format() << '\n';
    return nullptr;
  }
  if (!check_syntax_model(*bytes, error)) {
    std::cerr << path << ": error: " << error << '\n';
    return nullptr;
  }
  std::string wordnet_fingerprint;
  const auto wordnet = read_wordnet(wordnet_fingerprint);
  if (!wordnet) return nullptr;
  loading->fingerprint = model_fingerprint(*bytes) + " " + wordnet_fingerprint;
  // decoded by the first document that needs it: a run whose analyses all come from the
  // cache never pays for it
  // (the file's bytes and WordNet's text are let go once decoded: the deferred state keeps
  // its callable for the whole run)
  loading->model =
      std::async(std::launch::deferred, [bytes, wordnet = std::shared_ptr(wordnet)]() mutable {
        std::string e;
        auto model = load_syntax_model(*bytes, e, true, wordnet.get());
        bytes.reset();
        wordnet.reset();
        return model;
      }).share();
  return loading;
}

// The lines of a file, trimmed, without the empty ones: each a paragraph for parsing (or
// a sentence, with --line-per-sentence). Every byte that is not white space belongs to one,
// clutter included, since a scorer compares our words with the text character for
// character.
std::vector<Span> lines_of(const std::string& t) {
  std::vector<Span> out;
  std::uint32_t b = 0;
  while (b < t.size()) {
    std::uint32_t e = b;
    while (e < t.size() && t[e] != '\n') ++e;
    std::uint32_t x = b, y = e;
    while (x < y && std::isspace(static_cast<unsigned char>(t[x]))) ++x;
    while (y > x && std::isspace(static_cast<unsigned char>(t[y - 1]))) --y;
    if (y > x) out.push_back({x, y});
    b = e + 1;
  }
  return out;
}

std::vector<SentenceWords> parse_lines(const std::string& text, const SyntaxModel& model,
                                       bool line_per_sentence) {
  const std::vector<Span> units = lines_of(text);
  std::vector<std::vector<SentenceWords>> parsed(units.size());
  tbb::parallel_for(std::size_t{0}, units.size(), [&](std::size_t i) {
    const std::string_view unit = std::string_view(text).substr(units[i].begin, units[i].size());
    if (line_per_sentence)
      parsed[i].push_back(
          {{0, static_cast<std::uint32_t>(unit.size())}, parse_sentence(unit, model)});
    else
      parsed[i] = parse_paragraph(unit, model);
    for (SentenceWords& s : parsed[i])
      s.span = {s.span.begin + units[i].begin, s.span.end + units[i].begin};
  });
  std::vector<SentenceWords> out;
  for (auto& unit : parsed)
    for (auto& s : unit) out.push_back(std::move(s));
  return out;
}

std::optional<Document> ingest_or_report(const std::string& file, std::string bytes) {
  auto ingested = ingest(file, std::move(bytes));
  if (auto* d = std::get_if<Diagnostic>(&ingested)) {
    std::cerr << d->format() << '\n';
    return std::nullopt;
  }
  return std::move(std::get<Document>(ingested));
}

int cmd_parse(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  std::string model_path = default_model_path();
  int threads = 0;
  bool lines = false, conllu = false;
  po::options_description o("parse options");
  o.add_options()("help,h", "show this help")("model", po::value(&model_path),
                                              "the syntax model (default: models/en_ewt.model)")(
      "threads", po::value(&threads), "worker threads (0: every core); the output is the same")(
      "line-per-sentence", po::bool_switch(&lines),
      "the text is split already: each line is one sentence")(
      "conllu", po::bool_switch(&conllu),
      "the files are CoNLL-U: keep their sentences and words, tag, lemmatise and parse them anew")(
      "input", po::value(&files), "text files");
  po::positional_options_description pos;
  pos.add("input", -1);
  if (parse(args, o, pos).count("help")) {
    std::cout << "usage: crosscheck parse FILE... [--model FILE] [--line-per-sentence | --conllu] "
                 "[--threads N]\n\n"
                 "Writes the words of each file's sentences with their UPOS tags, lemmas and\n"
                 "dependency trees as CoNLL-U (UD v2) on standard output: '# newdoc id' per\n"
                 "file, '# sent_id' and '# text' per sentence, multi-word tokens as ranges.\n"
                 "Each line is a paragraph, cut into sentences by the model; a sentence never\n"
                 "spans a line break. With --conllu the input's own sentences and words are\n"
                 "kept (to score tagging and parsing alone on gold tokens).\n\n"
              << shown(o);
    return kOk;
  }
  if (files.empty()) throw UsageError("parse needs a FILE");
  if (threads < 0) throw UsageError("--threads must be 0 or more");
  const auto model = load_model_or_report(model_path);
  if (!model) return kBadInput;
  std::optional<tbb::global_control> limit;
  if (threads > 0) limit.emplace(tbb::global_control::max_allowed_parallelism, threads);
  if (lines && conllu) throw UsageError("--line-per-sentence and --conllu exclude each other");
  int status = kOk;
  for (const std::string& file : files) {
    std::string bytes;
    Diagnostic error;
    if (!read_file(file, bytes, error)) {
      std::cerr << error.format() << '\n';
      status = kBadInput;
      continue;
    }
    if (conllu) {
      std::vector<ConlluSentence> sentences;
      try {
        sentences = read_conllu(bytes, file);
      } catch (const std::runtime_error& e) {
        std::cerr << e.what() << '\n';
        status = kBadInput;
        continue;
      }
      tbb::parallel_for(std::size_t{0}, sentences.size(), [&](std::size_t i) {
        for (Word& w : sentences[i].words) w.lemma.clear();
        tag_and_parse(sentences[i].words, *model);
      });
      std::cout << "# newdoc id = " << file << '\n';
      for (std::size_t i = 0; i < sentences.size(); ++i)
        std::cout << to_conllu(sentences[i].words, file + "#" + std::to_string(i + 1),
                               sentences[i].text, &sentences[i].tokens);
      continue;
    }
    const auto doc = ingest_or_report(file, std::move(bytes));
    if (!doc) {
      status = kBadInput;
      continue;
    }
    std::cout << "# newdoc id = " << file << '\n';
    std::size_t n = 0;
    for (const auto& s : parse_lines(doc->original, *model, lines))
      std::cout << to_conllu(s.words, file + "#" + std::to_string(++n),
                             std::string_view(doc->original).substr(s.span.begin, s.span.size()));
  }
  return status;
}

int cmd_train_parser(const std::vector<std::string>& args) {
  std::vector<std::string> train;
  std::string dev, out;
  bool fixed = false;
  TrainOptions t;
  po::options_description o("train-parser options");
  o.add_options()("help,h", "show this help")(
      "train", po::value(&train)->composing(),
      "training treebank (CoNLL-U; repeatable: the files are joined)")(
      "dev", po::value(&dev), "development treebank (CoNLL-U): picks the epochs")(
      "fixed-epochs", po::bool_switch(&fixed),
      "keep the last of the given epochs instead of dev's best (when dev is also trained on)")(
      "out", po::value(&out), "the model file to write")(
      "seed", po::value(&t.seed)->default_value(t.seed), "shuffling seed; same seed, same model")(
      "tagger-epochs", po::value(&t.tagger_epochs)->default_value(t.tagger_epochs),
      "tagger epochs at most")("parser-epochs",
                               po::value(&t.parser_epochs)->default_value(t.parser_epochs),
                               "parser epochs at most")(
      "splitter-epochs", po::value(&t.splitter_epochs)->default_value(t.splitter_epochs),
      "sentence splitter epochs at most")(
      "prune", po::value(&t.prune)->default_value(t.prune, "0.3"),
      "drop weights below this fraction of their table's mean magnitude");
  if (parse(args, o, {}).count("help")) {
    std::cout << "usage: crosscheck train-parser --train FILE --dev FILE --out MODEL\n\n"
                 "Trains the tokeniser exceptions, sentence splitter, lemmas, tagger and "
                 "dependency\nparser from UD "
                 "treebanks and writes the model. Progress goes to standard error.\n\n"
              << shown(o);
    return kOk;
  }
  if (train.empty() || dev.empty() || out.empty())
    throw UsageError("train-parser needs --train, --dev and --out");
  if (t.tagger_epochs < 1 || t.parser_epochs < 1 || t.splitter_epochs < 1)
    throw UsageError("epochs must be at least 1");
  t.select = !fixed;
  std::string train_bytes, dev_bytes;
  Diagnostic error;
  for (const std::string& file : train) {
    std::string bytes;
    if (!read_file(file, bytes, error)) {
      std::cerr << error.format() << '\n';
      return kBadInput;
    }
    if (!train_bytes.empty() && !train_bytes.ends_with("\n\n")) train_bytes += "\n";
    train_bytes += bytes;
  }
  if (!read_file(dev, dev_bytes, error)) {
    std::cerr << error.format() << '\n';
    return kBadInput;
  }
  t.train_name = train.size() == 1 ? train.front() : "train";
  t.dev_name = dev;
  t.progress = [](const std::string& line) { std::cerr << "train-parser: " << line << '\n'; };
  const std::string model = train_syntax_model(train_bytes, dev_bytes, t);
  if (const std::string e = write_atomically(out, model); !e.empty()) {
    std::cerr << out << ": error: " << e << '\n';
    return kBadInput;
  }
  std::cerr << "train-parser: wrote " << out << " (" << model.size() << " bytes)\n";
  return kOk;
}

}  // namespace crosscheck::cli
