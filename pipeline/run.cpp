#include "run.hpp"

#include <tbb/parallel_for.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <set>
#include <tuple>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "analyse/analyse.hpp"
#include "cache.hpp"
#include "compare/compare.hpp"
#include "corpus_files.hpp"
#include "crosscheck/sha256.hpp"
#include "crosscheck/summary.hpp"
#include "events/events.hpp"
#include "ingest/ingest.hpp"
#include "phases.hpp"
#include "segment/segment.hpp"
#include "timex/timex.hpp"

namespace crosscheck {
namespace fs = std::filesystem;

AnalyseOptions analyse_options(const Lexicon& lexicon, const SyntaxModel& syntax) {
  AnalyseOptions options;
  options.lexicon = &lexicon;
  options.parse = [&syntax](std::string_view text) { return parse_sentence(text, syntax); };
  options.timexes = [&lexicon](const std::vector<Word>& words, TimexContext& context) {
    return find_timexes(words, lexicon, context);
  };
  options.stamp_like = [&lexicon](const std::vector<Word>& words, const std::vector<Timex>& timexes,
                                  std::size_t x) { return stamp_like(words, timexes, x, lexicon); };
  return options;
}

std::optional<std::int32_t> article_day(const std::string& date) {
  const auto days = days_of_value(date);
  if (!days || days->grain != DayRange::Grain::kDay || date.size() != 10) return std::nullopt;
  return days->first;
}

bool analyse_bytes(const std::string& path, std::string bytes, const Lexicon& lexicon,
                   const SyntaxModel& syntax, AnalysedDocument& out, Diagnostic& error,
                   bool sentence_input, std::optional<std::int32_t> article_date,
                   const Limits& limits) {
  IngestOptions ingest_options;
  if (sentence_input) ingest_options.max_clutter_line_words = 0;
  auto ingested = ingest(path, std::move(bytes), ingest_options);
  if (auto* d = std::get_if<Diagnostic>(&ingested)) {
    error = std::move(*d);
    return false;
  }
  out.document = std::move(std::get<Document>(ingested));
  SegmentOptions segment_options;
  segment_options.lexicon = &lexicon;
  segment_options.max_sentence_tokens = limits.max_sentence_tokens;
  out.sentences = segment(out.document, segment_options, &out.document.warnings);
  AnalyseOptions options = analyse_options(lexicon, syntax);
  options.article_date = article_date;
  out.statements = analyse(out.document, out.sentences, options, &out.document.dating);
  return true;
}

namespace phases {

// Hands the heap's free pages back to the system. A big run frees much of what one stage
// made (per-statement candidate lists, the align index, every token) before the next one
// grows, in pieces scattered among what stays; without this they would count to the end.
void release_free_pages() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

// The rules, once loaded (see RunOptions::rules_pending).
const LoadedRules& rules_of(const RunOptions& options) {
  if (options.rules_pending.valid()) std::shared_future<void>(options.rules_pending).wait();
  return *options.rules;
}

namespace {

// The analysis of one read document: from the cache when it holds it, else made and kept.
void analyse_item(Item& item, const RunOptions& options) {
  const AnalysisCache* cache = options.cache;
  item.content_hash = sha256_hex(item.bytes);
  std::string key;
  if (cache != nullptr) {
    // the article's date resolves its relative times: a part of what the analysis depends on
    key = cache->key(item.path, item.date.empty() ? item.content_hash
                                                  : item.content_hash + " dated " + item.date);
    const auto found = cache->load(key, item.analysed);
    if (found == AnalysisCache::Lookup::kHit) {
      item.analysed.document.path = item.path;  // the same text may have moved
      for (auto& w : item.analysed.document.warnings) w.file = item.path;
      item.ok = item.cached = true;
      return;
    }
    item.damaged = found == AnalysisCache::Lookup::kDamaged;
  }
  const LoadedRules& rules = rules_of(options);
  if (!rules.ok()) {  // the caller reports the rules' errors, not this document
    item.ok = false;
    item.error.message = "the rules did not load";
    return;
  }
  const std::shared_ptr<const SyntaxModel> syntax =
      options.syntax.valid() ? options.syntax.get() : nullptr;
  if (!syntax) {  // the caller reports why the model did not load
    item.ok = false;
    item.error.message = "the syntax model did not load";
    return;
  }
  item.ok = analyse_bytes(item.path, std::move(item.bytes), rules.lexicon, *syntax, item.analysed,
                          item.error, false, article_day(item.date), options.limits);
  if (item.ok && cache != nullptr) cache->store(key, item.analysed);
}

}  // namespace

void analyse_files(const std::string& root, const CorpusListing& listing,
                   const std::vector<std::size_t>& which, const RunOptions& options,
                   const std::function<void(std::unique_ptr<Item>)>& take) {
  std::size_t next = 0;
  const std::size_t tokens = std::max<std::size_t>(
      1, options.tokens_per_thread *
             static_cast<std::size_t>(tbb::this_task_arena::max_concurrency()));
  tbb::parallel_pipeline(
      tokens, tbb::make_filter<void, Item*>(
                  tbb::filter_mode::serial_in_order,
                  [&](tbb::flow_control& fc) -> Item* {
                    if (next >= which.size()) {
                      fc.stop();
                      return nullptr;
                    }
                    auto item = std::make_unique<Item>();
                    item->listed = which[next++];
                    item->path = listing.files[item->listed];
                    item->full_path = (fs::path(root) / item->path).string();
                    if (auto s = listing.sources.find(item->path); s != listing.sources.end())
                      item->date = s->second.date;
                    return item.release();
                  }) &
                  tbb::make_filter<Item*, Item*>(
                      tbb::filter_mode::parallel,
                      [&](Item* item) {
                        item->ok = read_file(item->full_path, item->bytes, item->error,
                                             options.limits.max_document_bytes);
                        if (!item->ok) return item;
                        try {
                          analyse_item(*item, options);
                        } catch (const std::exception& e) {  // one document's failure stays its own
                          item->ok = false;
                          item->error = {};
                          item->error.message = std::string("cannot analyse: ") + e.what();
                        }
                        return item;
                      }) &
                  tbb::make_filter<Item*, void>(tbb::filter_mode::serial_in_order, [&](Item* item) {
                    take(std::unique_ptr<Item>(item));
                  }));
}

// Takes one document's result in corpus order: a refusal into `skipped`, an analysis into
// `parts`, to be laid out by flatten() once all are in.
void collect(Corpus& corpus, std::unique_ptr<Item> item,
             const std::map<std::string, SourceMeta>& sources,
             std::vector<AnalysedDocument>& parts) {
  if (!item->ok) {
    item->error.file = item->path;
    corpus.skipped.push_back({item->path, std::move(item->error)});
    return;
  }
  auto& a = item->analysed;
  a.document.index = static_cast<std::uint32_t>(parts.size());
  if (auto it = sources.find(item->path); it != sources.end()) a.document.source = it->second;
  if (a.document.source.id.empty()) a.document.source.id = fs::path(item->path).stem().string();
  parts.push_back(std::move(a));
}

// The documents' sentences and statements, in document order, into the corpus-wide lists:
// sized once and filled in parallel, rather than grown one statement at a time.
void flatten(Corpus& corpus, std::vector<AnalysedDocument>& parts,
             std::vector<DeferredWords>& words) {
  std::vector<std::size_t> sentence_at(parts.size() + 1, 0), statement_at(parts.size() + 1, 0);
  for (std::size_t d = 0; d < parts.size(); ++d) {
    sentence_at[d + 1] = sentence_at[d] + parts[d].sentences.size();
    statement_at[d + 1] = statement_at[d] + parts[d].statements.size();
  }
  corpus.sentences.resize(sentence_at.back());
  corpus.statements.resize(statement_at.back());
  words.resize(parts.size());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, parts.size(), 16),
                    [&](const tbb::blocked_range<std::size_t>& r) {
                      for (auto d = r.begin(); d != r.end(); ++d) {
                        auto& a = parts[d];
                        const auto index = static_cast<std::uint32_t>(d);
                        for (std::size_t i = 0; i < a.sentences.size(); ++i) {
                          a.sentences[i].doc = index;
                          corpus.sentences[sentence_at[d] + i] = std::move(a.sentences[i]);
                        }
                        for (std::size_t i = 0; i < a.statements.size(); ++i) {
                          a.statements[i].doc = index;
                          corpus.statements[statement_at[d] + i] = std::move(a.statements[i]);
                        }
                        words[d] = {static_cast<std::uint32_t>(statement_at[d]),
                                    static_cast<std::uint32_t>(a.statements.size()),
                                    std::move(a.deferred_tokens)};
                        // moved from: let the husks go now, not after every document
                        std::vector<Sentence>().swap(a.sentences);
                        std::vector<Statement>().swap(a.statements);
                      }
                    });
  corpus.documents.reserve(parts.size());
  for (auto& a : parts) corpus.documents.push_back(std::move(a.document));
  parts.clear();
  corpus.finish_indexes();
}

