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
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    const Finding& a = findings[x];
    const Finding& b = findings[y];
    return std::tie(a.kind, a.type, strength[y]) < std::tie(b.kind, b.type, strength[x]);
  });
  std::vector<bool> kept(findings.size(), false);
  std::vector<std::uint32_t> left(findings.size(), 0);
  // Union-find over the statements of one kind and type; each root remembers the first
  // finding kept in its event, which counts the pairs left out.
  std::unordered_map<std::uint32_t, std::uint32_t> parent;
  std::unordered_map<std::uint32_t, std::uint32_t> first;  // root -> finding
  const auto root = [&](std::uint32_t s) {
    auto it = parent.try_emplace(s, s).first;
    while (it->second != s) {
      const auto up = parent.find(it->second);
      it->second = up->second;  // halve the path
      s = it->second;
      it = parent.find(s);
    }
    return s;
  };
  for (std::size_t k = 0; k < order.size(); ++k) {
    const std::uint32_t i = order[k];
    if (std::find(kinds.begin(), kinds.end(), findings[i].kind) == kinds.end()) {
      kept[i] = true;
      continue;
    }
    if (k > 0) {
      const Finding& prev = findings[order[k - 1]];
      if (prev.kind != findings[i].kind || prev.type != findings[i].type) {
        parent.clear();
        first.clear();
      }
    }
    const std::uint32_t ra = root(findings[i].a), rb = root(findings[i].b);
    if (ra == rb) {
      ++left[first.at(ra)];
      continue;
    }
    kept[i] = true;
    // the event keeps the first finding of its older part as its count holder
    const auto fa = first.find(ra), fb = first.find(rb);
    std::uint32_t holder = i;
    if (fa != first.end() && fb != first.end()) {
      holder = std::min(fa->second, fb->second);
      left[holder] += left[std::max(fa->second, fb->second)];
      left[std::max(fa->second, fb->second)] = 0;
    } else if (fa != first.end()) {
      holder = fa->second;
    } else if (fb != first.end()) {
      holder = fb->second;
    }
    parent[rb] = ra;
    first.erase(rb);
    first[ra] = holder;
  }
  EventSummary out;
  for (std::uint32_t i = 0; i < findings.size(); ++i)
    if (kept[i]) {
      out.kept.push_back(i);
      out.left_out.push_back(left[i]);
    }
  return out;
}

}  // namespace crosscheck
