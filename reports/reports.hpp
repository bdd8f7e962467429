// reports: a finished Corpus -> report files. Each writer renders to a string (so tests can
// compare it whole against a golden file); write_atomically() puts it on disk through a
// temporary file and a rename, so an interrupted run never leaves half a report.
// All corpus text is untrusted: HTML-escaped, and CSV cells that a spreadsheet would run
// as formulas are neutralised.
#pragma once

#include <string>
#include <string_view>

#include "crosscheck/core.hpp"

namespace crosscheck {

// findings.csv: RFC 4180, header
// id,kind,type,rule,confidence,source_a,doc_a,line_a,text_a,source_b,doc_b,line_b,text_b,cues,
// asserted_by_a,asserted_by_b,explanation (who asserts each side: "article" or the reported
// speaker)
std::string render_csv(const Corpus& corpus);

// aligned.csv: every aligned pair, header id,score,doc_a,line_a,text_a,doc_b,line_b,text_b,anchors
std::string render_pairs_csv(const Corpus& corpus);

// report.html: one self-contained page (inline CSS, no script from outside).
std::string render_html(const Corpus& corpus);

// One CSV cell, quoted as RFC 4180 requires, formula prefixes neutralised.
std::string csv_cell(std::string_view text);
// Text escaped for HTML element content and attribute values.
std::string html_escape(std::string_view text);

// A JSON string literal (quotes included), with control characters escaped.
std::string json_quote(std::string_view text);

// Writes `content` to `path` via `path.tmp` + rename. Returns an error message or "".
std::string write_atomically(const std::string& path, std::string_view content);

}  // namespace crosscheck