void sort_skipped(Corpus& corpus) {
  std::stable_sort(corpus.skipped.begin(), corpus.skipped.end(),
                   [](const Skipped& a, const Skipped& b) { return a.path < b.path; });
}

void decode_pair_words(Corpus& corpus, std::vector<DeferredWords>& words) {
  std::vector<bool> needed(words.size(), false);
  for (const Pair& p : corpus.pairs)
    needed[corpus.statements[p.a].doc] = needed[corpus.statements[p.b].doc] = true;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, words.size(), 8),
                    [&](const tbb::blocked_range<std::size_t>& r) {
                      for (auto d = r.begin(); d != r.end(); ++d) {
                        auto& w = words[d];
                        if (!needed[d] || w.bytes.empty()) continue;
                        decode_tokens(w.bytes, &corpus.statements[w.first], w.count);
                        std::string().swap(w.bytes);
                      }
                    });
}

// Source numbers by source id, so that two files of one outlet are never compared.
std::vector<std::uint32_t> source_numbers(const Corpus& corpus) {
  std::map<std::string, std::uint32_t> ids;
  std::vector<std::uint32_t> out;
  for (const auto& d : corpus.documents)
    out.push_back(
        ids.try_emplace(d.source.id, static_cast<std::uint32_t>(ids.size())).first->second);
  return out;
}

}  // namespace phases

