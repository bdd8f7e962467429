// findings.sarif: SARIF 2.1.0 for code-scanning tools. One result per conflict (agreements
// are not problems), located at the statement in the corpus file, with the statement it
// conflicts with as a related location; the rules that fired are the driver's rules.
// Columns count code points (run.columnKind), as everywhere in crosscheck.
#include <filesystem>
#include <map>
#include <ostream>

#include "reports/detail/format.hpp"
#include "reports/reports.hpp"

namespace crosscheck {

namespace {

// A URI reference for a path: relative paths stay relative (to where crosscheck ran, as
// code-scanning tools expect them relative to the repository), absolute ones become
// file:// URIs. Bytes outside RFC 3986's unreserved set and "/" are percent-encoded.
std::string path_uri(const std::string& root, const std::string& path) {
  const std::filesystem::path full = (std::filesystem::path(root) / path).lexically_normal();
  std::string text = full.generic_string();
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = full.is_absolute() ? "file://" : "";
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool plain = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::string location(const Corpus& corpus, std::uint32_t index) {
  const detail::Side s = detail::side_of(corpus, index);
  const Document& d = s.document;
  const std::uint32_t begin = d.to_original(s.statement.span.begin);
  const std::uint32_t end = d.to_original(s.statement.span.end);
  const LineCol first = line_col(d.original, begin);
  const LineCol last = line_col(d.original, end);
  return "{\"physicalLocation\":{\"artifactLocation\":{\"uri\":" +
         json_quote(path_uri(corpus.root, d.path)) +
         "},\"region\":{\"startLine\":" + std::to_string(first.line) +
         ",\"startColumn\":" + std::to_string(first.col) +
         ",\"endLine\":" + std::to_string(last.line) +
         ",\"endColumn\":" + std::to_string(last.col) +
         ",\"snippet\":{\"text\":" + json_quote(d.original.substr(begin, end - begin)) + "}}}}";
}

}  // namespace

void write_sarif(const Corpus& corpus, const SarifTool& tool, std::ostream& out) {
  // The driver lists every loaded rule; results point at theirs by index.
  std::map<std::string, std::size_t> rule_index;
  std::string rules;
  for (const Rule& rule : tool.rules) {
    rule_index.emplace(rule.id, rule_index.size());
    if (!rules.empty()) rules += ",";
    const std::string text = rule.description.empty() ? rule.id : rule.description;
    rules += "{\"id\":" + json_quote(rule.id) +
             ",\"shortDescription\":{\"text\":" + json_quote(text) +
             "},\"defaultConfiguration\":{\"level\":\"" +
             (rule.kind == Finding::Kind::kConflict ? "warning" : "none") +
             "\"},\"properties\":{\"kind\":\"" + std::string(to_string(rule.kind)) +
             "\",\"type\":" + json_quote(rule.type) + "}}";
  }
  out << "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
         "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"crosscheck\",\"version\":"
      << json_quote(tool.version) << ",\"rules\":[" << rules
      << "]}},\"columnKind\":\"unicodeCodePoints\",\"results\":[";
  bool first = true;
  for (std::size_t i = 0; i < corpus.findings.size(); ++i) {
    const Finding& f = corpus.findings[i];
    if (f.kind != Finding::Kind::kConflict) continue;
    const detail::Side b = detail::side_of(corpus, f.b);
    std::string message = f.explanation.empty() ? f.type + " conflict" : f.explanation;
    message += " (other statement: " + b.document.path + ":" + std::to_string(b.sentence.line) +
               "; cues: ";
    for (std::size_t c = 0; c < f.cues.size(); ++c) message += (c > 0 ? ", " : "") + f.cues[c];
    message += ")";
    out << (first ? "" : ",") << "{\"ruleId\":" << json_quote(f.rule);
    if (const auto it = rule_index.find(f.rule); it != rule_index.end())
      out << ",\"ruleIndex\":" << it->second;
    out << ",\"level\":\"warning\",\"message\":{\"text\":" << json_quote(message)
        << "},\"locations\":[" << location(corpus, f.a) << "],\"relatedLocations\":[";
    const std::string related = location(corpus, f.b);
    // The related location carries an id and its own message: the statement it conflicts with.
    out << "{\"id\":1,\"message\":{\"text\":\"the conflicting statement\"}," << related.substr(1)
        << "],\"partialFingerprints\":{\"crosscheckFinding/v1\":\"" << fingerprint(corpus, f)
        << "\"},\"properties\":{\"id\":\"" << detail::finding_id(i)
        << "\",\"type\":" << json_quote(f.type)
        << ",\"confidence\":" << detail::format_confidence(f.confidence) << "}}";
    first = false;
  }
  // what the run left out: tool notifications, an error for a skipped document, a warning
  // for a cut sentence; the run itself still succeeded
  out << "],\"invocations\":[{\"executionSuccessful\":true,\"toolExecutionNotifications\":[";
  first = true;
  for (const detail::Notice& n : detail::notices(corpus)) {
    out << (first ? "" : ",") << "{\"level\":\"" << (n.kind == "skipped" ? "error" : "warning")
        << "\",\"message\":{\"text\":"
        << json_quote((n.kind == "skipped" ? "document skipped: " : "") + n.reason.message)
        << "},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":"
        << json_quote(path_uri(corpus.root, n.path)) << "}";
    if (n.reason.line > 0)
      out << ",\"region\":{\"startLine\":" << n.reason.line
          << ",\"startColumn\":" << std::max<std::uint32_t>(1, n.reason.col) << "}";
    out << "}}]}";
    first = false;
  }
  out << "]}]}]}\n";
}

}  // namespace crosscheck
