// report.html: one self-contained page.
//
// Safety rests on two layers. First, every piece of corpus text goes through html_escape(),
// and the filter script reads only data attributes and textContent, never innerHTML.
// Second, a Content-Security-Policy that loads nothing (default-src 'none') and runs only the
// page's own style and script, named by their SHA-256, so even an escaping bug could neither
// run injected script nor reach the network. The page is a pure function of the corpus:
// no dates, no random nonces, so two runs give the same bytes.
#include "reports/detail/html.hpp"

#include <algorithm>
#include <cstdint>
#include <ostream>

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

// visible_text() replaces characters that could disturb the page rather than show in it
// with visible text "[U+XXXX]":
// the bidi embedding, override and isolate controls U+202A-U+202E and U+2066-U+2069 (a stray
// U+202E in an article would otherwise reverse the rest of its table cell, the "Trojan
// Source" trick), and the C0 controls other than tab, LF and CR, and DEL. The bidi marks
// U+200E, U+200F and U+061C stay: they are ordinary in right-to-left text and only affect
// the characters next to them. html_escape() also escapes the five characters HTML gives
// meaning to; page_json() makes a JSON string for a data block of the page.
std::string visible_text(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const auto marker = [](std::string& out, std::uint32_t code_point) {
    out += "[U+";
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code_point >> shift) & 0xF];
    out += ']';
  };
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
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

