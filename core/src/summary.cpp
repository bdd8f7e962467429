#include "crosscheck/summary.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace crosscheck {

namespace {

// Union-find over the statements of one group of findings.
class Statements {
 public:
  std::uint32_t root(std::uint32_t s) {
    auto it = parent_.try_emplace(s, s).first;
    while (it->second != s) {
      it->second = parent_.find(it->second)->second;  // halve the path
      s = it->second;
      it = parent_.find(s);
    }
    return s;
  }
  // Joins the sets of x and y; the root of the joined set.
  std::uint32_t join(std::uint32_t x, std::uint32_t y) {
    const std::uint32_t rx = root(x), ry = root(y);
    if (rx != ry) parent_[ry] = rx;
    return rx;
  }
  // How many statements each set holds, by root.
  std::unordered_map<std::uint32_t, std::uint32_t> sizes() {
    std::unordered_map<std::uint32_t, std::uint32_t> out;
    std::vector<std::uint32_t> all;
    for (const auto& [s, p] : parent_) all.push_back(s);
    for (const std::uint32_t s : all) ++out[root(s)];
    return out;
  }

 private:
  std::unordered_map<std::uint32_t, std::uint32_t> parent_;
};

}  // namespace

EventSummary summarise_events(const std::vector<const Finding*>& findings,
                              const std::vector<double>& strength,
                              const std::vector<Finding::Kind>& kinds, std::uint32_t listed_whole) {
  if (strength.size() != findings.size())
    throw std::invalid_argument("summarise_events: one strength per finding");
  std::vector<std::uint32_t> order(findings.size());
  std::iota(order.begin(), order.end(), 0u);
  const auto group = [&](std::uint32_t i) {
    return std::tie(findings[i]->kind, findings[i]->type, findings[i]->act);
  };
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    if (group(x) != group(y)) return group(x) < group(y);
    return strength[x] > strength[y];
  });
  const auto summarised = [&](std::uint32_t i) {
    return std::find(kinds.begin(), kinds.end(), findings[i]->kind) != kinds.end() &&
           findings[i]->a != findings[i]->b;
  };
  std::vector<bool> kept(findings.size(), false);
  std::vector<std::uint32_t> left(findings.size(), 0);
  for (std::size_t begin = 0, end = 0; begin < order.size(); begin = end) {
    end = begin + 1;
    while (end < order.size() && group(order[end]) == group(order[begin])) ++end;
    // The events of the group, and how many statements each holds.
    Statements events;
    for (std::size_t k = begin; k < end; ++k)
      if (summarised(order[k])) events.join(findings[order[k]]->a, findings[order[k]]->b);
    const auto sizes = events.sizes();
    // Strongest first, each finding that joins statements not yet joined is kept. Each
    // root of `forest` keeps its event's holder (the kept finding listed first, the lowest
    // index) and the pairs left out so far.
    struct Event {
      std::uint32_t holder;
      std::uint32_t left = 0;
    };
    Statements forest;
    std::unordered_map<std::uint32_t, Event> held;  // by root of `forest`
    for (std::size_t k = begin; k < end; ++k) {
      const std::uint32_t i = order[k];
      if (!summarised(i) || sizes.at(events.root(findings[i]->a)) <= listed_whole) {
        kept[i] = true;
        continue;
      }
      const std::uint32_t ra = forest.root(findings[i]->a), rb = forest.root(findings[i]->b);
      if (ra == rb) {
        if (auto e = held.find(ra); e != held.end()) ++e->second.left;
        continue;
      }
      kept[i] = true;
      Event joined{i};
      for (const std::uint32_t r : {ra, rb})
        if (auto e = held.find(r); e != held.end()) {
          joined.holder = std::min(joined.holder, e->second.holder);
          joined.left += e->second.left;
          held.erase(e);
        }
      held[forest.join(ra, rb)] = joined;
    }
    for (const auto& [r, e] : held) left[e.holder] = e.left;
  }
  EventSummary out;
  for (std::uint32_t i = 0; i < findings.size(); ++i)
    if (kept[i]) {
      out.kept.push_back(i);
      out.left_out.push_back(left[i]);
    }
  return out;
}

EventSummary summarise_events(const std::vector<Finding>& findings,
                              const std::vector<double>& strength,
                              const std::vector<Finding::Kind>& kinds, std::uint32_t listed_whole) {
  std::vector<const Finding*> each;
  each.reserve(findings.size());
  for (const Finding& f : findings) each.push_back(&f);
  return summarise_events(each, strength, kinds, listed_whole);
}

EventSieve::Forest& EventSieve::forest_of(const Finding& f) {
  std::string key = std::to_string(static_cast<int>(f.kind));
  key += '\0';
  key += f.type;
  key += '\0';
  key += f.act;
  return forests_[key];
}

std::uint32_t EventSieve::root(Forest& forest, std::uint32_t s) {
  auto it = forest.try_emplace(s, Node{s}).first;
  while (it->second.parent != s) {
    const std::uint32_t up = forest.at(it->second.parent).parent;
    it->second.parent = up;  // halve the path
    s = up;
    it = forest.find(s);
  }
  return s;
}

bool EventSieve::left_out(const Finding& f) {
  Forest& forest = forest_of(f);
  const std::uint32_t ra = root(forest, f.a), rb = root(forest, f.b);
  Node& a = forest.at(ra);
  if (ra == rb) {
    if (a.size <= listed_whole_) return false;  // the event may stay small: keep it
    ++a.left;
    return true;
  }
  Node& b = forest.at(rb);
  b.parent = ra;
  a.size += b.size;
  a.left += b.left;
  return false;
}

std::uint32_t EventSieve::take_left_out(const Finding& f) {
  Forest& forest = forest_of(f);
  Node& r = forest.at(root(forest, f.a));
  return std::exchange(r.left, 0);
}

}  // namespace crosscheck
