#include "crosscheck/summary.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

namespace crosscheck {

EventSummary summarise_events(const std::vector<Finding>& findings,
                              const std::vector<double>& strength,
                              const std::vector<Finding::Kind>& kinds) {
  if (strength.size() != findings.size())
    throw std::invalid_argument("summarise_events: one strength per finding");
  std::vector<std::uint32_t> order(findings.size());
  std::iota(order.begin(), order.end(), 0u);
  const auto group = [&](std::uint32_t i) {
    return std::tie(findings[i].kind, findings[i].type, findings[i].act);
  };
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    if (group(x) != group(y)) return group(x) < group(y);
    return strength[x] > strength[y];
  });
  std::vector<bool> kept(findings.size(), false);
  std::vector<std::uint32_t> left(findings.size(), 0);
  // Union-find over the statements of one group. Each root keeps its event's holder (the
  // kept finding listed first, the lowest index) and the pairs left out so far.
  struct Event {
    std::uint32_t holder;
    std::uint32_t left = 0;
  };
  std::unordered_map<std::uint32_t, std::uint32_t> parent;
  std::unordered_map<std::uint32_t, Event> events;  // by root
  const auto root = [&](std::uint32_t s) {
    auto it = parent.try_emplace(s, s).first;
    while (it->second != s) {
      it->second = parent.find(it->second)->second;  // halve the path
      s = it->second;
      it = parent.find(s);
    }
    return s;
  };
  const auto flush = [&] {
    for (const auto& [r, e] : events) left[e.holder] = e.left;
    parent.clear();
    events.clear();
  };
  for (std::size_t k = 0; k < order.size(); ++k) {
    const std::uint32_t i = order[k];
    if (k > 0 && group(order[k - 1]) != group(i)) flush();
    if (std::find(kinds.begin(), kinds.end(), findings[i].kind) == kinds.end() ||
        findings[i].a == findings[i].b) {
      kept[i] = true;
      continue;
    }
    const std::uint32_t ra = root(findings[i].a), rb = root(findings[i].b);
    if (ra == rb) {
      if (auto e = events.find(ra); e != events.end()) ++e->second.left;
      continue;
    }
    kept[i] = true;
    Event joined{i};
    for (const std::uint32_t r : {ra, rb})
      if (auto e = events.find(r); e != events.end()) {
        joined.holder = std::min(joined.holder, e->second.holder);
        joined.left += e->second.left;
        events.erase(e);
      }
    parent[rb] = ra;
    events[ra] = joined;
  }
  flush();
  EventSummary out;
  for (std::uint32_t i = 0; i < findings.size(); ++i)
    if (kept[i]) {
      out.kept.push_back(i);
      out.left_out.push_back(left[i]);
    }
  return out;
}

}  // namespace crosscheck
