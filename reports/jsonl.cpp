// findings.jsonl: one finding a line, with both statements' full positions and features.
// The schema is documented in reports/README.md; keep the two in step.
#include <charconv>
#include <cmath>
#include <ostream>

#include "reports/detail/format.hpp"
#include "reports/reports.hpp"

namespace crosscheck {

namespace {

// JSON has no infinity: an open bound ("more than 60,000") is null.
std::string number(double value) {
  if (!std::isfinite(value)) return "null";
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string strings(const std::vector<std::string>& values) { return json_array(values); }
std::string strings(const std::vector<Spelling>& values) {
  return json_array(std::vector<std::string>(values.begin(), values.end()));
}

// A day number, or null for an open end.
std::string day_json(std::int32_t day) {
  return day <= -TimeInterval::kOpen || day >= TimeInterval::kOpen ? "null" : std::to_string(day);
}

std::string times(const Statement& s) {
  std::string out = "[";
  for (const auto& t : s.times)
    out += (out.size() > 1 ? "," : "") + std::string("{\"text\":") + json_quote(t.text) +
           ",\"precision\":\"" + std::string(to_string(t.precision)) +
           "\",\"first_day\":" + day_json(t.first_day) + ",\"last_day\":" + day_json(t.last_day) +
           "}";
  return out + "]";
}

std::string quantities(const Statement& s) {
  std::string out = "[";
  for (const auto& q : s.quantities)
    out += (out.size() > 1 ? "," : "") + std::string("{\"text\":") + json_quote(q.text) +
           ",\"low\":" + number(q.low) + ",\"high\":" + number(q.high) +
           ",\"approximate\":" + (q.approximate ? "true" : "false") + ",\"kind\":\"" +
           std::string(to_string(q.kind)) + "\"" + ",\"unit\":" + json_quote(q.unit) + "}";
  return out + "]";
}

// A position in the file as it is on disk: byte offsets and 1-based line and column
// (columns count code points).
std::string position(const Document& document, Span text_span) {
  const std::uint32_t begin = document.to_original(text_span.begin);
  const std::uint32_t end = document.to_original(text_span.end);
  const LineCol lc = line_col(document.original, begin);
  return "\"line\":" + std::to_string(lc.line) + ",\"col\":" + std::to_string(lc.col) +
         ",\"begin\":" + std::to_string(begin) + ",\"end\":" + std::to_string(end);
}

// ",\"written\":{...}": the day the article was written as its times were read, and where
// that came from ("sources", or "text" with the line); nothing when undated.
std::string written(const Document& d) {
  if (!d.dating.day) return "";
  std::string out = ",\"written\":{\"date\":\"" + value_at(*d.dating.day, DayRange::Grain::kDay) +
                    "\",\"from\":\"" + (d.dating.from_text ? "text" : "sources") + "\"";
  if (d.dating.from_text)
    out += ",\"line\":" +
           std::to_string(line_col(d.original, d.to_original(d.dating.where.begin)).line);
  return out + "}";
}

std::string side(const Corpus& corpus, std::uint32_t index) {
  const detail::Side s = detail::side_of(corpus, index);
  const Document& d = s.document;
  return "{\"source\":" + json_quote(d.source.id) + ",\"title\":" + json_quote(d.source.title) +
         ",\"outlet\":" + json_quote(d.source.outlet) + ",\"date\":" + json_quote(d.source.date) +
         written(d) + ",\"doc\":" + json_quote(d.path) + "," + position(d, s.statement.span) +
         ",\"text\":" + json_quote(d.text.substr(s.statement.span.begin, s.statement.span.size())) +
         ",\"sentence\":{\"index\":" + std::to_string(s.sentence.index) + "," +
         position(d, s.sentence.span) + ",\"text\":" + json_quote(s.sentence.text) +
         "},\"asserted_by\":" + json_quote(detail::asserted_by(s.statement)) + "," +
         statement_fields_json(s.statement) + "}";
}

}  // namespace

std::string statement_fields_json(const Statement& s) {
  std::vector<std::string> negations;
  for (const auto& n : s.negations) negations.push_back(n.cue);
  return "\"subject\":" + json_quote(s.subject) + ",\"predicate\":" + json_quote(s.predicate) +
         ",\"object\":" + json_quote(s.object) + ",\"polarity\":\"" +
         std::string(to_string(s.polarity)) + "\",\"modality\":\"" +
         std::string(to_string(s.modality)) +
         "\",\"attributed_to\":" + json_quote(s.attributed_to) +
         ",\"negations\":" + strings(negations) + ",\"hedges\":" + strings(s.hedges) +
         ",\"entities\":" + strings(s.entities) + ",\"predicates\":" + strings(s.predicates) +
         ",\"times\":" + times(s) + ",\"quantities\":" + quantities(s) +
         ",\"terms\":" + strings(s.terms);
}

void write_jsonl(const Corpus& corpus, std::ostream& out) {
  for (std::size_t i = 0; i < corpus.findings.size(); ++i) {
    const Finding& f = corpus.findings[i];
    out << "{\"id\":\"" << detail::finding_id(i) << "\",\"kind\":\"" << to_string(f.kind)
        << "\",\"type\":" << json_quote(f.type) << ",\"rule\":" << json_quote(f.rule)
        << ",\"confidence\":" << detail::format_confidence(f.confidence) << ",\"fingerprint\":\""
        << fingerprint(corpus, f) << "\",\"cues\":" << strings(f.cues)
        << ",\"explanation\":" << json_quote(f.explanation) << ",\"a\":" << side(corpus, f.a)
        << ",\"b\":" << side(corpus, f.b) << "}\n";
  }
  for (const detail::Notice& n : detail::notices(corpus)) {
    out << "{\"kind\":\"" << n.kind << "\",\"path\":" << json_quote(n.path);
    if (n.reason.line > 0) out << ",\"line\":" << n.reason.line << ",\"column\":" << n.reason.col;
    out << ",\"message\":" << json_quote(n.reason.message) << "}\n";
  }
}

std::string normalised_text(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80;
    if (c >= 'A' && c <= 'Z') {
      if (space && !out.empty()) out += ' ';
      out += static_cast<char>(c - 'A' + 'a');
      space = false;
    } else if (keep) {
      if (space && !out.empty()) out += ' ';
      out += ch;
      space = false;
    } else {
      space = true;
    }
  }
  return out;
}

std::string fingerprint(const Corpus& corpus, const Finding& finding) {
  std::string a, b;
  for (auto [index, text] : {std::pair{finding.a, &a}, std::pair{finding.b, &b}}) {
    const Statement& s = corpus.statements.at(index);
    const Document& d = corpus.documents.at(s.doc);
    *text = normalised_text(std::string_view(d.text).substr(s.span.begin, s.span.size()));
  }
  if (b < a) std::swap(a, b);
  return detail::sha256_hex(finding.rule + '\n' + a + '\n' + b).substr(0, 32);
}

}  // namespace crosscheck