std::string corpus_name(const std::string& root) {
  std::error_code ec;
  const fs::path path = fs::weakly_canonical(fs::absolute(root), ec);
  return (ec ? fs::path(root).lexically_normal() : path).filename().string();
}

namespace phases {
namespace {

constexpr std::uint32_t kNoMention = 0xffffffffu;  // a statement that names no event

// The claim-matrix rows: the events (link_events) that statements of several documents
// tell. Two statements a finding joins tell one event. Blocking is the align index's: only
// candidate pairs (corpus.pairs) of statements that name an event (`mention`), in
// documents that read alike (their TF-IDF cosine reaches EventOptions::document_link, as
// documents join groups in `crosscheck events`), are weighed. A row's statements ascend;
// rows are ordered by their first statement.
std::vector<Claim> event_claims(const Corpus& corpus,
                                const std::vector<std::unique_ptr<const EventMention>>& held,
                                const std::vector<std::uint32_t>& mention,
                                const std::vector<std::pair<std::uint32_t, Finding>>& found,
                                const Lexicon& lexicon, const EventModel& model) {
  const auto& statements = corpus.statements;
  std::vector<const EventMention*> mentions;
  mentions.reserve(held.size());
  for (const auto& m : held) mentions.push_back(m.get());
  const TermVectors contexts(statements.size(), [&](std::size_t i) {
    return std::span<const Spelling>(statements[i].terms);
  });
  // a document's statements: the corpus holds them in document order
  std::vector<std::uint32_t> first(corpus.documents.size() + 1, 0);
  for (const Statement& s : statements) ++first[s.doc + 1];
  for (std::size_t d = 0; d < corpus.documents.size(); ++d) first[d + 1] += first[d];
  std::vector<Spelling> buffer;
  const TermVectors documents(corpus.documents.size(), [&](std::size_t d) {
    buffer = document_terms(
        std::span<const Statement>(statements.data() + first[d], statements.data() + first[d + 1]),
        corpus.documents[d].dating.day);
    return std::span<const Spelling>(buffer);
  });
  std::vector<Spelling>().swap(buffer);
  const double document_link = EventOptions{}.document_link;
  // the align index's candidates, then the findings' pairs, known to tell one event: the
  // rules matched their acts (the agreements the sieve left out join statements that
  // listed findings already join)
  const std::size_t pairs = corpus.pairs.size();
  const auto candidate = [&](std::size_t k) -> std::optional<LinkCandidate> {
    if (k >= pairs) {
      const Finding& f = found[k - pairs].second;
      const std::uint32_t a = mention[f.a], b = mention[f.b];
      if (a == kNoMention || b == kNoMention || mentions[a]->key != f.act ||
          mentions[b]->key != f.act)
        return std::nullopt;
      return LinkCandidate{a, b, {}, true};
    }
    const Pair& p = corpus.pairs[k];
    const std::uint32_t a = mention[p.a], b = mention[p.b];
    if (a == kNoMention || b == kNoMention) return std::nullopt;
    const double document = documents.cosine(statements[p.a].doc, statements[p.b].doc);
    if (document < document_link) return std::nullopt;
    return LinkCandidate{a, b, {contexts.cosine(p.a, p.b), document}};
  };
  const auto events = link_events(mentions, pairs + found.size(), candidate, lexicon, model);
  // rows in order of first statement: an event's id is its first mention's order, and
  // mentions are in statement order
  std::vector<Claim> rows(mentions.empty() ? 0
                                           : *std::max_element(events.begin(), events.end()) + 1);
  for (std::uint32_t i = 0; i < statements.size(); ++i)
    if (mention[i] != kNoMention) rows[events[mention[i]]].statements.push_back(i);
  std::vector<Claim> out;
  for (auto& row : rows) {
    const auto& m = row.statements;
    if (m.size() > 1 && std::any_of(m.begin(), m.end(), [&](std::uint32_t s) {
          return statements[s].doc != statements[m.front()].doc;
        }))
      out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

Judge compare_judge(const Corpus& corpus, const LoadedRules& rules) {
  CompareOptions options;
  options.rules = &rules.rules;
  options.lexicon = &rules.lexicon;
  return [&corpus, options](std::uint32_t i) {
    const Pair& p = corpus.pairs[i];
    return compare(corpus.statements[p.a], corpus.statements[p.b], p, options);
  };
}

AlignOptions align_options(const RunOptions& options, const Lexicon& lexicon) {
  AlignOptions out = options.align;
  out.lexicon = &lexicon;
  return out;
}

std::vector<Pair> candidates(const AlignIndex& index, const std::vector<std::uint32_t>& aligning) {
  // one task per statement over a read-only index
  std::vector<std::vector<Pair>> per(aligning.size());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, per.size(), 64),
                    [&](const tbb::blocked_range<std::size_t>& r) {
                      for (auto i = r.begin(); i != r.end(); ++i)
                        per[i] = index.pairs_for(aligning[i]);
                    });
  return merge_pairs(std::move(per));
}

void conclude(Corpus& corpus, const RunOptions& options, const LoadedRules& rules,
              std::vector<DeferredWords>& words, const std::function<Judge()>& judge,
              std::optional<AlignIndex>& index, const std::function<void(std::string_view)>& tell,
              const StatementWords& load_words) {
  const Lexicon& lexicon = rules.lexicon;
  const AlignOptions align_options = phases::align_options(options, lexicon);
  rank_pairs(corpus.pairs, corpus.statements);
  // The documents whose words the events read: those a pair involves (all their statements,
  // as decode_pair_words decodes them), read a block at a time below when `load_words` can.
  std::vector<bool> worded;
  if (load_words) {
    worded.assign(corpus.documents.size(), false);
    for (const Pair& p : corpus.pairs)
      worded[corpus.statements[p.a].doc] = worded[corpus.statements[p.b].doc] = true;
  } else {
    decode_pair_words(corpus, words);
  }
  if (tell) tell("compare");
  // compare: the pairs strongest first, a block at a time (each pair independently), then
  // each block's findings in that order: one finding per kind and sentence pair (clauses of
  // one sentence may find the same thing; the strongest pair stands), and an agreement that
  // its event already holds is only counted (EventSieve). A big run's agreements are mostly
  // such pairs, so they are never all held at once.
  const Judge judged = judge();
  // An event told by at most four statements lists its pairs whole: six at most.
  constexpr std::uint32_t kListedWhole = 4;
  constexpr std::size_t kBlock = 1 << 15;
  std::vector<std::uint32_t> strongest(corpus.pairs.size());
  std::iota(strongest.begin(), strongest.end(), 0u);
  std::stable_sort(strongest.begin(), strongest.end(), [&](std::uint32_t x, std::uint32_t y) {
    return corpus.pairs[x].score > corpus.pairs[y].score;
  });
  const auto sentence_id = [&](std::uint32_t statement) {
    const Statement& s = corpus.statements[statement];
    return corpus.first_sentence[s.doc] + s.sentence;
  };
  std::vector<bool> has_finding(corpus.pairs.size());
  // Only a sentence of several statements can find one thing twice: the findings of those
  // sentences are remembered (kind, sentences), and a big run's million others are not.
  std::vector<std::uint32_t> clauses(corpus.sentences.size());
  for (std::uint32_t i = 0; i < corpus.statements.size(); ++i) ++clauses[sentence_id(i)];
  std::set<std::tuple<Finding::Kind, std::uint32_t, std::uint32_t>> told;
  EventSieve sieve(kListedWhole);
  std::vector<std::pair<std::uint32_t, Finding>> found;  // with their pair's index
  std::vector<std::optional<Finding>> block(std::min(kBlock, strongest.size()));
  for (std::size_t begin = 0; begin < strongest.size(); begin += kBlock) {
    const std::size_t n = std::min(kBlock, strongest.size() - begin);
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 64),
                      [&](const tbb::blocked_range<std::size_t>& r) {
                        for (auto k = r.begin(); k != r.end(); ++k) {
                          block[k] = judged(strongest[begin + k]);
                        }
                      });
    for (std::size_t k = 0; k < n; ++k) {
      if (!block[k]) continue;
      const std::uint32_t i = strongest[begin + k];
      Finding& f = *block[k];
      has_finding[i] = true;
      const std::uint32_t sa = sentence_id(f.a), sb = sentence_id(f.b);
      if ((clauses[sa] > 1 || clauses[sb] > 1) && !told.emplace(f.kind, sa, sb).second) continue;
      if (f.kind == Finding::Kind::kAgreement && sieve.left_out(f)) continue;
      found.emplace_back(i, std::move(f));
    }
  }
  std::vector<std::optional<Finding>>().swap(block);
  std::set<std::tuple<Finding::Kind, std::uint32_t, std::uint32_t>>().swap(told);
  std::vector<std::uint32_t>().swap(clauses);
  std::vector<std::uint32_t>().swap(strongest);
  corpus.aligned = select_aligned(corpus.pairs, has_finding, corpus.statements, align_options);
  std::vector<bool>().swap(has_finding);
  if (tell) tell("events");
  // The rules are done with the words: the reports need only spans, roles and findings, and
  // the events each statement's mention of its event (stages/events). A block of statements
  // at a time, their words' pages given back after each; each mention is allocated alone,
  // so that it can take the room its statement's words leave (one array of them would be
  // new memory).
  std::vector<std::unique_ptr<const EventMention>> mentions;
  std::vector<std::uint32_t> mention(corpus.statements.size(), kNoMention);
  std::vector<std::unique_ptr<const EventMention>> made;
  for (std::size_t begin = 0; begin < corpus.statements.size(); begin += kBlock) {
    made.resize(std::min(kBlock, corpus.statements.size() - begin));
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, made.size(), 256),
        [&](const tbb::blocked_range<std::size_t>& r) {
          for (auto i = r.begin(); i != r.end(); ++i) {
            Statement& s = corpus.statements[begin + i];
            if (load_words && worded[s.doc]) load_words(static_cast<std::uint32_t>(begin + i), s);
            made[i].reset();
            if (const auto token = event_token(s)) {
              auto m = std::make_unique<EventMention>(mention_of(s, *token, s.doc, lexicon));
              std::vector<Spelling>().swap(m->context);  // s.terms serve
              made[i] = std::move(m);
            }
            std::vector<Token>().swap(s.tokens);
            std::vector<Record>().swap(s.records);
          }
        });
    for (std::size_t i = 0; i < made.size(); ++i)
      if (made[i]) {
        mention[begin + i] = static_cast<std::uint32_t>(mentions.size());
        mentions.push_back(std::move(made[i]));
      }
    release_free_pages();
  }
  std::vector<std::unique_ptr<const EventMention>>().swap(made);
  if (options.anchors) {  // a block at a time, in order
    std::vector<std::vector<Spelling>> lists;
    for (std::size_t begin = 0; begin < corpus.aligned.size(); begin += kBlock) {
      lists.resize(std::min(kBlock, corpus.aligned.size() - begin));
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, lists.size(), 256),
                        [&](const tbb::blocked_range<std::size_t>& r) {
                          for (auto i = r.begin(); i != r.end(); ++i)
                            lists[i] = index->anchors(corpus.pairs[corpus.aligned[begin + i]]);
                        });
      for (const auto& list : lists) corpus.anchors.push_back(list);
    }
  }
  index.reset();
  release_free_pages();
  corpus.claims = event_claims(corpus, mentions, mention, found, lexicon, *options.events);
  std::vector<std::unique_ptr<const EventMention>>().swap(mentions);
  std::vector<std::uint32_t>().swap(mention);
  // Conflicts first, then disputes, then agreements, each in pair order.
  std::vector<std::uint32_t> order(found.size());  // indexes into `found`
  std::iota(order.begin(), order.end(), 0);
  // Pairs are sorted by (a, b), so pair order is statement order within a kind.
  std::sort(order.begin(), order.end(), [&](auto x, auto y) {
    return std::tie(found[x].second.kind, found[x].first) <
           std::tie(found[y].second.kind, found[y].first);
  });
  // Findings per event: of the pairs that tell one event the same way (or the same two
  // ways), a spanning set, strongest first, once the event is more than a few statements.
  // The conflicts and disputes left out stay for the gate; the agreements left out are only
  // counted. (Summarised through pointers, so the findings are held once: at this point
  // they are the largest part of a big run's memory.)
  std::vector<const Finding*> listed;
  std::vector<double> strength;
  listed.reserve(order.size());
  strength.reserve(order.size());
  for (const std::uint32_t i : order) {
    listed.push_back(&found[i].second);
    strength.push_back(corpus.pairs[found[i].first].score);
  }
  const EventSummary summary = summarise_events(
      listed, strength,
      {Finding::Kind::kConflict, Finding::Kind::kDispute, Finding::Kind::kAgreement}, kListedWhole);
  std::vector<double>().swap(strength);
  corpus.findings.reserve(summary.kept.size());
  for (std::size_t k = 0, kept = 0; k < order.size(); ++k) {
    Finding& f = found[order[k]].second;
    if (kept == summary.kept.size() || summary.kept[kept] != k) {
      if (f.kind != Finding::Kind::kAgreement) corpus.unlisted.push_back(std::move(f));
      continue;
    }
    // the agreements the sieve left out count on the first listed of their event
    const std::uint32_t sieved = f.kind == Finding::Kind::kAgreement ? sieve.take_left_out(f) : 0;
    if (const auto n = summary.left_out[kept] + sieved; n > 0)
      f.explanation += "; " + std::to_string(n) + " more pair" + (n == 1 ? "" : "s") +
                       " of statements tell this event so (not listed)";
    corpus.findings.push_back(std::move(f));
    ++kept;
  }
}

}  // namespace phases

