// The parts of report.html, shared by html.cpp (the page, its style and script) and
// html_sections.cpp (what the page shows). Each render_* writes one <section>.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/core.hpp"
#include "reports/reports.hpp"

namespace crosscheck::detail {

inline std::string e(std::string_view text) { return html_escape(text); }

// "1 conflict", "2 conflicts".
inline std::string counted(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

// The id of statement `index` (corpus-wide) where the article text shows it: "s12".
inline std::string statement_anchor(std::uint32_t index) { return "s" + std::to_string(index); }

// How a statement stands on its claim, as the claim matrix shows it.
inline std::string_view stance(const Statement& s) {
  if (s.modality == Modality::kReported) return "reports";
  return s.polarity == Polarity::kNegative ? "denies" : "asserts";
}

// Each section gets the whole corpus: every finding it holds is listed (the run has
// already made agreements and conflicts a spanning set of each event's pairs).
// Sources, their statements and findings; findings by source pair and by type; skipped files.
void render_summary(const Corpus& corpus, std::ostream& stream);
// The claim matrix: a row per claim cluster, a column per source.
void render_claims(const Corpus& corpus, std::ostream& stream);
// Every finding, both statements side by side, with filters, sort and pages.
void render_findings(const Corpus& corpus, std::ostream& stream);
// Every article's text with each statement anchored and linked to its findings.
void render_articles(const Corpus& corpus, std::ostream& stream);

}  // namespace crosscheck::detail
