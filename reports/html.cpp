// report.html: one self-contained page.
//
// Safety rests on two layers. First, every piece of corpus text goes through html_escape(),
// and the filter script reads only data attributes and textContent, never innerHTML.
// Second, a Content-Security-Policy that loads nothing (default-src 'none') and runs only the
// page's own style and script, named by their SHA-256, so even an escaping bug could neither
// run injected script nor reach the network. The page is a pure function of the corpus:
// no dates, no random nonces, so two runs give the same bytes.
#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <ostream>
#include <set>

#include "reports/detail/format.hpp"
#include "reports/reports.hpp"

namespace crosscheck {

namespace detail {

namespace {

bool is_word_byte(unsigned char c) {
  // Bytes of non-ASCII characters count as word bytes: most are letters.
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

std::vector<Span> cue_matches(std::string_view text, const std::vector<std::string>& cues) {
  const std::string haystack = ascii_lower(text);
  std::vector<Span> found;
  for (const std::string& cue : cues) {
    const std::string needle = ascii_lower(one_line(cue));
    if (needle.empty()) continue;
    const bool word_start = is_word_byte(static_cast<unsigned char>(needle.front()));
    const bool word_end = is_word_byte(static_cast<unsigned char>(needle.back()));
    for (std::size_t at = haystack.find(needle); at != std::string::npos;
         at = haystack.find(needle, at + 1)) {
      const std::size_t end = at + needle.size();
      if (word_start && at > 0 && is_word_byte(static_cast<unsigned char>(haystack[at - 1])))
        continue;
      if (word_end && end < haystack.size() &&
          is_word_byte(static_cast<unsigned char>(haystack[end])))
        continue;
      found.push_back({static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(end)});
    }
  }
  std::sort(found.begin(), found.end(),
            [](const Span& x, const Span& y) { return x.begin < y.begin; });
  std::vector<Span> merged;
  for (const Span& span : found) {
    if (!merged.empty() && span.begin <= merged.back().end)
      merged.back().end = std::max(merged.back().end, span.end);
    else
      merged.push_back(span);
  }
  return merged;
}

}  // namespace detail

// Besides the five characters that HTML gives meaning to, html_escape() replaces characters
// that could disturb the page rather than show in it, with visible text "[U+XXXX]":
// the bidi embedding, override and isolate controls U+202A-U+202E and U+2066-U+2069 (a stray
// U+202E in an article would otherwise reverse the rest of its table cell, the "Trojan
// Source" trick), and the C0 controls other than tab, LF and CR, and DEL. The bidi marks
// U+200E, U+200F and U+061C stay: they are ordinary in right-to-left text and only affect
// the characters next to them.
std::string html_escape(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const auto marker = [](std::string& out, std::uint32_t code_point) {
    out += "[U+";
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code_point >> shift) & 0xF];
    out += ']';
  };
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '&':
        out += "&amp;";
        continue;
      case '<':
        out += "&lt;";
        continue;
      case '>':
        out += "&gt;";
        continue;
      case '"':
        out += "&quot;";
        continue;
      case '\'':
        out += "&#39;";
        continue;
      default:
        break;
    }
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      marker(out, c);
      continue;
    }
    if (c == 0xE2 && i + 2 < text.size()) {  // U+2000-U+2FFF: three bytes, E2 xx xx
      const auto c1 = static_cast<unsigned char>(text[i + 1]);
      const auto c2 = static_cast<unsigned char>(text[i + 2]);
      if ((c1 & 0xC0) == 0x80 && (c2 & 0xC0) == 0x80) {
        const std::uint32_t code_point = 0x2000u | ((c1 & 0x3Fu) << 6) | (c2 & 0x3Fu);
        if ((code_point >= 0x202A && code_point <= 0x202E) ||
            (code_point >= 0x2066 && code_point <= 0x2069)) {
          marker(out, code_point);
          i += 2;
          continue;
        }
      }
    }
    out += static_cast<char>(c);
  }
  return out;
}