using namespace phases;

Corpus run_corpus(const std::string& root, const RunOptions& options,
                  std::vector<Diagnostic>& errors, RunStats* stats) {
  if (options.events == nullptr) throw std::invalid_argument("run_corpus: no event model");
  Corpus corpus;
  RunStats local_stats;
  std::vector<bool> in_focus;           // by document index
  std::vector<DeferredWords> words;     // by document index
  std::vector<AnalysedDocument> parts;  // by document index, until flattened
  corpus.root = root;
  corpus.name = corpus_name(root);
  const CorpusListing listing = list_corpus(root);
  errors.insert(errors.end(), listing.diagnostics.begin(), listing.diagnostics.end());
  if (!fs::is_directory(root)) return corpus;
  corpus.skipped = listing.skipped;  // the documents refused in reading join them, by path
  Progress progress{listing.files.size(), 0, 0, "analyse"};
  const auto tell = [&](std::string_view stage) {
    progress.stage = stage;
    if (options.progress) options.progress(progress);
  };
  tell("analyse");
  std::vector<std::size_t> every(listing.files.size());
  std::iota(every.begin(), every.end(), std::size_t{0});
  analyse_files(root, listing, every, options, [&](std::unique_ptr<Item> item) {
    local_stats.from_cache += item->cached;
    local_stats.analysed += item->ok && !item->cached;
    local_stats.cache_damaged += item->damaged;
    if (item->ok) {
      const bool named = std::find(options.focus_paths.begin(), options.focus_paths.end(),
                                   item->path) != options.focus_paths.end();
      const bool unknown = options.known != nullptr && !options.known->count(item->content_hash);
      in_focus.push_back(!options.focus || named || unknown);
      local_stats.document_hashes.push_back(item->content_hash);
      if (options.focus && in_focus.back()) local_stats.focus.push_back(item->path);
    }
    ++(item->ok ? progress.done : progress.skipped);
    collect(corpus, std::move(item), listing.sources, parts);
    tell("analyse");
  });
  sort_skipped(corpus);
  const LoadedRules& rules = rules_of(options);
  if (!rules.ok()) return corpus;
  flatten(corpus, parts, words);
  release_free_pages();
  // The statements to align: all of them, or those of the documents in focus.
  std::vector<std::uint32_t> aligning;
  for (std::uint32_t i = 0; i < corpus.statements.size(); ++i)
    if (in_focus[corpus.statements[i].doc]) aligning.push_back(i);
  if (stats != nullptr) *stats = local_stats;

  tell("align");
  const AlignOptions align = align_options(options, rules.lexicon);
  std::vector<bool> queried;  // when focusing: the statements that are aligned
  if (options.focus) {
    queried.resize(corpus.statements.size());
    for (const std::uint32_t i : aligning) queried[i] = true;
  }
  // Kept past compare only to fill the aligned pairs' anchors.
  std::optional<AlignIndex> index;
  index.emplace(corpus.statements, source_numbers(corpus), align,
                options.focus ? &queried : nullptr);
  corpus.pairs = candidates(*index, aligning);
  if (options.anchors)
    index->release_postings();
  else
    index.reset();
  release_free_pages();
  conclude(
      corpus, options, rules, words, [&] { return compare_judge(corpus, rules); }, index, tell);
  return corpus;
}

}  // namespace crosscheck
