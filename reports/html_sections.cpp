// What report.html shows: the summary, the claim matrix, the findings and the articles.
// Every piece of corpus text goes through e() (html_escape); links are in-page anchors
// only: "#F0001" for a finding, "#s12" for a statement in its article, "#d3" for an article.
#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <tuple>

#include "reports/detail/format.hpp"
#include "reports/detail/html.hpp"

namespace crosscheck::detail {

namespace {

// The article's date as its times were read: its sources.toml date, or the one found in its
// text and where ("1993-01-13, from the text, line 5").
std::string written(const Document& d) {
  if (!d.source.date.empty() || !d.dating.day) return d.source.date;
  if (!d.dating.from_text) return value_at(*d.dating.day, DayRange::Grain::kDay);
  const LineCol lc = line_col(d.original, d.to_original(d.dating.where.begin));
  return value_at(*d.dating.day, DayRange::Grain::kDay) + ", from the text, line " +
         std::to_string(lc.line);
}

}  // namespace

namespace {

constexpr std::size_t kMatrixColumns = 12;    // sources shown as columns of the claim matrix
constexpr std::size_t kMaxSourcePairs = 100;  // rows of the source pair table

struct Counts {
  std::size_t conflicts = 0;
  std::size_t disputes = 0;
  std::size_t agreements = 0;
  void add(const Finding& f) {
    ++(f.kind == Finding::Kind::kConflict  ? conflicts
       : f.kind == Finding::Kind::kDispute ? disputes
                                           : agreements);
  }
  std::size_t all() const { return conflicts + disputes + agreements; }
};

std::string num_cell(std::size_t n) { return "<td class=\"num\">" + std::to_string(n) + "</td>"; }

std::string source_label(const Document& d) {
  return d.source.outlet.empty() ? d.source.id : d.source.id + " " + d.source.outlet;
}

// Index of `value` in a sorted, unique list: the filter script compares these small numbers,
// never corpus text.
std::string index_in(const std::vector<std::string>& sorted, const std::string& value) {
  return std::to_string(std::lower_bound(sorted.begin(), sorted.end(), value) - sorted.begin());
}

std::vector<std::string> finding_types(const Corpus& corpus) {
  std::set<std::string> types;
  for (const Finding& f : corpus.findings) types.insert(f.type);
  return {types.begin(), types.end()};
}

void render_sources(const Corpus& corpus, std::string& out) {
  std::vector<std::size_t> statements(corpus.documents.size());
  for (const Statement& statement : corpus.statements)
    if (statement.doc < statements.size()) ++statements[statement.doc];
  std::vector<Counts> findings(corpus.documents.size());
  for (const Finding& finding : corpus.findings) {
    std::set<std::uint32_t> docs;
    for (const std::uint32_t index : {finding.a, finding.b})
      docs.insert(side_of(corpus, index).document.index);
    for (const std::uint32_t doc : docs)
      if (doc < findings.size()) findings[doc].add(finding);
  }
  out += "<h3>Sources</h3>\n";
  if (corpus.documents.empty()) {
    out += "<p class=\"muted\">No documents.</p>\n";
    return;
  }
  out +=
      "<table>\n<thead><tr><th>Source</th><th>Title</th><th>Outlet</th><th>Date</th>"
      "<th>Path</th><th class=\"num\">Statements</th><th class=\"num\">Conflicts</th>"
      "<th class=\"num\">Disputes</th><th class=\"num\">Agreements</th></tr></thead>\n"
      "<tbody>\n";
  for (std::size_t d = 0; d < corpus.documents.size(); ++d) {
    const Document& document = corpus.documents[d];
    out += "<tr><td><a href=\"#d" + std::to_string(d) + "\">" + e(document.source.id) +
           "</a></td><td dir=\"auto\">" + e(document.source.title) + "</td><td>" +
           e(document.source.outlet) + "</td><td>" + e(written(document)) + "</td><td><code>" +
           e(document.path) + "</code></td>" + num_cell(statements[d]) +
           num_cell(findings[d].conflicts) + num_cell(findings[d].disputes) +
           num_cell(findings[d].agreements) + "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
}

void render_source_pairs(const Corpus& corpus, std::string& out) {
  struct PairCounts {
    Counts all;
    std::map<std::string, Counts> types;
  };
  std::map<std::pair<std::uint32_t, std::uint32_t>, PairCounts> pairs;
  for (const Finding& f : corpus.findings) {
    auto a = side_of(corpus, f.a).document.index, b = side_of(corpus, f.b).document.index;
    auto& counts = pairs[{std::min(a, b), std::max(a, b)}];
    counts.all.add(f);
    counts.types[f.type].add(f);
  }
  out += "<h3>By source pair</h3>\n";
  if (pairs.empty()) {
    out += "<p class=\"muted\">No findings.</p>\n";
    return;
  }
  // The pairs with most conflicts (then agreements) first; a corpus of many sources has
  // thousands of pairs, and the table shows the first kMaxSourcePairs.
  std::vector<const std::pair<const std::pair<std::uint32_t, std::uint32_t>, PairCounts>*> order;
  for (const auto& entry : pairs) order.push_back(&entry);
  std::stable_sort(order.begin(), order.end(), [](auto x, auto y) {
    return std::tie(y->second.all.conflicts, y->second.all.disputes, y->second.all.agreements) <
           std::tie(x->second.all.conflicts, x->second.all.disputes, x->second.all.agreements);
  });
  out +=
      "<table>\n<thead><tr><th>Source</th><th>Source</th><th class=\"num\">Conflicts</th>"
      "<th class=\"num\">Disputes</th><th class=\"num\">Agreements</th><th>By type "
      "(conflicts / disputes / agreements)</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < order.size() && i < kMaxSourcePairs; ++i) {
    const auto& [key, counts] = *order[i];
    std::string types;
    for (const auto& [type, c] : counts.types)
      types += (types.empty() ? "" : ", ") + e(type) + " " + std::to_string(c.conflicts) + " / " +
               std::to_string(c.disputes) + " / " + std::to_string(c.agreements);
    out += "<tr><td>" + e(source_label(corpus.documents[key.first])) + "</td><td>" +
           e(source_label(corpus.documents[key.second])) + "</td>" +
           num_cell(counts.all.conflicts) + num_cell(counts.all.disputes) +
           num_cell(counts.all.agreements) + "<td>" + types + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
  if (order.size() > kMaxSourcePairs)
    out += "<p class=\"muted\">The " + std::to_string(kMaxSourcePairs) +
           " pairs with most "
           "findings of " +
           std::to_string(order.size()) + "; findings.csv has them all.</p>\n";
}

void render_types(const Corpus& corpus, std::string& out) {
  std::map<std::string, Counts> types;
  Counts total;
  for (const Finding& f : corpus.findings) {
    types[f.type].add(f);
    total.add(f);
  }
  out += "<h3>By type</h3>\n";
  if (types.empty()) {
    out += "<p class=\"muted\">No findings.</p>\n";
    return;
  }
  out +=
      "<table>\n<thead><tr><th>Type</th><th class=\"num\">Conflicts</th>"
      "<th class=\"num\">Disputes</th><th class=\"num\">Agreements</th>"
      "<th class=\"num\">Total</th></tr></thead>\n<tbody>\n";
  for (const auto& [type, c] : types)
    out += "<tr><td>" + e(type) + "</td>" + num_cell(c.conflicts) + num_cell(c.disputes) +
           num_cell(c.agreements) + num_cell(c.all()) + "</tr>\n";
  out += "</tbody>\n<tfoot><tr><td>All</td>" + num_cell(total.conflicts) +
         num_cell(total.disputes) + num_cell(total.agreements) + num_cell(total.all()) +
         "</tr></tfoot>\n</table>\n";
}

void render_skipped(const Corpus& corpus, std::string& out) {
  out += "<h3>Skipped documents</h3>\n";
  if (corpus.skipped.empty()) {
    out += "<p class=\"muted\">None.</p>\n";
    return;
  }
  out += "<table>\n<thead><tr><th>Path</th><th>Reason</th></tr></thead>\n<tbody>\n";
  for (const Skipped& skipped : corpus.skipped)
    out += "<tr><td><code>" + e(skipped.path) + "</code></td><td><code>" +
           e(skipped.reason.format()) + "</code></td></tr>\n";
  out += "</tbody>\n</table>\n";
}

// The warnings of analysed documents (a sentence cut by the cap); nothing when none.
void render_warnings(const Corpus& corpus, std::string& out) {
  bool any = false;
  for (const detail::Notice& n : detail::notices(corpus)) {
    if (n.kind != "warning") continue;
    if (!any)
      out +=
          "<h3>Warnings</h3>\n<table>\n<thead><tr><th>Path</th><th>Warning</th></tr>"
          "</thead>\n<tbody>\n";
    any = true;
    out += "<tr><td><code>" + e(n.path) + "</code></td><td><code>" + e(n.reason.format()) +
           "</code></td></tr>\n";
  }
  if (any) out += "</tbody>\n</table>\n";
}

void render_options(std::string_view id, std::string_view label, std::string_view all,
                    const std::vector<std::pair<std::string, std::string>>& options,
                    std::string& out) {
  out += "<label" + std::string(options.empty() ? " hidden" : "") + ">" + std::string(label) +
         " <select id=\"" + std::string(id) + "\"><option value=\"\">" + std::string(all) +
         "</option>";
  for (const auto& [value, text] : options)
    out += "<option value=\"" + e(value) + "\">" + e(text) + "</option>";
  out += "</select></label>\n";
}

// Where a byte offset of UTF-8 `text` falls in UTF-16 code units, as JavaScript counts.
std::size_t utf16_offset(std::string_view text, std::size_t byte) {
  std::size_t units = 0;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;
  }
  return units;
}

// The sentences findings show, each once: the page's data refers to them by number.
class SentenceTable {
 public:
  std::uint32_t number(const Corpus& corpus, const Side& side) {
    const std::uint32_t key = corpus.first_sentence[side.document.index] + side.sentence.index;
    const auto [it, added] = numbers_.try_emplace(key, static_cast<std::uint32_t>(texts_.size()));
    // As the page shows it (controls and bidi overrides made visible), so that the cue
    // marks, found in this same string, fall on the right characters.
    if (added) texts_.push_back(visible_text(one_line(side.sentence.text)));
    return it->second;
  }
  const std::string& text(std::uint32_t number) const { return texts_[number]; }
  const std::vector<std::string>& texts() const { return texts_; }