namespace {

constexpr std::string_view kStyle = R"(
:root{--fg:#1d232a;--muted:#5b6670;--line:#d5dbe1;--head:#f3f5f7;--conflict:#fdeeee;--conflict-edge:#c93c3c;--agreement:#eaf6ee;--agreement-edge:#2b8a4e;--mark:#ffe27a}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0 auto;max-width:1200px;padding:1.5rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:#fff}
h1{font-size:1.5rem;margin:0 0 .25rem}
h2{font-size:1.15rem;margin:2rem 0 .6rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
.muted{color:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid var(--line)}
th{background:var(--head)}
.num{text-align:right;font-variant-numeric:tabular-nums}
tfoot td{font-weight:600}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em;overflow-wrap:anywhere}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:0 0 1rem}
.filters label{font-size:.85rem;color:var(--muted)}
.filters input{min-width:14rem}
.findings{list-style:none;margin:0;padding:0}
.finding{margin:0 0 .8rem;padding:.6rem .8rem;border:1px solid var(--line);border-left:5px solid;border-radius:6px}
.finding.conflict{background:var(--conflict);border-left-color:var(--conflict-edge)}
.finding.agreement{background:var(--agreement);border-left-color:var(--agreement-edge)}
.finding-head{display:flex;flex-wrap:wrap;gap:.3rem .9rem;align-items:baseline;font-size:.9rem}
.fid{font-weight:600}
.kind{font-size:.75rem;font-weight:700;letter-spacing:.05em;text-transform:uppercase}
.conflict .kind{color:var(--conflict-edge)}
.agreement .kind{color:var(--agreement-edge)}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:.8rem;margin:.5rem 0}
@media (max-width:720px){.pair{grid-template-columns:1fr}}
.statement{padding:.5rem .65rem;background:#fff;border:1px solid var(--line);border-radius:4px}
.where{margin-bottom:.25rem;font-size:.8rem;color:var(--muted)}
.where .src{font-weight:700;color:var(--fg)}
.where .who{font-style:italic}
.statement p{margin:0}
mark{padding:0 .1em;border-radius:2px;background:var(--mark)}
.why{margin:.3rem 0 0;font-size:.9rem}
.cues{margin:.2rem 0 0;font-size:.8rem;color:var(--muted)}
)";

