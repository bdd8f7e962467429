// findings.csv and aligned.csv.
//
// Records end in LF, not RFC 4180's CRLF: every consumer we target (spreadsheets, Python's
// csv, pandas, R) accepts LF, and LF keeps the golden files and their diffs clean. Quoting
// is otherwise RFC 4180's: a cell holding a comma, a double quote, CR or LF is put in double
// quotes, and double quotes inside it are doubled.
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "reports/detail/format.hpp"
#include "reports/reports.hpp"

namespace crosscheck {

namespace {

constexpr std::string_view kHeader =
    "id,kind,type,rule,confidence,source_a,doc_a,line_a,text_a,source_b,doc_b,line_b,text_b,"
    "cues,asserted_by_a,asserted_by_b,explanation\n";

template <class Parts>  // of std::string or Spelling
std::string join(const Parts& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += std::string_view(parts[i]);
  }
  return out;
}

}  // namespace

std::string csv_cell(std::string_view text) {
  // A spreadsheet runs a cell that starts with one of these as a formula (tab and CR too,
  // as OWASP notes); a leading apostrophe makes it plain text. The apostrophe shows in
  // other readers, which is the accepted price.
  std::string cell;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
    cell += '\'';
  cell += text;
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (const char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

namespace {

void append_row(std::ostream& out, const std::vector<std::string>& row) {
  std::string line;
  for (std::size_t c = 0; c < row.size(); ++c) {
    if (c > 0) line += ',';
    line += csv_cell(row[c]);
  }
  line += '\n';
  out << line;
}

}  // namespace

void write_csv(const Corpus& corpus, std::ostream& out) {
  out << kHeader;
  for (std::size_t i = 0; i < corpus.findings.size(); ++i) {
    const Finding& finding = corpus.findings[i];
    std::vector<std::string> row = {detail::finding_id(i), std::string(to_string(finding.kind)),
                                    finding.type, finding.rule,
                                    detail::format_confidence(finding.confidence)};
    for (const std::uint32_t index : {finding.a, finding.b}) {
      const detail::Side side = detail::side_of(corpus, index);
      row.push_back(side.document.source.id);
      row.push_back(side.document.path);
      row.push_back(std::to_string(side.sentence.line));
      row.push_back(detail::one_line(side.sentence.text));
    }
    row.push_back(join(finding.cues, "; "));
    for (const std::uint32_t index : {finding.a, finding.b})
      row.push_back(detail::asserted_by(corpus.statements[index]));
    row.push_back(finding.explanation);
    append_row(out, row);
  }
  // then what the run left out: a row each, its path as doc_a, its line as line_a (when it
  // has one), the reason as its explanation
  for (const detail::Notice& n : detail::notices(corpus)) {
    std::vector<std::string> row(17);
    row[1] = n.kind;
    row[6] = n.path;
    if (n.reason.line > 0) row[7] = std::to_string(n.reason.line);
    row[16] = n.reason.message;
    append_row(out, row);
  }
}

void write_pairs_csv(const Corpus& corpus, std::ostream& out) {
  // One row per sentence pair: its clauses may align more than once; the best pair stands.
  // (Each by its position in `aligned`, which is where its anchors are.)
  std::map<std::array<std::uint32_t, 4>, std::size_t> best;
  for (std::size_t k = 0; k < corpus.aligned.size(); ++k) {
    const Pair& pair = corpus.pairs[corpus.aligned[k]];
    const Statement& a = corpus.statements[pair.a];
    const Statement& b = corpus.statements[pair.b];
    auto [it, added] = best.try_emplace({a.doc, a.sentence, b.doc, b.sentence}, k);
    if (!added && pair.score > corpus.pairs[corpus.aligned[it->second]].score) it->second = k;
  }
  out << "id,score,doc_a,line_a,text_a,doc_b,line_b,text_b,anchors\n";
  std::size_t n = 0;
  for (const auto& [key, k] : best) {
    const Pair& pair = corpus.pairs[corpus.aligned[k]];
    std::vector<std::string> row = {"P" + detail::finding_id(n++).substr(1),
                                    detail::format_confidence(pair.score)};
    for (const std::uint32_t index : {pair.a, pair.b}) {
      const detail::Side side = detail::side_of(corpus, index);
      row.push_back(side.document.path);
      row.push_back(std::to_string(side.sentence.line));
      row.push_back(detail::one_line(side.sentence.text));
    }
    row.push_back(k < corpus.anchors.size() ? join(corpus.anchors[k], "; ") : "");
    append_row(out, row);
  }
}

std::string render(ReportWriter writer, const Corpus& corpus) {
  std::ostringstream out;
  writer(corpus, out);
  return std::move(out).str();
}

}  // namespace crosscheck
