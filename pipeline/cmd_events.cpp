// `crosscheck events`: which of the given event mentions tell the same event, as
// crosscheck's event clustering groups them, so that event-coreference gold (ECB+) can
// score it.

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "cli.hpp"
#include "corpus_files.hpp"
#include "events/events.hpp"

namespace crosscheck::cli {

namespace {

struct MentionLine {
  std::string id;
  std::string path;
  std::uint32_t begin = 0, end = 0;  // bytes into the file
};

std::uint32_t to_offset(const std::string& field, const std::string& where) {
  std::size_t used = 0;
  unsigned long v = 0;
  try {
    v = std::stoul(field, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != field.size() || v > 0xffffffffUL)
    throw std::runtime_error(where + ": error: '" + field + "' is no byte offset");
  return static_cast<std::uint32_t>(v);
}

std::vector<MentionLine> read_mentions(const std::string& file) {
  std::string bytes;
  Diagnostic d;
  if (!read_file(file, bytes, d)) throw std::runtime_error(d.format());
  std::vector<MentionLine> out;
  std::istringstream lines(bytes);
  std::size_t n = 0;
  for (std::string line; std::getline(lines, line);) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::istringstream fields(line);
    for (std::string x; std::getline(fields, x, '\t');) f.push_back(x);
    const std::string where = file + ":" + std::to_string(n);
    if (f.size() != 4)
      throw std::runtime_error(where + ": error: expected ID<TAB>FILE<TAB>START<TAB>END, got " +
                               std::to_string(f.size()) + " fields");
    MentionLine m{f[0], f[1], to_offset(f[2], where), to_offset(f[3], where)};
    if (m.end <= m.begin) throw std::runtime_error(where + ": error: END must follow START");
    out.push_back(std::move(m));
  }
  return out;
}

// The token of the statements of `a` that the mention [begin, end) of the original file
// names: a record's predicate within it, else an act, else its last content word. The
// statement's index, or -1 when no statement holds it (a title, page furniture).
std::int64_t find_token(const AnalysedDocument& a, std::uint32_t begin, std::uint32_t end,
                        std::uint32_t& token) {
  for (std::size_t si = 0; si < a.statements.size(); ++si) {
    const Statement& s = a.statements[si];
    const std::uint32_t base = a.sentences[s.sentence].span.begin;
    int best = -1, best_rank = 0;
    for (std::uint32_t k = 0; k < s.tokens.size(); ++k) {
      const Token& t = s.tokens[k];
      const std::uint32_t b = a.document.to_original(base + t.span.begin);
      const std::uint32_t e = a.document.to_original(base + t.span.end);
      if (e <= begin || b >= end) continue;
      bool record = false;
      for (const Record& r : s.records) record = record || r.token == k;
      const int rank = record ? 4 : t.verb ? 3 : !t.stop && t.kind == Token::Kind::kWord ? 2 : 1;
      if (rank >= best_rank) best = static_cast<int>(k), best_rank = rank;
    }
    if (best >= 0) {
      token = static_cast<std::uint32_t>(best);
      return static_cast<std::int64_t>(si);
    }
  }
  return -1;
}

}  // namespace

int cmd_events(const std::vector<std::string>& args) {
  std::vector<std::string> rules_dirs;
  std::string model_path = default_model_path(), mentions_file;
  std::string event_model_path = bundled("models/events.toml");
  EventOptions options;
  bool same_lemma = false;
  double link = -1;
  std::string groups_out, pairs_out;
  po::options_description o("events options");
  o.add_options()("help,h", "show this help")(
      "same-lemma", po::bool_switch(&same_lemma),
      "the baseline instead: one event for all mentions whose predicates have one lemma")(
      "mentions", po::value(&mentions_file),
      "the mentions: one line ID<TAB>FILE<TAB>START<TAB>END each (byte offsets into FILE)")(
      "document-link", po::value(&options.document_link)->default_value(options.document_link),
      "least average TF-IDF cosine at which two groups of documents join")(
      "link", po::value(&link),
      "least probability at which two mentions join (default: the event model's)")(
      "event-model", po::value(&event_model_path),
      "the pairwise event model (default: models/events.toml)")(
      "pairs", po::value(&pairs_out),
      "also write the features of every pair of one group the model weighs (ID<TAB>ID<TAB>"
      "feature values, a header line naming them), to train the model")(
      "groups", po::value(&groups_out),
      "also write each file's document group to this file (FILE<TAB>GROUP lines)")(
      "rules", po::value(&rules_dirs)->composing(), "rules folder (default: rules/en)")(
      "model", po::value(&model_path), "the syntax model (default: models/en_ewt.model)");
  if (parse(args, o, {}).count("help")) {
    std::cout << "usage: crosscheck events --mentions FILE [--same-lemma] [--groups FILE]\n"
                 "                         [--pairs FILE] [--document-link X] [--link X]\n"
                 "                         [--event-model FILE] [--rules DIR] [--model FILE]\n\n"
                 "Groups event mentions into events, as crosscheck's event clustering does:\n"
                 "it analyses every FILE the mentions name as one corpus, groups its documents\n"
                 "by what they report, and within a group joins two mentions that no place,\n"
                 "doer, time, repeat or speaker tells apart when the event model's probability\n"
                 "(from their predicates' WordNet relation and the arguments and words they\n"
                 "share) reaches its link, and every mention joined to them so. Prints\n"
                 "ID<TAB>EVENT<TAB>KEY for each mention, in input order: events are numbered\n"
                 "from 0 in order of first appearance, KEY is the predicate's matching key. A\n"
                 "mention outside every statement (a title) is matched by its last word.\n\n"
              << shown(o);
    return kOk;
  }
  if (mentions_file.empty()) throw UsageError("events needs --mentions FILE");
  std::vector<MentionLine> mentions;
  EventModel event_model;
  try {
    mentions = read_mentions(mentions_file);
    if (!same_lemma) event_model = read_event_model(event_model_path);
  } catch (const std::exception& e) {
    std::cerr << e.what() << '\n';
    return kBadInput;
  }
  const LoadedRules rules = load(rules_dirs, "");
  print_diagnostics(rules.diagnostics);
  if (!rules.ok()) return kBadInput;
  const auto model = load_model_or_report(model_path);
  if (!model) return kBadInput;

  std::map<std::string, std::uint32_t> doc_of;
  std::vector<std::string> paths;
  for (const auto& m : mentions)
    if (doc_of.emplace(m.path, paths.size()).second) paths.push_back(m.path);
  std::vector<AnalysedDocument> docs(paths.size());
  std::vector<std::string> errors(paths.size());
  tbb::parallel_for(std::size_t{0}, paths.size(), [&](std::size_t i) {
    std::string bytes;
    Diagnostic d;
    if (!read_file(paths[i], bytes, d) ||
        !analyse_bytes(paths[i], std::move(bytes), rules.lexicon, *model, docs[i], d))
      errors[i] = d.format();
  });
  int status = kOk;
  for (const auto& e : errors)
    if (!e.empty()) {
      std::cerr << e << '\n';
      status = kBadInput;
    }
  if (status != kOk) return status;

  std::vector<std::vector<Spelling>> terms(paths.size());
  for (std::size_t d = 0; d < docs.size(); ++d)
    terms[d] = document_terms(docs[d].statements, docs[d].document.dating.day);
  std::vector<EventMention> events;
  std::size_t outside = 0;
  for (const auto& m : mentions) {
    const std::uint32_t d = doc_of[m.path];
    std::uint32_t token = 0;
    const std::int64_t s = find_token(docs[d], m.begin, m.end, token);
    if (s >= 0) {
      events.push_back(mention_of(docs[d].statements[s], token, d, rules.lexicon));
    } else {
      EventMention e;
      e.doc = d;
      const std::string& text = docs[d].document.original;
      const std::string words =
          text.substr(m.begin, std::min<std::size_t>(m.end, text.size()) -
                                   std::min<std::size_t>(m.begin, text.size()));
      const auto last = words.find_last_of(' ');
      std::string word = last == std::string::npos ? words : words.substr(last + 1);
      for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      e.lemma = lemma_of(word, rules.lexicon);
      e.key = rules.lexicon.class_of(e.lemma);
      ++outside;
      events.push_back(std::move(e));
    }
  }
  if (outside > 0)
    std::cerr << outside << " of " << mentions.size()
              << " mentions stand in no statement and are matched by their last word\n";
  std::vector<std::uint32_t> clusters;
  if (same_lemma) {
    std::map<std::string, std::uint32_t> ids;
    for (const auto& e : events) clusters.push_back(ids.emplace(e.key, ids.size()).first->second);
  } else {
    const auto groups = group_documents(terms, options.document_link);
    if (link >= 0) event_model.link = link;
    clusters = cluster_events(events, terms, groups, rules.lexicon, event_model);
    if (!pairs_out.empty()) {
      std::ofstream p(pairs_out);
      p << "a\tb";
      for (const char* name : kPairFeatures) p << '\t' << name;
      p << '\n';
      for (const auto& pair : candidate_pairs(events, terms, groups, rules.lexicon)) {
        p << mentions[pair.a].id << '\t' << mentions[pair.b].id;
        for (const double f : pair.features) p << '\t' << f;
        p << '\n';
      }
      if (!p) {
        std::cerr << pairs_out << ": error: cannot write\n";
        return kBadInput;
      }
    }
    if (!groups_out.empty()) {
      std::ofstream g(groups_out);
      for (std::size_t d = 0; d < paths.size(); ++d) g << paths[d] << '\t' << groups[d] << '\n';
      if (!g) {
        std::cerr << groups_out << ": error: cannot write\n";
        return kBadInput;
      }
    }
  }
  for (std::size_t i = 0; i < mentions.size(); ++i)
    std::cout << mentions[i].id << '\t' << clusters[i] << '\t' << events[i].key << '\n';
  return status;
}

}  // namespace crosscheck::cli
