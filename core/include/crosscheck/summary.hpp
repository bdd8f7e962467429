// summary: findings per event, not per sentence pair. An event told by sixteen articles
// is 120 sentence pairs; a reader needs to see each article's side once, not every pair.
#pragma once

#include <cstdint>
#include <vector>

#include "crosscheck/core.hpp"

namespace crosscheck {

struct EventSummary {
  std::vector<std::uint32_t> kept;      // indexes of the findings listed, ascending
  std::vector<std::uint32_t> left_out;  // for each kept one: the pairs of its event it stands
                                        // for (0 but for the first of each event)
};

// Statements joined by findings of one kind, type and act tell one event (single link:
// "released in 1992" in two articles, "in 1993" in three). Of each event only the findings
// that join statements not yet joined are kept (a spanning forest), chosen strongest first
// (`strength[i]` of finding i; ties by index), so each statement of the event is in at
// least one finding kept. The kept finding of an event with the lowest index (the first a
// report lists) carries the count of the pairs left out of it. Findings of a kind not in
// `kinds` are all kept.
EventSummary summarise_events(const std::vector<Finding>& findings,
                              const std::vector<double>& strength,
                              const std::vector<Finding::Kind>& kinds);

}  // namespace crosscheck