// Reads only `value`, data attributes and textContent, and writes only `hidden` and
// textContent: corpus text is never parsed as HTML.
constexpr std::string_view kScript = R"(
(function () {
  var bar = document.getElementById('filters');
  if (!bar) return;
  var kind = document.getElementById('f-kind'), type = document.getElementById('f-type');
  var source = document.getElementById('f-source'), entity = document.getElementById('f-entity');
  var query = document.getElementById('f-query'), shown = document.getElementById('f-shown');
  var rows = document.querySelectorAll('li.finding');
  function has(list, value) { return (list || '').split(' ').indexOf(value) >= 0; }
  function apply() {
    var q = query.value.trim().toLowerCase(), n = 0;
    rows.forEach(function (row) {
      var ok = (!kind.value || row.dataset.kind === kind.value) &&
          (!type.value || row.dataset.type === type.value) &&
          (!source.value || has(row.dataset.sources, source.value)) &&
          (!entity.value || has(row.dataset.entities, entity.value)) &&
          (!q || row.textContent.toLowerCase().indexOf(q) >= 0);
      row.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = n + ' of ' + rows.length + ' shown';
  }
  [kind, type, source, entity].forEach(function (el) { el.addEventListener('change', apply); });
  query.addEventListener('input', apply);
  bar.hidden = false;
  apply();
})();
)";

std::string e(std::string_view text) { return html_escape(text); }

// "1 conflict", "2 conflicts".
std::string counted(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

// `text` escaped, with the stretches `marks` names wrapped in <mark>. Each piece is escaped
// on its own, so a mark can never cut an entity in two.
std::string highlighted(std::string_view text, const std::vector<Span>& marks) {
  std::string out;
  std::size_t at = 0;
  for (const Span& mark : marks) {
    out += e(text.substr(at, mark.begin - at));
    out += "<mark>" + e(text.substr(mark.begin, mark.size())) + "</mark>";
    at = mark.end;
  }
  out += e(text.substr(at));
  return out;
}

// Index of `value` in a sorted, unique list: the filter script compares these small numbers,
// never corpus text.
std::string index_in(const std::vector<std::string>& sorted, const std::string& value) {
  return std::to_string(std::lower_bound(sorted.begin(), sorted.end(), value) - sorted.begin());
}

struct TypeCounts {
  std::size_t conflicts = 0;
  std::size_t agreements = 0;
};

void render_sources(const Corpus& corpus, std::string& out) {
  std::vector<std::size_t> statements(corpus.documents.size());
  for (const Statement& statement : corpus.statements)
    if (statement.doc < statements.size()) ++statements[statement.doc];
  std::vector<TypeCounts> findings(corpus.documents.size());
  for (const Finding& finding : corpus.findings) {
    std::set<std::uint32_t> docs;
    for (const std::uint32_t index : {finding.a, finding.b})
      docs.insert(detail::side_of(corpus, index).document.index);
    for (const std::uint32_t doc : docs) {
      if (doc >= findings.size()) continue;
      auto& counts = findings[doc];
      ++(finding.kind == Finding::Kind::kConflict ? counts.conflicts : counts.agreements);
    }
  }

  out += "<section id=\"sources\">\n<h2>Sources</h2>\n";
  if (corpus.documents.empty()) {
    out += "<p class=\"muted\">No documents.</p>\n</section>\n";
    return;
  }
  out +=
      "<table>\n<thead><tr><th>Source</th><th>Title</th><th>Outlet</th><th>Date</th>"
      "<th>Path</th><th class=\"num\">Statements</th><th class=\"num\">Conflicts</th>"
      "<th class=\"num\">Agreements</th></tr></thead>\n<tbody>\n";
  for (std::size_t d = 0; d < corpus.documents.size(); ++d) {
    const Document& document = corpus.documents[d];
    out += "<tr><td>" + e(document.source.id) + "</td><td dir=\"auto\">" +
           e(document.source.title) + "</td><td>" + e(document.source.outlet) + "</td><td>" +
           e(document.source.date) + "</td><td><code>" + e(document.path) +
           "</code></td><td class=\"num\">" + std::to_string(statements[d]) +
           "</td><td class=\"num\">" + std::to_string(findings[d].conflicts) +
           "</td><td class=\"num\">" + std::to_string(findings[d].agreements) + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n</section>\n";
}

void render_types(const std::map<std::string, TypeCounts>& types, std::string& out) {
  out += "<section id=\"types\">\n<h2>Findings by type</h2>\n";
  if (types.empty()) {
    out += "<p class=\"muted\">No findings.</p>\n</section>\n";
    return;
  }
  out +=
      "<table>\n<thead><tr><th>Type</th><th class=\"num\">Conflicts</th>"
      "<th class=\"num\">Agreements</th><th class=\"num\">Total</th></tr></thead>\n<tbody>\n";
  TypeCounts total;
  for (const auto& [type, counts] : types) {
    out += "<tr><td>" + e(type) + "</td><td class=\"num\">" + std::to_string(counts.conflicts) +
           "</td><td class=\"num\">" + std::to_string(counts.agreements) +
           "</td><td class=\"num\">" + std::to_string(counts.conflicts + counts.agreements) +
           "</td></tr>\n";
    total.conflicts += counts.conflicts;
    total.agreements += counts.agreements;
  }
  out += "</tbody>\n<tfoot><tr><td>All</td><td class=\"num\">" + std::to_string(total.conflicts) +
         "</td><td class=\"num\">" + std::to_string(total.agreements) + "</td><td class=\"num\">" +
         std::to_string(total.conflicts + total.agreements) + "</td></tr></tfoot>\n</table>\n" +
         "</section>\n";
}

void render_skipped(const Corpus& corpus, std::string& out) {
  out += "<section id=\"skipped\">\n<h2>Skipped documents</h2>\n";
  if (corpus.skipped.empty()) {
    out += "<p class=\"muted\">None.</p>\n</section>\n";
    return;
  }
  out += "<table>\n<thead><tr><th>Path</th><th>Reason</th></tr></thead>\n<tbody>\n";
  for (const Skipped& skipped : corpus.skipped)
    out += "<tr><td><code>" + e(skipped.path) + "</code></td><td><code>" +
           e(skipped.reason.format()) + "</code></td></tr>\n";
  out += "</tbody>\n</table>\n</section>\n";
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

void render_statement(const detail::Side& side, const Finding& finding, std::string& out) {
  const std::string text = detail::one_line(side.sentence.text);
  out += "<div class=\"statement\"><div class=\"where\"><span class=\"src\">" +
         e(side.document.source.id) + "</span>";
  if (!side.document.source.outlet.empty()) out += " " + e(side.document.source.outlet);
  out += " &middot; <code>" + e(side.document.path) + ":" + std::to_string(side.sentence.line) +
         "</code>";
  if (side.statement.modality == Modality::kReported)
    out += " &middot; <span class=\"who\">asserted by " + e(detail::asserted_by(side.statement)) +
           "</span>";
  else if (side.statement.modality == Modality::kHedged)
    out += " &middot; <span class=\"who\">hedged</span>";
  out += "</div><p dir=\"auto\">" + highlighted(text, detail::cue_matches(text, finding.cues)) +
         "</p></div>\n";
}

void render_findings(const Corpus& corpus, const std::vector<std::string>& types,
                     std::string& out) {
  out += "<section id=\"findings\">\n<h2>Findings</h2>\n";
  if (corpus.findings.empty()) {
    out += "<p class=\"muted\">No findings.</p>\n</section>\n";
    return;
  }

  std::set<std::string> entity_set;
  for (const Finding& finding : corpus.findings)
    for (const std::uint32_t index : {finding.a, finding.b})
      for (const std::string& entity : detail::side_of(corpus, index).statement.entities)
        entity_set.insert(entity);
  const std::vector<std::string> entities(entity_set.begin(), entity_set.end());

  // The filter bar stays hidden until the script shows it: without script it would not work.
  out += "<div class=\"filters\" id=\"filters\" hidden>\n";
  render_options("f-kind", "Kind", "all kinds",
                 {{"conflict", "conflict"}, {"agreement", "agreement"}}, out);
  std::vector<std::pair<std::string, std::string>> options;
  for (std::size_t i = 0; i < types.size(); ++i) options.emplace_back(std::to_string(i), types[i]);
  render_options("f-type", "Type", "all types", options, out);
  options.clear();
  for (const Document& document : corpus.documents) {
    std::string label = document.source.id;
    if (!document.source.outlet.empty()) label += " " + document.source.outlet;
    options.emplace_back(std::to_string(document.index), label);
  }
  render_options("f-source", "Source", "all sources", options, out);
  options.clear();
  for (std::size_t i = 0; i < entities.size(); ++i)
    options.emplace_back(std::to_string(i), entities[i]);
  render_options("f-entity", "Entity", "all entities", options, out);
  out +=
      "<label>Search <input type=\"search\" id=\"f-query\" autocomplete=\"off\"></label>\n"
      "<span class=\"muted\" id=\"f-shown\"></span>\n</div>\n<ol class=\"findings\">\n";

  for (std::size_t i = 0; i < corpus.findings.size(); ++i) {
    const Finding& finding = corpus.findings[i];
    const detail::Side a = detail::side_of(corpus, finding.a);
    const detail::Side b = detail::side_of(corpus, finding.b);
    const std::string id = detail::finding_id(i);
    const std::string kind(to_string(finding.kind));
    std::set<std::string> finding_entities(a.statement.entities.begin(),
                                           a.statement.entities.end());
    finding_entities.insert(b.statement.entities.begin(), b.statement.entities.end());
    std::string entity_indexes;
    for (const std::string& entity : finding_entities)
      entity_indexes += (entity_indexes.empty() ? "" : " ") + index_in(entities, entity);

    out += "<li class=\"finding " + kind + "\" id=\"" + id + "\" data-kind=\"" + kind +
           "\" data-type=\"" + index_in(types, finding.type) + "\" data-sources=\"" +
           std::to_string(a.document.index) + " " + std::to_string(b.document.index) +
           "\" data-entities=\"" + entity_indexes + "\">\n";
    out += "<div class=\"finding-head\"><span class=\"fid\">" + id +
           "</span><span class=\"kind\">" + kind + "</span><span>" + e(finding.type) +
           "</span><code>" + e(finding.rule) + "</code><span>confidence " +
           detail::format_confidence(finding.confidence) + "</span></div>\n";
    out += "<div class=\"pair\">\n";
    render_statement(a, finding, out);
    render_statement(b, finding, out);
    out += "</div>\n";
    if (!finding.explanation.empty())
      out += "<p class=\"why\" dir=\"auto\">" + e(finding.explanation) + "</p>\n";
    if (!finding.cues.empty()) {
      out += "<p class=\"cues\">Cues: ";
      for (std::size_t c = 0; c < finding.cues.size(); ++c)
        out += (c > 0 ? "; " : "") + e(finding.cues[c]);
      out += "</p>\n";
    }
    out += "</li>\n";
  }
  out += "</ol>\n</section>\n";
}

std::string html_page(const Corpus& corpus) {
  std::map<std::string, TypeCounts> type_counts;
  TypeCounts total;
  for (const Finding& finding : corpus.findings) {
    auto& counts = type_counts[finding.type];
    const bool conflict = finding.kind == Finding::Kind::kConflict;
    ++(conflict ? counts.conflicts : counts.agreements);
    ++(conflict ? total.conflicts : total.agreements);
  }
  std::vector<std::string> types;
  for (const auto& entry : type_counts) types.push_back(entry.first);

  std::string out;
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'sha256-" +
      detail::sha256_base64(kStyle) + "'; script-src 'sha256-" + detail::sha256_base64(kScript) +
      "'; base-uri 'none'; form-action 'none'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"crosscheck\">\n<title>" +
      e(corpus.name) + " &ndash; crosscheck report</title>\n<style>" + std::string(kStyle) +
      "</style>\n</head>\n<body>\n";
  out += "<header>\n<h1>crosscheck report: <bdi>" + e(corpus.name) +
         "</bdi></h1>\n<p class=\"muted\">" + counted(corpus.documents.size(), "document") + ", " +
         counted(corpus.statements.size(), "statement") + ", " +
         counted(total.conflicts, "conflict") + ", " + counted(total.agreements, "agreement") +
         ", " + std::to_string(corpus.skipped.size()) + " skipped</p>\n</header>\n";
  render_sources(corpus, out);
  render_types(type_counts, out);
  render_skipped(corpus, out);
  render_findings(corpus, types, out);
  out += "<script>" + std::string(kScript) + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace

void write_html(const Corpus& corpus, std::ostream& out) { out << html_page(corpus); }

}  // namespace crosscheck