std::string html_escape(std::string_view text) {
  const std::string visible = visible_text(text);
  std::string out;
  out.reserve(visible.size() + visible.size() / 8);
  for (const char c : visible) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string page_json(std::string_view text) {
  // Inside a <script> data block only "</script" or "<!--" could end or bend it: with every
  // < > & written as \u escapes neither can occur, and JSON.parse reads the same string.
  std::string out;
  for (const char c : json_quote(visible_text(text))) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  return out;
}

namespace {

constexpr std::string_view kStyle = R"(
:root{--fg:#1d232a;--muted:#5b6670;--line:#d5dbe1;--head:#f3f5f7;--conflict:#fdeeee;--conflict-edge:#c93c3c;--agreement:#eaf6ee;--agreement-edge:#2b8a4e;--dispute:#fdf5e6;--dispute-edge:#a86a00;--mark:#ffe27a;--link:#1f5fa8}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0 auto;max-width:1200px;padding:1.5rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:#fff}
a{color:var(--link)}
h1{font-size:1.5rem;margin:0 0 .25rem}
h2{font-size:1.15rem;margin:2rem 0 .6rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:1.2rem 0 .4rem}
nav{display:flex;gap:1rem;margin:.5rem 0 0;font-size:.9rem}
.muted{color:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid var(--line)}
thead th{background:var(--head)}
.num{text-align:right;font-variant-numeric:tabular-nums}
tfoot td{font-weight:600}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em;overflow-wrap:anywhere}
.matrix-wrap{overflow-x:auto}
.matrix tbody th{font-weight:400;min-width:18rem;max-width:32rem}
.cell{font-size:.8rem;white-space:nowrap}
span.cell{display:inline-block;margin:0 .3rem .2rem 0;padding:0 .3rem;border-radius:3px}
.cell.asserts{background:var(--agreement)}
.cell.denies{background:var(--conflict)}
.cell.reports{background:#eef1fb}
.cell.silent{color:var(--muted)}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:0 0 1rem}
.filters label{font-size:.85rem;color:var(--muted)}
.filters input{min-width:14rem}
.pager{margin:.5rem 0;font-size:.85rem}
.findings{list-style:none;margin:0;padding:0}
.finding{margin:0 0 .8rem;padding:.6rem .8rem;border:1px solid var(--line);border-left:5px solid;border-radius:6px}
.finding.conflict{background:var(--conflict);border-left-color:var(--conflict-edge)}
.finding.agreement{background:var(--agreement);border-left-color:var(--agreement-edge)}
.finding.dispute{background:var(--dispute);border-left-color:var(--dispute-edge)}
.target,.st:target,tr:target{outline:3px solid var(--link);outline-offset:2px}
.finding-head{display:flex;flex-wrap:wrap;gap:.3rem .9rem;align-items:baseline;font-size:.9rem}
.fid{font-weight:600}
.kind{font-size:.75rem;font-weight:700;letter-spacing:.05em;text-transform:uppercase}
.conflict .kind{color:var(--conflict-edge)}
.agreement .kind{color:var(--agreement-edge)}
.dispute .kind{color:var(--dispute-edge)}
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
article{margin:0 0 1.5rem;content-visibility:auto;contain-intrinsic-size:auto 30rem}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.95rem;padding:.6rem .8rem;border:1px solid var(--line);border-radius:6px}
.st.has-findings{background:#fff7d6}
a.fl{font-size:.7rem;vertical-align:super;margin:0 .15rem;text-decoration:none}
a.conflict{color:var(--conflict-edge)}
a.agreement{color:var(--agreement-edge)}
a.dispute{color:var(--dispute-edge)}
)";

// Builds the findings from the page's JSON data block with createElement and textContent
// only, and otherwise writes only `hidden`, `disabled` and textContent: corpus text is never
// parsed as HTML. Findings (100) and claims (50) are shown a page at a time; following a
// link to a finding or claim on another page, or filtered out, opens its page first.
constexpr std::string_view kScript = R"(
(function () {
  'use strict';
  function pager(id, size, show) {
    var bar = document.getElementById(id), label = bar.querySelector('span');
    var self = { page: 0, count: 0 };
    self.show = function () {
      var pages = Math.max(1, Math.ceil(self.count / size));
      self.page = Math.min(Math.max(self.page, 0), pages - 1);
      show(self.page * size, self.page * size + size);
      label.textContent = 'page ' + (self.page + 1) + ' of ' + pages;
      bar.hidden = pages < 2;
      bar.querySelectorAll('button').forEach(function (b) {
        b.disabled = Number(b.dataset.step) < 0 ? self.page === 0 : self.page >= pages - 1;
      });
    };
    self.reveal = function (i) {
      self.page = Math.floor(i / size);
      self.show();
    };
    bar.addEventListener('click', function (ev) {
      var step = ev.target.dataset && ev.target.dataset.step;
      if (!step) return;
      self.page += Number(step);
      self.show();
      bar.scrollIntoView();
    });
    return self;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  var claimRows = Array.prototype.slice.call(document.querySelectorAll('tr.claim'));
  var claims = null;
  if (claimRows.length) {
    claims = pager('claims-pager', 50, function (from, to) {
      claimRows.forEach(function (row, i) { row.hidden = i < from || i >= to; });
    });
    claims.count = claimRows.length;
    claims.show();
  }

  var data = document.getElementById('report-data');
  var list = document.getElementById('finding-list'), findings = null, visible = [];
  var all = data ? JSON.parse(data.textContent) : null;
  function side(s) {
    var src = all.sources[s.d], box = el('div', 'statement'), where = el('div', 'where');
    where.appendChild(el('span', 'src', src.id));
    if (src.outlet) where.appendChild(document.createTextNode(' ' + src.outlet));
    where.appendChild(document.createTextNode(' \u00b7 '));
    var link = el('a');
    link.href = '#s' + s.s;
    link.appendChild(el('code', null, src.path + ':' + s.l));
    where.appendChild(link);
    if (s.who) {
      where.appendChild(document.createTextNode(' \u00b7 '));
      where.appendChild(el('span', 'who', s.who));
    }
    box.appendChild(where);
    var p = el('p'), text = all.sentences[s.n], at = 0;
    p.dir = 'auto';
    s.m.forEach(function (m) {
      p.appendChild(document.createTextNode(text.slice(at, m[0])));
      p.appendChild(el('mark', null, text.slice(m[0], m[1])));
      at = m[1];
    });
    p.appendChild(document.createTextNode(text.slice(at)));
    box.appendChild(p);
    return box;
  }
  function card(f) {
    var li = el('li', 'finding ' + f.k), head = el('div', 'finding-head'), id = el('a', 'fid', f.id);
    li.id = f.id;
    id.href = '#' + f.id;
    [id, el('span', 'kind', f.k), el('span', null, all.types[f.t]), el('code', null, f.r),
     el('span', null, 'confidence ' + f.c)].forEach(function (x) { head.appendChild(x); });
    li.appendChild(head);
    var pair = el('div', 'pair');
    pair.appendChild(side(f.a));
    pair.appendChild(side(f.b));
    li.appendChild(pair);
    if (f.w) {
      var why = el('p', 'why', f.w);
      why.dir = 'auto';
      li.appendChild(why);
    }
    if (f.q.length) li.appendChild(el('p', 'cues', 'Cues: ' + f.q.join('; ')));
    return li;
  }
  if (all) {
    var rows = all.findings;
    var get = function (id) { return document.getElementById(id); };
    var kind = get('f-kind'), type = get('f-type'), source = get('f-source');
    var entity = get('f-entity'), sort = get('f-sort'), query = get('f-query');
    var shown = get('f-shown');
    rows.forEach(function (f, i) { f.order = i; });
    findings = pager('findings-pager', 100, function (from, to) {
      list.textContent = '';
      visible.slice(from, to).forEach(function (f) { list.appendChild(card(f)); });
    });
    var text = function (f) {
      if (f.lower === undefined)
        f.lower = [f.id, f.k, all.types[f.t], f.r, f.w, f.q.join(' '), all.sentences[f.a.n],
                   all.sentences[f.b.n], all.sources[f.a.d].id, all.sources[f.b.d].id,
                   all.sources[f.a.d].path, all.sources[f.b.d].path].join(' ').toLowerCase();
      return f.lower;
    };
    var order = {
      '': function (x, y) { return x.order - y.order; },
      confidence: function (x, y) { return y.c - x.c || x.order - y.order; },
      source: function (x, y) { return x.a.d - y.a.d || x.b.d - y.b.d || x.order - y.order; }
    };
    var apply = function () {
      var q = query.value.trim().toLowerCase();
      visible = rows.filter(function (f) {
        return (!kind.value || f.k === kind.value) && (!type.value || f.t === Number(type.value)) &&
            (!source.value || f.a.d === Number(source.value) || f.b.d === Number(source.value)) &&
            (!entity.value || f.e.indexOf(Number(entity.value)) >= 0) &&
            (!q || text(f).indexOf(q) >= 0);
      }).sort(order[sort.value]);
      findings.count = visible.length;
      findings.page = 0;
      findings.show();
      shown.textContent = visible.length + ' of ' + rows.length + ' shown';
    };
    var reset = function () {
      [kind, type, source, entity, query].forEach(function (e) { e.value = ''; });
      apply();
    };
    [kind, type, source, entity, sort].forEach(function (e) { e.addEventListener('change', apply); });
    query.addEventListener('input', apply);
    get('filters').hidden = false;
    apply();
  }

  function reveal() {
    var id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (e) {  // a malformed % in a hand-typed address
      return;
    }
    // the page may list fewer findings than findings.csv: look the id up
    var f = null;
    for (var i = 0; all && /^F\d+$/.test(id) && i < all.findings.length && !f; ++i)
      if (all.findings[i].id === id) f = all.findings[i];
    if (f) {
      if (visible.indexOf(f) < 0) reset();
      findings.reveal(visible.indexOf(f));
    }
    var target = document.getElementById(id);
    if (!target) return;
    if (claims && target.classList.contains('claim')) claims.reveal(claimRows.indexOf(target));
    document.querySelectorAll('.target').forEach(function (e) { e.classList.remove('target'); });
    target.classList.add('target');
    target.scrollIntoView();
  }
  window.addEventListener('hashchange', reveal);
  reveal();
})();
)";

std::string head(const Corpus& corpus) {
  std::size_t conflicts = 0, disputes = 0;
  for (const Finding& f : corpus.findings) {
    conflicts += f.kind == Finding::Kind::kConflict;
    disputes += f.kind == Finding::Kind::kDispute;
  }
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'sha256-" +
         detail::sha256_base64(kStyle) + "'; script-src 'sha256-" + detail::sha256_base64(kScript) +
         "'; base-uri 'none'; form-action 'none'\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"crosscheck\">\n<title>" +
         detail::e(corpus.name) + " &ndash; crosscheck report</title>\n<style>" +
         std::string(kStyle) + "</style>\n</head>\n<body>\n<header>\n<h1>crosscheck report: <bdi>" +
         detail::e(corpus.name) + "</bdi></h1>\n<p class=\"muted\">" +
         detail::counted(corpus.documents.size(), "document") + ", " +
         detail::counted(corpus.statements.size(), "statement") + ", " +
         detail::counted(corpus.claims.size(), "claim") + ", " +
         detail::counted(conflicts, "conflict") + ", " + detail::counted(disputes, "dispute") +
         ", " + detail::counted(corpus.findings.size() - conflicts - disputes, "agreement") + ", " +
         std::to_string(corpus.skipped.size()) +
         " skipped</p>\n<nav><a href=\"#summary\">Summary</a><a href=\"#claims\">Claim "
         "matrix</a><a href=\"#findings\">Findings</a><a href=\"#articles\">Articles</a></nav>\n"
         "</header>\n";
}

}  // namespace

void write_html(const Corpus& corpus, std::ostream& out) {
  // Section by section, each a megabyte at a time: a large report is never held whole.
  out << head(corpus);
  for (const auto section : {detail::render_summary, detail::render_claims, detail::render_findings,
                             detail::render_articles})
    section(corpus, out);
  out << "<script>" << kScript << "</script>\n</body>\n</html>\n";
}

}  // namespace crosscheck
