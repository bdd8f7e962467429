// summary: findings per event, not per sentence pair. An event told by sixteen articles
// is 120 sentence pairs; a reader needs to see each article's side once, not every pair.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "crosscheck/core.hpp"

namespace crosscheck {

struct EventSummary {
  std::vector<std::uint32_t> kept;      // indexes of the findings listed, ascending
  std::vector<std::uint32_t> left_out;  // for each kept one: the pairs of its event it stands
                                        // for (0 but for the first of each event)
};

// Statements joined by findings of one kind, type and act tell one event (single link:
// "released in 1992" in two articles, "in 1993" in three). Of each event of more than
// `listed_whole` statements, only the findings that join statements not yet joined are
// kept (a spanning forest), chosen strongest first (`strength[i]` of finding i; ties by
// index), so each statement of the event is in at least one finding kept. The kept finding
// of such an event with the lowest index (the first a report lists) carries the count of
// the pairs left out of it. A smaller event keeps all its pairs, and findings of a kind
// not in `kinds` are all kept.
EventSummary summarise_events(const std::vector<const Finding*>& findings,
                              const std::vector<double>& strength,
                              const std::vector<Finding::Kind>& kinds,
                              std::uint32_t listed_whole = 0);
// The same over findings held in one list.
EventSummary summarise_events(const std::vector<Finding>& findings,
                              const std::vector<double>& strength,
                              const std::vector<Finding::Kind>& kinds,
                              std::uint32_t listed_whole = 0);

// summarise_events for findings that come strongest first, while they are made: a run's
// agreements are mostly pairs of one big event, and need not all be held. Offer each
// finding in the order summarise_events would take it (by strength, ties by index); a
// finding `left_out` is one summarise_events would leave out (its event already joins its
// statements, and is more than `listed_whole` statements), so it can be dropped and is
// counted. Run summarise_events over the rest, then add `take_left_out` of each event's
// first listed finding to its count.
class EventSieve {
 public:
  explicit EventSieve(std::uint32_t listed_whole) : listed_whole_(listed_whole) {}
  bool left_out(const Finding& f);
  // The findings of f's event left out so far; zero once taken.
  std::uint32_t take_left_out(const Finding& f);

 private:
  struct Node {
    std::uint32_t parent;
    std::uint32_t size = 1;  // statements, at a root
    std::uint32_t left = 0;  // findings left out, at a root
  };
  using Forest = std::unordered_map<std::uint32_t, Node>;
  Forest& forest_of(const Finding& f);
  static std::uint32_t root(Forest& forest, std::uint32_t s);
  std::uint32_t listed_whole_;
  std::map<std::string, Forest> forests_;  // by kind, type and act
};

}  // namespace crosscheck
