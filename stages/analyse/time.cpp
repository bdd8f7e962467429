#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "detail.hpp"

namespace crosscheck::detail {

std::int32_t days_from_civil(int y, int m, int d) {
  // Howard Hinnant's days_from_civil, shifted so that 0000-03-01 is day 0.
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe;
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

namespace {

using Precision = TimeInterval::Precision;

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

// The inverse of days_from_civil, for the year only.
int year_of_day(std::int32_t day) {
  const int era = (day >= 0 ? day : day - 146096) / 146097;
  const int doe = day - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  return yoe + era * 400 + (m <= 2);
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

// A plausible year for news and history: 1000-2199.
std::optional<int> year_of(const Token& t) {
  if (t.kind != Token::Kind::kNumber || t.lower.size() != 4 || !all_digits(t.lower))
    return std::nullopt;
  const int y = std::stoi(t.lower);
  if (y < 1000 || y > 2199) return std::nullopt;
  return y;
}

// "1990s", "1940's" -> 1990
std::optional<int> decade_of(const Token& t) {
  std::string_view s = t.lower;
  if (s.ends_with("'s"))
    s.remove_suffix(2);
  else if (s.ends_with("s"))
    s.remove_suffix(1);
  else
    return std::nullopt;
  if (s.size() != 4 || !all_digits(s) || s[3] != '0') return std::nullopt;
  const int y = std::stoi(std::string(s));
  return y >= 1000 && y <= 2190 ? std::optional<int>(y) : std::nullopt;
}

// "12", "12th", "1st" -> day of month
std::optional<int> day_of(const Token& t) {
  std::string_view s = t.lower;
  for (std::string_view suffix : {"st", "nd", "rd", "th"})
    if (s.size() > 2 && s.ends_with(suffix)) s.remove_suffix(2);
  if (s.empty() || s.size() > 2 || !all_digits(s)) return std::nullopt;
  const int d = std::stoi(std::string(s));
  return d >= 1 && d <= 31 ? std::optional<int>(d) : std::nullopt;
}

struct Scanner {
  const std::vector<Token>& tokens;
  const Lexicon& lexicon;
  std::vector<bool>& used;
  std::vector<TimeInterval> out;

  const Token* at(std::size_t i) const { return i < tokens.size() ? &tokens[i] : nullptr; }
  bool is(std::size_t i, std::string_view word) const { return at(i) && at(i)->lower == word; }

  std::optional<int> month(std::size_t i) const {
    if (!at(i) || at(i)->kind != Token::Kind::kWord) return std::nullopt;
    const auto it = lexicon.months.find(at(i)->lower);
    if (it == lexicon.months.end()) return std::nullopt;
    // "may" and "march" are also verbs: a month name must be followed or preceded by a
    // number to count, which callers check.
    return it->second;
  }

  // Skips an optional "." after an abbreviated month and an optional ",".
  std::size_t skip_punct(std::size_t i) const {
    while (at(i) && at(i)->kind == Token::Kind::kPunct &&
           (at(i)->lower == "." || at(i)->lower == ","))
      ++i;
    return i;
  }

  // The year of the last full date seen: "in January 1950 ... until April" is April 1950.
  std::optional<int> year_context;

  void add(std::size_t first, std::size_t last, std::int32_t from, std::int32_t to, Precision p) {
    if (p != Precision::kDecade) year_context = year_of_day(to);
    TimeInterval t;
    t.first_day = from;
    t.last_day = to;
    t.precision = p;
    t.token = static_cast<std::uint32_t>(first);
    t.token_end = static_cast<std::uint32_t>(last + 1);
    for (std::size_t k = first; k <= last && k < tokens.size(); ++k) {
      used[k] = true;
      const bool joined = tokens[k].kind == Token::Kind::kPunct ||
                          (k > first && (tokens[k - 1].lower == "-" || tokens[k - 1].lower == "'" ||
                                         tokens[k - 1].lower == "\u2013"));  // "1950-53", "1940's"
      if (!t.text.empty() && !joined) t.text += ' ';
      t.text += tokens[k].lower;
    }
    out.push_back(std::move(t));
  }

  static std::int32_t month_first(int y, int m) { return days_from_civil(y, m, 1); }
  static std::int32_t month_last(int y, int m) {
    return days_from_civil(y, m, days_in_month(y, m));
  }

  // Tries every pattern at token i; returns the index after the match, or i.
  std::size_t match(std::size_t i) {
    // Season: "the spring of 1949", "spring 1949", "fall of 1949"
    if (at(i) && lexicon.seasons.count(at(i)->lower)) {
      std::size_t j = i + 1;
      if (is(j, "of")) ++j;
      if (auto y = at(j) ? year_of(*at(j)) : std::nullopt) {
        auto [m1, m2] = lexicon.seasons.at(at(i)->lower);
        const int y2 = m2 < m1 ? *y + 1 : *y;  // winter runs into the next year
        add(i, j, month_first(*y, m1), month_last(y2, m2), Precision::kSeason);
        return j + 1;
      }
    }
    // early / mid / late YEAR or DECADE
    if (is(i, "early") || is(i, "mid") || is(i, "late")) {
      std::size_t j = i + 1;
      if (is(j, "-")) ++j;
      if (auto y = at(j) ? year_of(*at(j)) : std::nullopt) {
        const int m1 = is(i, "early") ? 1 : is(i, "mid") ? 4 : 9;
        add(i, j, month_first(*y, m1), month_last(*y, m1 + (is(i, "mid") ? 5 : 3)),
            Precision::kSeason);
        return j + 1;
      }
      if (auto d = at(j) ? decade_of(*at(j)) : std::nullopt) {
        const int y1 = *d + (is(i, "early") ? 0 : is(i, "mid") ? 3 : 6);
        add(i, j, days_from_civil(y1, 1, 1), days_from_civil(y1 + 3, 12, 31), Precision::kDecade);
        return j + 1;
      }
    }
    // MONTH [DAY[,]] YEAR  and  MONTH (and|or|to|-) MONTH YEAR
    if (auto m = month(i)) {
      std::size_t j = skip_punct(i + 1);
      if (auto d = at(j) ? day_of(*at(j)) : std::nullopt) {
        const std::size_t k = skip_punct(j + 1);
        if (auto y = at(k) ? year_of(*at(k)) : std::nullopt) {
          const std::int32_t day = days_from_civil(*y, *m, std::min(*d, days_in_month(*y, *m)));
          add(i, k, day, day, Precision::kDay);
          return k + 1;
        }
      }
      if (auto y = at(j) ? year_of(*at(j)) : std::nullopt) {
        add(i, j, month_first(*y, *m), month_last(*y, *m), Precision::kMonth);
        return j + 1;
      }
      if (is(j, "and") || is(j, "or") || is(j, "to") || is(j, "-") || is(j, "\u2013")) {
        if (auto m2 = month(j + 1)) {
          const std::size_t k = skip_punct(j + 2);
          if (auto y = at(k) ? year_of(*at(k)) : std::nullopt) {
            add(i, k, month_first(*y, *m), month_last(*y, *m2), Precision::kMonth);
            return k + 1;
          }
        }
      }
    }
    // DAY MONTH YEAR: "12 Jan 1950", "8 July 1950", "29 Sept. 1950"
    if (auto d = at(i) ? day_of(*at(i)) : std::nullopt) {
      if (auto m = month(i + 1)) {
        const std::size_t k = skip_punct(i + 2);
        if (auto y = at(k) ? year_of(*at(k)) : std::nullopt) {
          const std::int32_t day = days_from_civil(*y, *m, std::min(*d, days_in_month(*y, *m)));
          add(i, k, day, day, Precision::kDay);
          return k + 1;
        }
      }
    }
    // A month without a year takes the year stated earlier in the statement: "(1 Oct)",
    // "until April", "on June 23". A bare month name must be a name by the tagger, since
    // "may" and "march" are also verbs.
    if (year_context) {
      if (auto d = at(i) ? day_of(*at(i)) : std::nullopt) {
        if (auto m = month(i + 1)) {
          const std::int32_t day =
              days_from_civil(*year_context, *m, std::min(*d, days_in_month(*year_context, *m)));
          add(i, i + 1, day, day, Precision::kDay);
          return i + 2;
        }
      }
      const bool named = tokens[i].upos == Upos::kPropn || tokens[i].upos == Upos::kNoun;
      if (auto m = month(i); m && named) {
        if (auto d = at(i + 1) ? day_of(*at(i + 1)) : std::nullopt) {
          const std::int32_t day =
              days_from_civil(*year_context, *m, std::min(*d, days_in_month(*year_context, *m)));
          add(i, i + 1, day, day, Precision::kDay);
          return i + 2;
        }
        if (!at(i + 1) || !year_of(*at(i + 1))) {
          add(i, i, month_first(*year_context, *m), month_last(*year_context, *m),
              Precision::kMonth);
          return i + 1;
        }
      }
    }
    // "the 1940's": the tokenizer gives "1940", "'", "s"
    if (auto y = at(i) ? year_of(*at(i)) : std::nullopt;
        y && *y % 10 == 0 && is(i + 1, "'") && is(i + 2, "s")) {
      add(i, i + 2, days_from_civil(*y, 1, 1), days_from_civil(*y + 9, 12, 31), Precision::kDecade);
      return i + 3;
    }
    // YEAR-YY / YEAR-YEAR ranges: "1950-53", "1958-61", "1945-1953"
    if (auto y = at(i) ? year_of(*at(i)) : std::nullopt) {
      if ((is(i + 1, "-") || is(i + 1, "\u2013")) && at(i + 2) &&
          at(i + 2)->kind == Token::Kind::kNumber) {
        const std::string& s = at(i + 2)->lower;
        int y2 = -1;
        if (s.size() == 2 && all_digits(s))
          y2 = (*y / 100) * 100 + std::stoi(s);
        else if (auto full = year_of(*at(i + 2)))
          y2 = *full;
        if (y2 > *y) {
          add(i, i + 2, days_from_civil(*y, 1, 1), days_from_civil(y2, 12, 31), Precision::kYear);
          return i + 3;
        }
      }
      // "a 1966 document", "the 1917 Revolution": the year names a thing, not the time.
      if (i > 0 && is_determiner(tokens[i - 1])) {
        used[i] = true;
        return i + 1;
      }
      add(i, i, days_from_civil(*y, 1, 1), days_from_civil(*y, 12, 31), Precision::kYear);
      return i + 1;
    }
    if (auto d = at(i) ? decade_of(*at(i)) : std::nullopt) {
      add(i, i, days_from_civil(*d, 1, 1), days_from_civil(*d + 9, 12, 31), Precision::kDecade);
      return i + 1;
    }
    return i;
  }
};

}  // namespace

std::vector<TimeInterval> find_times(const std::vector<Token>& tokens, const Lexicon& lexicon,
                                     std::vector<bool>& used) {
  Scanner scanner{tokens, lexicon, used, {}};
  for (std::size_t i = 0; i < tokens.size();) {
    const std::size_t next = scanner.match(i);
    i = next > i ? next : i + 1;
  }
  // "from March 1949 to January 1950": one interval spanning both ends.
  std::vector<TimeInterval> merged;
  for (auto& t : scanner.out) {
    if (!merged.empty()) {
      auto& prev = merged.back();
      const std::size_t between = prev.token + 1;
      const bool from_to = prev.token > 0 && tokens[prev.token - 1].lower == "from" &&
                           t.token >= 1 && tokens[t.token - 1].lower == "to" && between <= t.token;
      if (from_to && t.first_day > prev.last_day) {
        prev.last_day = t.last_day;
        prev.token_end = t.token_end;
        prev.text += " to " + t.text;
        continue;
      }
    }
    merged.push_back(std::move(t));
  }
  // A bound: "by January 1950" reaches back without limit, "after 1949" forward.
  constexpr std::int32_t kOpen = 1 << 28;  // far beyond any day number in use
  // The bound word may stand a few words before: "since the Soviet Union collapsed in
  // December 1991" is after December 1991. A clause break ends the search.
  constexpr std::size_t kBoundReach = 6;
  for (auto& t : merged) {
    for (std::size_t back = 1; back <= kBoundReach && back <= t.token; ++back) {
      const std::size_t k = t.token - back;
      if (tokens[k].kind == Token::Kind::kPunct || used[k]) break;
      const std::string& word = tokens[k].lower;
      const std::string two = k > 0 ? tokens[k - 1].lower + " " + word : word;
      const bool before = lexicon.time_before.count(word) || lexicon.time_before.count(two);
      const bool after = lexicon.time_after.count(word) || lexicon.time_after.count(two);
      if (!before && !after) continue;
      if (after && t.text.find(" to ") != std::string::npos) break;  // "from X to Y" is closed
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

}  // namespace crosscheck::detail