 private:
  std::map<std::uint32_t, std::uint32_t> numbers_;
  std::vector<std::string> texts_;
};

// One side of a finding for the page's data: document, statement (its anchor), line, who
// asserts it, its sentence's number and the cue marks in it as [begin, end) UTF-16 offsets.
std::string side_json(const Corpus& corpus, const Side& side, std::uint32_t index,
                      const Finding& finding, SentenceTable& sentences) {
  const std::uint32_t number = sentences.number(corpus, side);
  const std::string& text = sentences.text(number);
  std::string marks;
  for (const Span& mark : cue_matches(text, finding.cues))
    marks += (marks.empty() ? "[" : ",[") + std::to_string(utf16_offset(text, mark.begin)) + "," +
             std::to_string(utf16_offset(text, mark.end)) + "]";
  const std::string who = side.statement.modality == Modality::kReported
                              ? "asserted by " + asserted_by(side.statement)
                          : side.statement.modality == Modality::kHedged ? "hedged"
                                                                         : "";
  return "{\"d\":" + std::to_string(side.document.index) + ",\"s\":" + std::to_string(index) +
         ",\"l\":" + std::to_string(side.sentence.line) + ",\"who\":" + page_json(who) +
         ",\"n\":" + std::to_string(number) + ",\"m\":[" + marks + "]}";
}

// Writes `out` to `stream` once it holds a megabyte (or `all` of it), so that a big
// section is never held whole.
void spill(std::string& out, std::ostream& stream, bool all = false) {
  if (!all && out.size() < (std::size_t{1} << 20)) return;
  stream << out;
  out.clear();
}

// The page controls of a list the script pages through.
std::string pager(std::string_view id) {
  return "<div class=\"pager\" id=\"" + std::string(id) +
         "\" hidden><button type=\"button\" data-step=\"-1\">&larr; previous</button> <span "
         "class=\"muted\"></span> <button type=\"button\" data-step=\"1\">next &rarr;</button>"
         "</div>\n";
}

}  // namespace

void render_summary(const Corpus& corpus, std::ostream& stream) {
  std::string out;
  out += "<section id=\"summary\">\n<h2>Summary</h2>\n";
  render_sources(corpus, out);
  render_source_pairs(corpus, out);
  render_types(corpus, out);
  render_skipped(corpus, out);
  render_warnings(corpus, out);
  out += "</section>\n";
  spill(out, stream, true);
}

void render_claims(const Corpus& corpus, std::ostream& stream) {
  std::string out;
  out += "<section id=\"claims\">\n<h2>Claim matrix</h2>\n";
  if (corpus.claims.empty()) {
    out += "<p class=\"muted\">No claim is told by more than one source.</p>\n</section>\n";
    spill(out, stream, true);
    return;
  }
  out +=
      "<p class=\"muted\">A row per event that several sources tell: statements the event "
      "model or a rule's finding joins as one event. Each cell says how the source tells it, "
      "statement by statement: <span class=\"cell asserts\">asserts</span> <span class=\"cell "
      "denies\">denies</span> <span class=\"cell reports\">reports</span> (attributed to "
      "someone else) or <span class=\"cell silent\">silent</span>; each word links to the "
      "statement in its article.</p>\n";
  // Findings between statements of one claim, by statement.
  std::map<std::uint32_t, std::vector<std::size_t>> findings_of;
  for (std::size_t i = 0; i < corpus.findings.size(); ++i) {
    findings_of[corpus.findings[i].a].push_back(i);
    findings_of[corpus.findings[i].b].push_back(i);
  }
  // A column per source while they fit on a screen; past that each row lists its own sources
  // and counts the silent ones, so a corpus of a thousand sources stays readable.
  const bool columns = corpus.documents.size() <= kMatrixColumns;
  out += pager("claims-pager");
  out += "<div class=\"matrix-wrap\"><table class=\"matrix\">\n<thead><tr><th>Claim</th>";
  if (columns)
    for (const Document& d : corpus.documents)
      out += "<th title=\"" + e(d.source.title) + "\">" + e(d.source.id) + "</th>";
  else
    out += "<th>Sources</th>";
  out += "<th>Findings</th></tr></thead>\n<tbody>\n";
  for (std::size_t c = 0; c < corpus.claims.size(); ++c) {
    const Claim& claim = corpus.claims[c];
    const Statement& first = corpus.statements.at(claim.statements.front());
    const Document& first_doc = corpus.documents.at(first.doc);
    const std::string label = shortened(
        one_line(first_doc.text.substr(first.span.begin, first.span.size())), 160, "\u2026");
    out += "<tr class=\"claim\" id=\"C" + std::to_string(c + 1) + "\"><th dir=\"auto\">" +
           e(label) + "</th>";
    if (!columns) out += "<td>";
    std::set<std::size_t> findings;
    std::size_t told = 0;  // the sources that tell it
    for (const Document& d : corpus.documents) {
      std::vector<std::uint32_t> own;  // the row's statements of this source
      for (const auto s : claim.statements)
        if (corpus.statements[s].doc == d.index) own.push_back(s);
      if (own.empty()) {
        if (columns) out += "<td class=\"cell silent\">silent</td>";
        continue;
      }
      ++told;
      // the cell takes its first statement's stance; each statement links with its own word
      if (columns)
        out += "<td class=\"cell " + std::string(stance(corpus.statements[own[0]])) + "\">";
      for (std::size_t k = 0; k < own.size(); ++k) {
        const Statement& s = corpus.statements[own[k]];
        const std::string word(stance(s));
        // The statement shows on hover while the matrix is small; a large one stays lean.
        const std::string title =
            columns ? " title=\"" + e(one_line(d.text.substr(s.span.begin, s.span.size()))) + "\""
                    : "";
        const std::string link = "<a href=\"#" + statement_anchor(own[k]) + "\"" + title + ">" +
                                 (columns ? "" : e(d.source.id) + " ") + word +
                                 (s.modality == Modality::kHedged ? " (hedged)" : "") + "</a>";
        out += columns ? (k > 0 ? " " : "") + link
                       : "<span class=\"cell " + word + "\">" + link + "</span> ";
        for (const std::size_t f : findings_of[own[k]]) {
          const Finding& finding = corpus.findings[f];
          const auto other = finding.a == own[k] ? finding.b : finding.a;
          if (std::binary_search(claim.statements.begin(), claim.statements.end(), other))
            findings.insert(f);
        }
      }
      if (columns) out += "</td>";
    }
    if (!columns)
      out += "<span class=\"cell silent\">" + std::to_string(corpus.documents.size() - told) +
             " silent</span></td>";
    spill(out, stream);
    out += "<td>";
    for (const std::size_t f : findings)
      out += "<a href=\"#" + finding_id(f) + "\" class=\"" +
             std::string(to_string(corpus.findings[f].kind)) + "\">" + finding_id(f) + "</a> ";
    out += "</td></tr>\n";
  }
  out += "</tbody>\n</table></div>\n</section>\n";
  spill(out, stream, true);
}

void render_findings(const Corpus& corpus, std::ostream& stream) {
  std::string out;
  out += "<section id=\"findings\">\n<h2>Findings</h2>\n";
  if (corpus.findings.empty()) {
    out += "<p class=\"muted\">No findings.</p>\n</section>\n";
    spill(out, stream, true);
    return;
  }
  const std::vector<std::string> types = finding_types(corpus);
  std::set<std::string> entity_set;
  for (const Finding& finding : corpus.findings)
    for (const std::uint32_t index : {finding.a, finding.b})
      for (const std::string& entity : side_of(corpus, index).statement.entities)
        entity_set.insert(entity);
  const std::vector<std::string> entities(entity_set.begin(), entity_set.end());

  // The filter bar stays hidden until the script shows it: without script it would not work.
  out += "<div class=\"filters\" id=\"filters\" hidden>\n";
  render_options("f-kind", "Kind", "all kinds",
                 {{"conflict", "conflict"}, {"dispute", "dispute"}, {"agreement", "agreement"}},
                 out);
  std::vector<std::pair<std::string, std::string>> options;
  for (std::size_t i = 0; i < types.size(); ++i) options.emplace_back(std::to_string(i), types[i]);
  render_options("f-type", "Type", "all types", options, out);
  options.clear();
  for (const Document& document : corpus.documents)
    options.emplace_back(std::to_string(document.index), source_label(document));
  render_options("f-source", "Source", "all sources", options, out);
  options.clear();
  for (std::size_t i = 0; i < entities.size(); ++i)
    options.emplace_back(std::to_string(i), entities[i]);
  render_options("f-entity", "Entity", "all entities", options, out);
  render_options("f-sort", "Sort", "report order",
                 {{"confidence", "confidence, highest first"}, {"source", "source"}}, out);
  out +=
      "<label>Search <input type=\"search\" id=\"f-query\" autocomplete=\"off\"></label>\n"
      "<span class=\"muted\" id=\"f-shown\"></span>\n</div>\n";
  out += pager("findings-pager");
  out +=
      "<ol class=\"findings\" id=\"finding-list\"></ol>\n<noscript><p>The findings are shown "
      "by the page's script; findings.csv and findings.jsonl hold them too.</p></noscript>\n";

  // The findings as data, shown a page at a time: a page of 10,000 findings laid out at once
  // would take seconds to open. Every string is visible_text() and \u-escaped (page_json).
  out += "<script type=\"application/json\" id=\"report-data\">{\"types\":[";
  for (std::size_t i = 0; i < types.size(); ++i) out += (i ? "," : "") + page_json(types[i]);
  out += "],\"sources\":[";
  for (const Document& d : corpus.documents)
    out += (d.index ? "," : "") + std::string("{\"id\":") + page_json(d.source.id) +
           ",\"outlet\":" + page_json(d.source.outlet) + ",\"path\":" + page_json(d.path) + "}";
  out += "],\"findings\":[\n";
  SentenceTable sentences;
  bool first = true;
  for (std::size_t i = 0; i < corpus.findings.size(); ++i) {
    const Finding& finding = corpus.findings[i];
    const Side a = side_of(corpus, finding.a);
    const Side b = side_of(corpus, finding.b);
    std::set<std::string> names(a.statement.entities.begin(), a.statement.entities.end());
    names.insert(b.statement.entities.begin(), b.statement.entities.end());
    std::string entity_indexes;
    for (const std::string& name : names)
      entity_indexes += (entity_indexes.empty() ? "" : ",") + index_in(entities, name);
    std::string cues;
    for (const std::string& cue : finding.cues) cues += (cues.empty() ? "" : ",") + page_json(cue);
    // In two statements: sentences are numbered in order of first use.
    const std::string side_a = side_json(corpus, a, finding.a, finding, sentences);
    const std::string side_b = side_json(corpus, b, finding.b, finding, sentences);
    out += std::string(first ? "" : ",\n") + "{\"id\":\"" + finding_id(i) + "\",\"k\":\"" +
           std::string(to_string(finding.kind)) + "\",\"t\":" + index_in(types, finding.type) +
           ",\"r\":" + page_json(finding.rule) + ",\"c\":\"" +
           format_confidence(finding.confidence) + "\",\"w\":" + page_json(finding.explanation) +
           ",\"q\":[" + cues + "],\"e\":[" + entity_indexes + "],\"a\":" + side_a +
           ",\"b\":" + side_b + "}";
    first = false;
    spill(out, stream);
  }
  out += "\n],\"sentences\":[\n";
  for (std::size_t i = 0; i < sentences.texts().size(); ++i) {
    out += (i ? ",\n" : "") + page_json(sentences.texts()[i]);
    spill(out, stream);
  }
  out += "\n]}</script>\n</section>\n";
  spill(out, stream, true);
}

void render_articles(const Corpus& corpus, std::ostream& stream) {
  std::string out;
  out += "<section id=\"articles\">\n<h2>Articles</h2>\n";
  std::vector<std::vector<std::size_t>> findings_of(corpus.statements.size());
  for (std::size_t i = 0; i < corpus.findings.size(); ++i) {
    findings_of.at(corpus.findings[i].a).push_back(i);
    findings_of.at(corpus.findings[i].b).push_back(i);
  }
  std::size_t next = 0;  // statements come in document order
  for (const Document& d : corpus.documents) {
    out +=
        "<article id=\"d" + std::to_string(d.index) + "\">\n<h3>" + e(d.source.id) +
        (d.source.title.empty() ? ""
                                : " &middot; <span dir=\"auto\">" + e(d.source.title) + "</span>") +
        "</h3>\n<p class=\"muted\">" + e(d.source.outlet) +
        (d.source.date.empty() ? "" : " &middot; " + e(d.source.date)) + " &middot; <code>" +
        e(d.path) + "</code></p>\n<div class=\"text\" dir=\"auto\">";
    std::uint32_t at = 0;
    for (; next < corpus.statements.size() && corpus.statements[next].doc == d.index; ++next) {
      const Statement& s = corpus.statements[next];
      if (s.span.begin < at || s.span.end > d.text.size()) continue;  // overlaps: shown once
      out += e(std::string_view(d.text).substr(at, s.span.begin - at));
      const auto& found = findings_of[next];
      out += "<span class=\"st" + std::string(found.empty() ? "" : " has-findings") + "\" id=\"" +
             statement_anchor(static_cast<std::uint32_t>(next)) + "\">" +
             e(std::string_view(d.text).substr(s.span.begin, s.span.size())) + "</span>";
      for (const std::size_t f : found)
        out += "<a class=\"fl " + std::string(to_string(corpus.findings[f].kind)) + "\" href=\"#" +
               finding_id(f) + "\">" + finding_id(f) + "</a>";
      at = s.span.end;
    }
    out += e(std::string_view(d.text).substr(at)) + "</div>\n</article>\n";
    spill(out, stream);
  }
  if (corpus.documents.empty()) out += "<p class=\"muted\">No documents.</p>\n";
  out += "</section>\n";
  spill(out, stream, true);
}

}  // namespace crosscheck::detail
