// reports: a finished Corpus -> report files. Each writer streams to an std::ostream, so a
// report of a million findings is never held whole in memory; render() gives the same
// text as a string, for tests and golden files. write_atomically() puts a report on disk
// through a temporary file and a rename, so an interrupted run never leaves half a report.
// All corpus text is untrusted: HTML-escaped, and CSV cells that a spreadsheet would run
// as formulas are neutralised.
#pragma once

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/core.hpp"
#include "crosscheck/rules.hpp"

namespace crosscheck {

// findings.csv: RFC 4180, header
// id,kind,type,rule,confidence,source_a,doc_a,line_a,text_a,source_b,doc_b,line_b,text_b,cues,
// asserted_by_a,asserted_by_b,explanation (who asserts each side: "article" or the reported
// speaker)
void write_csv(const Corpus& corpus, std::ostream& out);

// aligned.csv: one row per aligned sentence pair (the best of its statement pairs), header
// id,score,doc_a,line_a,text_a,doc_b,line_b,text_b,anchors
void write_pairs_csv(const Corpus& corpus, std::ostream& out);

// report.html: one self-contained page (inline CSS, no script from outside).
void write_html(const Corpus& corpus, std::ostream& out);

// findings.jsonl: one JSON object per finding, with both statements' positions in the files
// and their features; the schema is in reports/README.md.
void write_jsonl(const Corpus& corpus, std::ostream& out);

// findings.sarif: SARIF 2.1.0, one result per conflict, the loaded rules in the driver.
struct SarifTool {
  std::string version;
  std::vector<Rule> rules;
};
void write_sarif(const Corpus& corpus, const SarifTool& tool, std::ostream& out);

// A finding's identity across runs: a hash of its rule id and the normalised text of its
// two statements (case, punctuation and spacing do not count, nor which one comes first),
// so that it survives edits elsewhere in an article, re-wrapping and renaming. 32 hex digits.
std::string fingerprint(const Corpus& corpus, const Finding& finding);
// The text as fingerprints see it: lower-case ASCII, words separated by one space.
std::string normalised_text(std::string_view text);

// The baseline file: the fingerprint of the rules it was taken with, the fingerprints of
// the accepted conflicts and the content hashes of the documents they cover (`documents`,
// SHA-256 hex of each article's bytes).
struct Baseline {
  std::string rules;
  std::set<std::string> conflicts;
  std::set<std::string> documents;
};
std::string render_baseline(const Corpus& corpus, const std::vector<std::string>& documents,
                            const std::string& rules);
// Reads a baseline; a line that is not one appends a `file:line:1` error to `errors`.
Baseline parse_baseline(std::string_view text, const std::string& file,
                        std::vector<Diagnostic>& errors);

// The JSON members (without braces) for a statement's roles and features, as
// findings.jsonl and `crosscheck segment` print them.
std::string statement_fields_json(const Statement& statement);

using ReportWriter = void (*)(const Corpus&, std::ostream&);
std::string render(ReportWriter writer, const Corpus& corpus);
inline std::string render_csv(const Corpus& corpus) { return render(write_csv, corpus); }
inline std::string render_pairs_csv(const Corpus& corpus) {
  return render(write_pairs_csv, corpus);
}
inline std::string render_html(const Corpus& corpus) { return render(write_html, corpus); }
inline std::string render_jsonl(const Corpus& corpus) { return render(write_jsonl, corpus); }

// One CSV cell, quoted as RFC 4180 requires, formula prefixes neutralised.
std::string csv_cell(std::string_view text);
// Text escaped for HTML element content and attribute values; controls and bidi overrides
// shown as "[U+202E]".
std::string html_escape(std::string_view text);
// The same text as a JSON string literal that is safe inside a <script> data block.
std::string page_json(std::string_view text);
// The text with C0 controls (but tab, LF, CR), DEL and the bidi embedding, override and
// isolate controls replaced by visible "[U+XXXX]": what html_escape and page_json show.
std::string visible_text(std::string_view text);

// A JSON string literal (quotes included), with control characters escaped.
std::string json_quote(std::string_view text);
// A JSON array of string literals.
std::string json_array(const std::vector<std::string>& values);

// Writes to `path` what `write` puts on its stream, in one step: into an unnamed file
// (O_TMPFILE, so a killed run leaves nothing) linked under a fresh random name beside it
// (never a file or link already there; mkstemp where the file system has no unnamed
// files), then renamed over `path`. With `sync` (the default) it is on disk before the
// rename. Returns an error message or "".
std::string write_atomically(const std::string& path,
                             const std::function<void(std::ostream&)>& write, bool sync = true);
inline std::string write_atomically(const std::string& path, std::string_view content,
                                    bool sync = true) {
  return write_atomically(
      path, [&](std::ostream& out) { out << content; }, sync);
}

// A report set, all or nothing: the files are written into a private staging folder
// beside `out` (".NAME.crosscheck-staging-XXXXXX"), with `manifest.sha256` (each file's
// SHA-256, as `sha256sum -c` reads it), then swapped with `out` in one step (renameat2
// RENAME_EXCHANGE), and the old set removed. A reader sees the old set or the new one,
// never a mix; a run killed at any moment leaves the old set, and its staging folder is
// removed by the next run. A folder that holds files crosscheck did not write (other than
// `known` file names, their older temporaries and the manifest), or a link to one, is not
// swapped: each report is renamed into it, the manifest last. Returns an error message
// or "".
inline constexpr std::string_view kManifestFile = "manifest.sha256";
struct ReportFile {
  std::string name;
  std::function<void(std::ostream&)> write;
};
// Why `out` cannot take a report set (it is a file), or "": checked before a run, so that
// no work is lost to it.
std::string report_folder_problem(const std::filesystem::path& out,
                                  const std::vector<std::string>& known);
std::string write_report_set(const std::filesystem::path& out, const std::vector<ReportFile>& files,
                             const std::vector<std::string>& known);

}  // namespace crosscheck
