// The times of a statement: the intervals of days that its time expressions name (the timex
// stage finds and resolves them), with the bounds and ranges that the words around them make.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <span>
#include <stdexcept>

#include "detail.hpp"

namespace crosscheck::detail {

namespace {

// "did not give approval until April": an "until" after a negation in its clause says
// when the act happened, not a bound on it.
bool not_until(const std::vector<Token>& tokens, const Lexicon& lexicon, std::size_t k) {
  if (!lexicon.time_until.count(tokens[k].lower)) return false;
  for (std::size_t j = k; j-- > 0;) {
    if (tokens[j].kind == Token::Kind::kPunct && tokens[j].lower != "'" &&
        tokens[j].lower != "\u2019")
      return false;
    if (lexicon.negation_cues.count(tokens[j].lower)) return true;
  }
  return false;
}

// A time expression's first and last tokens: its words that are not page clutter; -1, -1
// when none is left.
std::pair<std::int32_t, std::int32_t> tokens_of(const Timex& timex,
                                                const std::vector<std::int32_t>& token_of) {
  std::int32_t first = -1, last = -1;
  for (std::uint32_t w = timex.word; w < timex.word_end && w < token_of.size(); ++w)
    if (token_of[w] >= 0) {
      if (first < 0) first = token_of[w];
      last = token_of[w];
    }
  return {first, last};
}

// The part of an interval a TIMEX3 modifier keeps: "early 1950" is its first months.
void narrow(TimeInterval& t, const std::string& mod) {
  const std::int32_t length = t.last_day - t.first_day + 1;
  if (length < 3) return;
  if (mod == "START") t.last_day = t.first_day + length * 2 / 5;
  if (mod == "END") t.first_day = t.last_day - length * 2 / 5;
  if (mod == "MID") {
    t.first_day += length / 4;
    t.last_day -= length / 4;
  }
}

}  // namespace

std::vector<TimeInterval> find_times(const std::vector<Token>& tokens,
                                     const std::vector<Timex>& timexes,
                                     const std::vector<std::int32_t>& token_of,
                                     const std::vector<bool>& stamp, const Lexicon& lexicon,
                                     std::vector<bool>& used) {
  std::vector<TimeInterval> out;
  for (std::size_t x = 0; x < timexes.size(); ++x) {
    const Timex& timex = timexes[x];
    const auto [first, last] = tokens_of(timex, token_of);
    if (first < 0) continue;
    // every time expression's words are taken: "six months" is no amount, "May" no hedge
    for (std::int32_t k = first; k <= last; ++k) used[static_cast<std::size_t>(k)] = true;
    if (stamp[x]) continue;  // the stamp dates the article, not its acts
    if (timex.type != Timex::Type::kDate && timex.type != Timex::Type::kTime) continue;
    const auto days = days_of_value(timex.value);
    if (!days) continue;  // PRESENT_REF, XXXX-XX-XX: no stretch of the calendar
    // "a 1966 document", "the 1917 Revolution", "hit by 2004 tsunami": a year that modifies
    // a noun names a thing, not the act's time
    if (days->grain == DayRange::Grain::kYear && last == first) {
      const Token& year = tokens[static_cast<std::size_t>(first)];
      const bool modifies =
          (year.dep == Dep::kCompound || year.dep == Dep::kNummod || year.dep == Dep::kAmod) &&
          year.head > first && tokens[static_cast<std::size_t>(year.head)].upos == Upos::kNoun;
      if (modifies || (first > 0 && is_determiner(tokens[static_cast<std::size_t>(first - 1)])))
        continue;
    }
    TimeInterval t;
    t.first_day = days->first;
    t.last_day = days->last;
    t.precision = days->grain;
    t.relative = timex.temporal_function;
    t.token = static_cast<std::uint32_t>(first);
    t.token_end = static_cast<std::uint32_t>(last + 1);
    for (std::int32_t k = first; k <= last; ++k) {
      const Token& token = tokens[static_cast<std::size_t>(k)];
      const bool joined = token.kind == Token::Kind::kPunct ||
                          (k > first && (tokens[k - 1].lower == "-" || tokens[k - 1].lower == "'" ||
                                         tokens[k - 1].lower == "\u2013"));  // "mid-2009"
      if (!t.text.empty() && !joined) t.text += ' ';
      t.text += token.lower;
    }
    narrow(t, timex.mod);
    out.push_back(std::move(t));
  }
  // "from March 1949 to January 1950": one interval spanning both ends.
  std::vector<TimeInterval> merged;
  std::vector<bool> ranged;  // merged from two ends: closed, bound by neither
  for (auto& t : out) {
    if (!merged.empty()) {
      auto& prev = merged.back();
      // "from March to May 1949", "between 1950 and 1953", "in March and April 1950": the
      // act spans both ends
      const bool from_to = t.token == prev.token_end + 1 &&
                           lexicon.time_range_to.count(tokens[prev.token_end].lower);
      const bool dashed =
          t.token == prev.token_end + 1 && (tokens[prev.token_end].lower == "-" ||
                                            tokens[prev.token_end].lower == "\u2013");  // "1950-53"
      if (dashed && t.first_day > prev.last_day) {
        prev.last_day = t.last_day;
        prev.token_end = t.token_end;
        prev.text += tokens[t.token - 1].lower + t.text;
        ranged.back() = true;
        continue;
      }
      if (from_to && t.first_day > prev.last_day) {
        prev.last_day = t.last_day;
        prev.token_end = t.token_end;
        prev.text += " " + tokens[t.token - 1].lower + " " + t.text;
        ranged.back() = true;
        continue;
      }
    }
    merged.push_back(std::move(t));
    ranged.push_back(false);
  }
  // A bound: "by January 1950" reaches back without limit, "after 1949" forward.
  constexpr std::int32_t kOpen = TimeInterval::kOpen;
  // The bound word may stand a few words before: "since the Soviet Union collapsed in
  // December 1991" is after December 1991. It must hang from the time or from a word the
  // time hangs from ("resigned from the cabinet on March 12" has no bound). A clause break
  // ends the search.
  constexpr std::size_t kBoundReach = 6;
  for (std::size_t m = 0; m < merged.size(); ++m) {
    TimeInterval& t = merged[m];
    std::vector<std::int32_t> above;  // the time's head and the words above it
    for (std::int32_t x = phrase_head(tokens, t.token, t.token_end), steps = 0;
         x >= 0 && steps < 32; x = tokens[static_cast<std::size_t>(x)].head, ++steps)
      above.push_back(x);
    for (std::size_t back = 1; back <= kBoundReach && back <= t.token; ++back) {
      const std::size_t k = t.token - back;
      if (tokens[k].kind == Token::Kind::kPunct || used[k]) break;
      if (std::find(above.begin(), above.end(), tokens[k].head) == above.end()) continue;
      const std::string& word = tokens[k].lower;
      const std::string two = k > 0 ? tokens[k - 1].lower + " " + word : word;
      const bool before = lexicon.time_before.count(word) || lexicon.time_before.count(two);
      const bool after = lexicon.time_after.count(word) || lexicon.time_after.count(two);
      if (!before && !after) continue;
      if (ranged[m]) break;                      // "from X to Y" is closed
      if (not_until(tokens, lexicon, k)) break;  // "did not approve until April": in April
      if (before)
        t.first_day = -kOpen;
      else
        t.last_day = kOpen;
      t.text = word + " " + t.text;
      break;
    }
  }
  return merged;
}

namespace {

// The days of a TIMEX3 duration ("P3Y", "PT30M", "P2W"); none for "PXY" and the like.
std::optional<double> days_of_duration(std::string_view v) {
  if (!v.starts_with("P")) return std::nullopt;
  v.remove_prefix(1);
  const bool clock = v.starts_with("T");
  if (clock) v.remove_prefix(1);
  std::size_t k = 0;
  while (k < v.size() && (std::isdigit(static_cast<unsigned char>(v[k])) || v[k] == '.')) ++k;
  if (k == 0) return std::nullopt;
  double n = 0;
  if (const auto r = std::from_chars(v.data(), v.data() + k, n);
      r.ec != std::errc() || r.ptr != v.data() + k || !std::isfinite(n))
    return std::nullopt;
  const std::string_view unit = v.substr(k);
  static const std::pair<std::string_view, double> kDate[] = {
      {"Y", 365.25}, {"M", 30.4375}, {"W", 7}, {"D", 1}, {"Q", 91.3125}, {"WE", 2}};
  static const std::pair<std::string_view, double> kClock[] = {
      {"H", 1.0 / 24}, {"M", 1.0 / 1440}, {"S", 1.0 / 86400}};
  const std::span<const std::pair<std::string_view, double>> units =
      clock ? std::span<const std::pair<std::string_view, double>>(kClock)
            : std::span<const std::pair<std::string_view, double>>(kDate);
  for (const auto& [u, days] : units)
    if (unit == u) return n * days;
  return std::nullopt;
}

}  // namespace

std::vector<Quantity> durations(const std::vector<Token>& tokens, const std::vector<Timex>& timexes,
                                const std::vector<std::int32_t>& token_of, const Lexicon& lexicon) {
  std::vector<Quantity> out;
  for (const Timex& timex : timexes) {
    if (timex.type != Timex::Type::kDuration) continue;
    const auto days = days_of_duration(timex.value);
    if (!days) continue;
    const auto [first, last] = tokens_of(timex, token_of);
    if (first < 0) continue;
    // "the 33-year-old": a person's age, not how long the act took
    if (lexicon.time_words.in("age_suffix", tokens[static_cast<std::size_t>(last)].lower)) continue;
    Quantity q;
    q.kind = Quantity::Kind::kMeasure;
    q.unit = "days";
    q.stated = timex.value.substr(timex.value.find_first_not_of("PT0123456789."));
    q.low = q.high = *days;
    if (timex.mod == "APPROX") {
      q.low *= 0.9, q.high *= 1.1;
    } else if (timex.mod == "MORE_THAN" || timex.mod == "EQUAL_OR_MORE") {
      q.high = std::numeric_limits<double>::infinity();
    } else if (timex.mod == "LESS_THAN" || timex.mod == "EQUAL_OR_LESS") {
      q.low = 0;
    }
    q.approximate = !timex.mod.empty();
    // the number's token, where the tree hangs the amount: "for three years"
    q.token = static_cast<std::uint32_t>(first);
    for (std::int32_t k = first; k <= last; ++k)
      if (tokens[static_cast<std::size_t>(k)].kind == Token::Kind::kNumber ||
          tokens[static_cast<std::size_t>(k)].upos == Upos::kNum) {
        q.token = static_cast<std::uint32_t>(k);
        break;
      }
    q.token_end = static_cast<std::uint32_t>(last + 1);
    for (std::int32_t k = first; k <= last; ++k)
      q.text += (k > first && tokens[static_cast<std::size_t>(k)].kind != Token::Kind::kPunct &&
                         tokens[static_cast<std::size_t>(k - 1)].lower != "-"
                     ? " "
                     : "") +
                tokens[static_cast<std::size_t>(k)].lower;
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace crosscheck::detail
