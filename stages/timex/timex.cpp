#include "timex/timex.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

namespace crosscheck {
namespace {

using Grain = DayRange::Grain;
using Type = Timex::Type;

// A word as the grammar reads it: lower case, plain apostrophes, periods kept.
struct W {
  std::string text;  // lower case
  std::string bare;  // lower case without periods: "a.m." -> "am", "sept." -> "sept"
  std::string lemma;
  Upos upos = Upos::kX;
  bool capital = false;
  std::int32_t head = -1;  // 0-based; -1: the root
  bool aux = false;        // an auxiliary or copula of its head
};

std::string lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.substr(i, 3) == "\u2019") {  // typographic apostrophe
      out += '\'';
      i += 2;
      continue;
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
  }
  return out;
}

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// A found expression: words [begin, end), before the "the" and modifiers are added.
struct Hit {
  std::size_t begin = 0;
  std::size_t end = 0;
  Type type = Type::kDate;
  std::string value;
  std::string mod;
  bool takes_the = false;        // "the next day", "the 1990s", "the past five years"
  bool relative = false;         // its value comes from the article's date or the last date given
  std::optional<DayRange> days;  // a date it resolved to, for the anchor
};

// "2013-03-22" at grain, moved by n units of a code ("D", "W", "M", "Q", "Y", "10Y").
struct Unit {
  std::string code;  // S MIN H D WE W M Q Y
  int times = 1;     // "10Y": a decade
};

Unit unit_of(const std::string& spec) {
  Unit u;
  std::size_t k = 0;
  while (k < spec.size() && std::isdigit(static_cast<unsigned char>(spec[k]))) ++k;
  if (k > 0) u.times = to_int(std::string_view(spec).substr(0, k));
  u.code = spec.substr(k);
  return u;
}

std::int32_t add_months(std::int32_t day, int months) {
  const CivilDate c = civil_from_days(day);
  int m = c.month - 1 + months;
  int y = c.year + (m >= 0 ? m / 12 : (m - 11) / 12);
  m = ((m % 12) + 12) % 12 + 1;
  return days_from_civil(y, m, std::min(c.day, days_in_month(y, m)));
}

// Day `day` moved by n of unit u, and the grain to state the result at.
std::pair<std::int32_t, Grain> shift(std::int32_t day, int n, const Unit& u) {
  const int k = n * u.times;
  if (u.code == "D") return {day + k, Grain::kDay};
  if (u.code == "W" || u.code == "WE") return {day + 7 * k, Grain::kWeek};
  if (u.code == "M") return {add_months(day, k), Grain::kMonth};
  if (u.code == "Q") return {add_months(day, 3 * k), Grain::kQuarter};
  if (u.code == "Y" && u.times == 10) return {add_months(day, 12 * k), Grain::kDecade};
  if (u.code == "Y" && u.times >= 100) return {add_months(day, 12 * k), Grain::kCentury};
  if (u.code == "Y") return {add_months(day, 12 * k), Grain::kYear};
  return {day, Grain::kDay};  // hours and minutes: the day they fall in
}

// "P3Y", "PT30M", "P6M" for half a year, "PXY" for "several years".
std::string duration_value(double count, const Unit& u, bool vague) {
  std::string code = u.code;
  if (vague) {
    if (code == "Y" && u.times == 10) return "PXDE";
    if (code == "Y" && u.times == 100) return "PXCE";
    const bool clock = code == "H" || code == "MIN" || code == "S";
    return std::string(clock ? "PTX" : "PX") + (code == "MIN" ? "M" : code);
  }
  double n = count * u.times;
  // a fraction goes down a unit: half a year is P6M, half an hour PT30M
  static const std::pair<const char*, std::pair<const char*, double>> kSmaller[] = {
      {"Y", {"M", 12}}, {"M", {"D", 30}},   {"W", {"D", 7}},
      {"D", {"H", 24}}, {"H", {"MIN", 60}}, {"MIN", {"S", 60}}};
  for (const auto& [from, to] : kSmaller)
    if (code == from && std::abs(n - std::round(n)) > 1e-9) {
      code = to.first;
      n *= to.second;
    }
  const bool clock = code == "H" || code == "MIN" || code == "S";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%lld%s", clock ? "PT" : "P", std::llround(n),
                code == "MIN" ? "M" : code.c_str());
  return buf;
}

// Beyond this many units of any kind, a count is no date ("65 million years ago").
constexpr double kFarestYears = 10000;

struct Grammar {
  const std::vector<W>& w;
  const Lexicon& lex;
  const TimeWords& tw;
  TimexContext& context;

  // The tense of the clause word i belongs to, by the tree: the first verb above it (or the
  // word itself), read through its auxiliaries. "will meet on Friday" is ahead of the
  // article, "met on Friday" and "has met" behind it; a present tense says neither.
  enum class Tense { kNone, kPast, kFuture };
  Tense tense(std::size_t i) const {
    std::int32_t v = static_cast<std::int32_t>(i);
    for (int hops = 0; v >= 0 && hops < 8 && w[v].upos != Upos::kVerb; ++hops) v = w[v].head;
    if (v < 0 || w[v].upos != Upos::kVerb) return Tense::kNone;
    bool perfect = false;
    for (std::size_t k = 0; k < w.size(); ++k) {
      if (w[k].head != v || !w[k].aux) continue;
      if (lex.future.count(w[k].text)) return Tense::kFuture;
      if (tw.in("past_auxiliary", w[k].text))
        perfect = true;
      else
        return perfect ? Tense::kPast : Tense::kNone;  // "is", "does", "can": not a past
    }
    if (perfect) return Tense::kPast;
    const std::string& form = w[v].text;
    const std::string& base = w[v].lemma;
    // a present or a participle keeps the base, or adds an ending to it ("meets", "meeting")
    if (form == base) return Tense::kNone;
    const auto it = tw.roles.find("present_ending");
    if (it != tw.roles.end())
      for (const std::string& ending : it->second)
        if (form.ends_with(ending) && form.size() > ending.size() &&
            base.starts_with(
                form.substr(0, std::min(form.size() - ending.size(), base.size() - 1))))
          return Tense::kNone;
    return Tense::kPast;
  }

  const W* at(std::size_t i) const { return i < w.size() ? &w[i] : nullptr; }
  bool is(std::size_t i, std::string_view s) const { return at(i) && at(i)->text == s; }
  bool role(std::size_t i, const char* r) const { return at(i) && tw.in(r, w[i].bare); }
  bool is_punct(std::size_t i) const {
    return at(i) && (at(i)->upos == Upos::kPunct || at(i)->upos == Upos::kSym);
  }
  bool dash(std::size_t i) const { return is(i, "-") || is(i, "\u2013") || is(i, "\u2014"); }

  // The longest phrase of up to 4 words at i that `map` has; returns its length.
  template <typename Map>
  std::size_t phrase(std::size_t i, const Map& map, typename Map::const_iterator& found) const {
    std::string key;
    std::size_t best = 0;
    for (std::size_t n = 1; n <= 4 && at(i + n - 1); ++n) {
      key += (n > 1 ? " " : "") + w[i + n - 1].bare;
      if (auto it = map.find(key); it != map.end()) {
        best = n;
        found = it;
      }
    }
    return best;
  }

  std::optional<int> month(std::size_t i, bool need_name) const {
    if (!at(i)) return std::nullopt;
    const auto it = lex.months.find(w[i].bare);
    if (it == lex.months.end()) return std::nullopt;
    // "may", "march", "jan": a name by its tag or its capital
    const bool named = w[i].upos == Upos::kPropn || w[i].upos == Upos::kNoun;
    if (need_name && !(named && w[i].capital)) return std::nullopt;
    // alone, an abbreviation needs its period: "Jan." but not "Jan said"
    if (need_name && !full_name(lex.months, w[i].bare) && !w[i].text.ends_with("."))
      return std::nullopt;
    if (!named && !w[i].capital) return std::nullopt;
    return it->second;
  }
  // Whether `key` is the longest name of its number in `names`: "monday", not "mon"
  template <typename Map>
  static bool full_name(const Map& names, const std::string& key) {
    const int number = names.at(key);
    for (const auto& [name, n] : names)
      if (n == number && name.size() > key.size()) return false;
    return true;
  }
  // A weekday by its name, or by an abbreviation with its period or before a date ("Sun.",
  // "Sat, May 4", but not "Sun Microsystems")
  std::optional<int> weekday(std::size_t i) const {
    if (!at(i) || !w[i].capital) return std::nullopt;
    const auto it = tw.weekdays.find(w[i].bare);
    if (it == tw.weekdays.end()) return std::nullopt;
    if (!full_name(tw.weekdays, w[i].bare) && !w[i].text.ends_with(".") &&
        !month(skip_comma(i + 1), false) && !day_number(skip_comma(i + 1)))
      return std::nullopt;
    return it->second;
  }
  std::optional<int> day_number(std::size_t i) const {
    if (!at(i)) return std::nullopt;
    std::string_view s = w[i].bare;
    if (const auto n = ordinal(i)) return *n >= 1 && *n <= 31 ? n : std::nullopt;
    if (!digits(s) || s.size() > 2) return std::nullopt;
    const int d = to_int(s);
    return d >= 1 && d <= 31 ? std::optional<int>(d) : std::nullopt;
  }
  std::optional<int> year(std::size_t i) const {
    if (!at(i) || w[i].bare.size() != 4 || !digits(w[i].bare)) return std::nullopt;
    const int y = to_int(w[i].bare);
    return y >= 1000 && y <= 2199 ? std::optional<int>(y) : std::nullopt;
  }
  std::optional<int> ordinal(std::size_t i) const {
    if (!at(i)) return std::nullopt;
    if (auto it = tw.ordinals.find(w[i].bare); it != tw.ordinals.end()) return it->second;
    const std::string& s = w[i].bare;
    const auto it = tw.roles.find("ordinal_ending");  // "21st", "3rd"
    if (it != tw.roles.end())
      for (const std::string& ending : it->second)
        if (s.size() > ending.size() && s.ends_with(ending) &&
            digits(std::string_view(s).substr(0, s.size() - ending.size())))
          return to_int(std::string_view(s).substr(0, s.size() - ending.size()));
    return std::nullopt;
  }
  std::size_t skip_comma(std::size_t i) const {
    while (is(i, ",") || is(i, ".")) ++i;
    return i;
  }

  // The day a value names, for the anchor.
  void resolved(Hit& h) const { h.days = days_of_value(h.value); }

  // The year of a month (and day, when d > 0) that is stated without one, by the tense of
  // the clause at word i: a future looks ahead of the article's date, a past behind it, and
  // a present keeps the article's year. A month counts as ahead while it has days to come.
  int year_for(int m, int d, std::int32_t ref, std::size_t i) const {
    const int y = civil_from_days(ref).year;
    const auto last = [&](int c) {
      return days_from_civil(c, m, d > 0 ? std::min(d, days_in_month(c, m)) : days_in_month(c, m));
    };
    const auto first = [&](int c) {
      return days_from_civil(c, m, d > 0 ? std::min(d, days_in_month(c, m)) : 1);
    };
    // (a day has two weeks' slack either way, for a tense the parse took from the wrong
    // verb: "said it would close on June 17", written June 9; a month has none)
    const std::int32_t kSlack = d > 0 ? 14 : 0;
    switch (tense(i)) {
      case Tense::kFuture:
        return last(y) >= ref - kSlack ? y : y + 1;
      case Tense::kPast:
        return first(y) <= ref + kSlack ? y : y - 1;
      case Tense::kNone:
        break;
    }
    // no tense: the nearer of this year's and a neighbour's
    const auto gap = [&](int c) { return std::abs(static_cast<std::int64_t>(first(c)) - ref); };
    if (gap(y - 1) < gap(y)) return y - 1;
    if (gap(y + 1) < gap(y)) return y + 1;
    return y;
  }

  std::optional<std::int32_t> reference() const {
    return context.article_date ? context.article_date : context.anchor;
  }

  // ---- numbers and units ----
  struct Count {
    std::size_t end = 0;
    double value = 0;
    bool vague = false;
  };
  // A count, with "and a half" after it: "two and a half years"
  std::optional<Count> count(std::size_t i) const {
    auto c = plain_count(i);
    if (c && !c->vague && role(c->end, "and") && role(c->end + 1, "indefinite"))
      if (auto f = at(c->end + 2) ? tw.fractions.find(w[c->end + 2].bare) : tw.fractions.end();
          f != tw.fractions.end()) {
        c->value += f->second;
        c->end += 3;
      }
    return c;
  }
  std::optional<Count> plain_count(std::size_t i) const {
    if (!at(i)) return std::nullopt;
    const std::string& s = w[i].bare;
    // "a couple of", "half a", "a quarter", "a", "one"
    std::map<std::string, double>::const_iterator phrase_count;
    if (const std::size_t n = phrase(i, tw.counts, phrase_count); n > 0)
      return Count{i + n, phrase_count->second};
    if (tw.in("indefinite", s) && at(i + 1)) {
      if (auto f = tw.fractions.find(w[i + 1].bare); f != tw.fractions.end())
        return Count{dash(i + 2) ? i + 3 : i + 2, f->second};
      if (tw.vague.count(w[i + 1].bare)) return Count{i + 2, 0, true};  // "a few"
      return Count{i + 1, 1};
    }
    if (tw.vague.count(s)) return Count{i + 1, 0, true};
    if (w[i].upos == Upos::kNum || digits(s.substr(0, 1))) {
      std::string plain;
      for (char c : s)
        if (c != ',') plain += c;
      double v = 0;
      const auto [p, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), v);
      if (ec == std::errc() && p == plain.data() + plain.size()) return Count{i + 1, v};
    }
    if (auto n = lex.number_words.find(s); n != lex.number_words.end()) {
      double v = n->second;
      std::size_t j = i + 1;
      // "twenty-five", "twenty five"
      const std::size_t k = dash(j) ? j + 1 : j;
      if (v >= 20 && v < 100 && at(k))
        if (auto u = lex.number_words.find(w[k].bare);
            u != lex.number_words.end() && u->second < 10) {
          v += u->second;
          j = k + 1;
        }
      return Count{j, v};
    }
    return std::nullopt;
  }
  // A unit at i (after an optional "-": "12-year"); its code and the index after it.
  // "a second consecutive day": the word is an ordinal there, not a unit
  std::optional<std::pair<Unit, std::size_t>> unit(std::size_t i) const {
    const bool joined = dash(i);
    if (joined) ++i;
    if (!at(i)) return std::nullopt;
    const auto it = tw.units.find(w[i].bare);
    if (it == tw.units.end()) return std::nullopt;
    if (!joined && (w[i].upos == Upos::kAdj || w[i].upos == Upos::kAdv)) return std::nullopt;
    return std::pair{unit_of(it->second), i + 1};
  }
  // A unit after a count, past one modifier: "six straight days", "five trading days" (but
  // "15,000 last week" counts no weeks)
  std::optional<std::pair<Unit, std::size_t>> counted_unit(std::size_t i) const {
    if (auto u = unit(i)) return u;
    const bool modifier =
        at(i) && (w[i].upos == Upos::kAdj || w[i].upos == Upos::kNoun || w[i].upos == Upos::kVerb);
    if (!modifier || tw.units.count(w[i].bare) || tw.shifts.count(w[i].bare) ||
        tw.narrative.count(w[i].bare) || tw.mods.count(w[i].bare))
      return std::nullopt;
    return unit(i + 1);
  }
  static bool plural(const std::string& word) { return word.size() > 2 && word.back() == 's'; }

  // ---- the patterns, each at word i ----

  std::optional<Hit> deictic(std::size_t i) const {
    std::map<std::string, std::string>::const_iterator it;
    const std::size_t n = phrase(i, tw.deictic, it);
    if (n == 0) return std::nullopt;
    // "the past five years", "recent years": a stretch of time, not the past at large
    if (unit(i + n) || (count(i + n) && counted_unit(count(i + n)->end))) return std::nullopt;
    Hit h{i, i + n};
    const std::string& spec = it->second;
    if (spec.ends_with("_REF")) {
      h.value = spec;
      return h;
    }
    const auto space = spec.find(' ');
    const int days = to_int(spec.substr(spec[0] == '-' || spec[0] == '+' ? 0 : 0, spec.find('D')));
    const auto ref = context.article_date;
    h.value = ref ? value_at(*ref + days, Grain::kDay) : "XXXX-XX-XX";
    if (space != std::string::npos) {
      h.type = Type::kTime;
      h.value += "T" + spec.substr(space + 1);
    }
    if (ref) h.days = DayRange{*ref + days, *ref + days, Grain::kDay};
    return h;
  }

  // "7:37", "07:37 a.m.", "7 p.m.", "0737 GMT", "noon", with a zone
  std::optional<Hit> clock(std::size_t i) const {
    if (!at(i)) return std::nullopt;
    const std::string& s = w[i].bare;
    int hour = -1, minute = 0;
    std::size_t j = i + 1;
    bool sure = false;  // a colon or a zone makes "1200" a time, not a year
    if (const auto colon = s.find(':'); colon != std::string::npos && colon > 0 && colon <= 2 &&
                                        digits(s.substr(0, colon)) && s.size() == colon + 3 &&
                                        digits(s.substr(colon + 1))) {
      hour = to_int(s.substr(0, colon));
      minute = to_int(s.substr(colon + 1));
      sure = true;
    } else if (auto part = tw.day_parts.find(s);
               part != tw.day_parts.end() && part->second.find(':') != std::string::npos) {
      hour = to_int(part->second.substr(0, 2));
      minute = to_int(part->second.substr(3));
      sure = true;
    } else if (digits(s) && s.size() == 4 && to_int(s.substr(0, 2)) < 24 &&
               to_int(s.substr(2)) < 60) {
      hour = to_int(s.substr(0, 2));
      minute = to_int(s.substr(2));
    } else if (digits(s) && s.size() <= 2 && to_int(s) >= 1 && to_int(s) <= 12 && at(j) &&
               tw.meridiem.count(w[j].bare)) {
      hour = to_int(s);
    } else {
      return std::nullopt;
    }
    if (hour > 24 || minute > 59 || (hour == 24 && minute > 0)) return std::nullopt;
    if (at(j) && tw.meridiem.count(w[j].bare)) {
      if (hour > 12) return std::nullopt;  // "13:30 p.m."
      const int add = tw.meridiem.at(w[j].bare);
      if (hour == 12) hour = 0;
      hour += add;
      ++j;
      sure = true;
    }
    std::string zone;
    const std::size_t open = is(j, "(") ? j + 1 : j;  // "(1200 GMT)" keeps its bracket out
    std::map<std::string, std::string>::const_iterator z;
    if (const std::size_t n = phrase(open, tw.zones, z); n > 0 && open == j) {
      zone = z->second;
      j += n;
      sure = true;
    }
    if (!sure) return std::nullopt;
    Hit h{i, j, Type::kTime};
    // its day: a date that follows ("12:00 UTC Monday", "16:00 UTC today"), or the last one
    std::optional<std::int32_t> day = context.anchor && context.anchor_grain == Grain::kDay
                                          ? context.anchor
                                          : context.article_date;
    if (auto d = date_after_clock(j)) {
      day = d->first;
      h.end = d->second;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:%02d", hour, minute);
    h.value = (day ? value_at(*day, Grain::kDay) : "XXXX-XX-XX") + buf + zone;
    return h;
  }
  std::optional<std::pair<std::int32_t, std::size_t>> date_after_clock(std::size_t j) const {
    std::size_t k = role(j, "on") ? j + 1 : j;
    if (auto d = deictic(k); d && d->days && d->type == Type::kDate)
      return std::pair{d->days->first, d->end};
    if (auto d = weekday_date(k); d && d->days) return std::pair{d->days->first, d->end};
    return std::nullopt;
  }

  // ISO "2013-03-22" (one word or five), "3/22/2013"
  std::optional<Hit> numeric_date(std::size_t i) const {
    if (!at(i)) return std::nullopt;
    const std::string& s = w[i].text;
    int y = 0, m = 0, d = 0;
    std::size_t end = i + 1;
    if (s.size() == 10 && s[4] == '-' && s[7] == '-' && digits(s.substr(0, 4)) &&
        digits(s.substr(5, 2)) && digits(s.substr(8, 2))) {
      y = to_int(s.substr(0, 4));
      m = to_int(s.substr(5, 2));
      d = to_int(s.substr(8, 2));
    } else if (year(i) && dash(i + 1) && at(i + 2) && w[i + 2].text.size() == 2 &&
               digits(w[i + 2].text) && dash(i + 3) && at(i + 4) && w[i + 4].text.size() == 2 &&
               digits(w[i + 4].text)) {
      y = *year(i);
      m = to_int(w[i + 2].text);
      d = to_int(w[i + 4].text);
      end = i + 5;
    } else if (const auto a = s.find('/'), b = s.rfind('/');
               a != std::string::npos && b > a && digits(s.substr(0, a)) &&
               digits(s.substr(a + 1, b - a - 1)) && digits(s.substr(b + 1)) &&
               (s.size() - b - 1 == 4 || s.size() - b - 1 == 2)) {
      m = to_int(s.substr(0, a));
      d = to_int(s.substr(a + 1, b - a - 1));
      y = to_int(s.substr(b + 1));
      if (y < 100) y += y >= 30 ? 1900 : 2000;  // "7/8/07"
      if (m > 12) std::swap(m, d);              // 22/03/2013
    } else {
      return std::nullopt;
    }
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
    Hit h{i, end};
    h.value = value_at(days_from_civil(y, m, d), Grain::kDay);
    resolved(h);
    return h;
  }

  // [Weekday,] Month Day[,] [Year] | [Weekday,] Day Month [Year] | Month [of] Year | Month
  std::optional<Hit> calendar_date(std::size_t i) const {
    std::size_t start = i;
    if (weekday(i)) i = skip_comma(i + 1);
    int m = 0, d = 0;
    std::size_t j = 0;
    if (auto mm = month(i, false)) {
      m = *mm;
      j = skip_comma(i + 1);
      if (auto dd = day_number(j); dd && !year(j)) {
        d = *dd;
        j = j + 1;
      }
    } else if (auto dd = day_number(i)) {
      std::size_t k = i + 1;
      if (role(k, "of")) ++k;
      if (auto named = month(k, false)) {
        d = *dd;
        m = *named;
        j = k + 1;
      }
    }
    if (m == 0) return std::nullopt;
    std::size_t k = skip_comma(j);
    if (role(k, "of") && year(k + 1)) ++k;
    Hit h{start};
    if (auto y = year(k)) {
      h.end = k + 1;
      h.value = d ? value_at(days_from_civil(*y, m, std::min(d, days_in_month(*y, m))), Grain::kDay)
                  : value_at(days_from_civil(*y, m, 1), Grain::kMonth);
    } else {
      if (start != i && d == 0) return std::nullopt;       // "Monday, May" is no date
      if (d == 0 && !month(i, true)) return std::nullopt;  // a bare month must be a name
      h.end = d ? j : i + 1;
      h.relative = true;
      // "March and April 1950", "from March to May 1949": the year of the month after
      if (d == 0 && at(h.end) && (lex.time_range_to.count(w[h.end].bare) || dash(h.end)))
        if (auto m2 = month(h.end + 1, false)) {
          const std::size_t k2 = skip_comma(h.end + 2);
          if (auto y2 = year(k2)) {
            h.value = value_at(days_from_civil(*m2 >= m ? *y2 : *y2 - 1, m, 1), Grain::kMonth);
            resolved(h);
            return h;
          }
        }
      // "April last year", "in June of next year"
      const std::size_t sh = role(h.end, "of") ? h.end + 1 : h.end;
      if (at(sh) && tw.shifts.count(w[sh].bare) && context.article_date)
        if (auto u = unit(sh + 1);
            u && u->second == sh + 2 && u->first.code == "Y" && u->first.times == 1) {
          const int year = civil_from_days(*context.article_date).year + tw.shifts.at(w[sh].bare);
          h.end = sh + 2;
          h.value = d ? value_at(days_from_civil(year, m, std::min(d, days_in_month(year, m))),
                                 Grain::kDay)
                      : value_at(days_from_civil(year, m, 1), Grain::kMonth);
          resolved(h);
          return h;
        }
      const auto ref = reference();
      if (!ref) {
        char buf[16];
        std::snprintf(buf, sizeof buf, d ? "XXXX-%02d-%02d" : "XXXX-%02d", m, d);
        h.value = buf;
        return h;
      }
      const int in = year_for(m, d, *ref, i);
      h.value = d ? value_at(days_from_civil(in, m, std::min(d, days_in_month(in, m))), Grain::kDay)
                  : value_at(days_from_civil(in, m, 1), Grain::kMonth);
    }
    resolved(h);
    return h;
  }

  // 1990s, 1990's, '90s, 70s, '82, the 20th century
  std::optional<Hit> era(std::size_t i) const {
    if (!at(i)) return std::nullopt;
    std::string s = w[i].bare;
    const bool apostrophe = s.starts_with("'") || (i > 0 && is(i - 1, "'"));
    if (s.starts_with("'")) s.erase(0, 1);
    std::size_t end = i + 1;
    bool plural = false;
    for (const auto& suffix : {std::string("'s"), std::string("s")})
      if (s.size() > suffix.size() && s.ends_with(suffix)) {
        s.resize(s.size() - suffix.size());
        plural = true;
        break;
      }
    if (!plural && digits(s) && (is(i + 1, "'s") || (is(i + 1, "'") && is(i + 2, "s")))) {
      plural = true;
      end = is(i + 1, "'s") ? i + 2 : i + 3;
    }
    // a two-digit year is of the 1900s from 30 on, else of the 2000s ("'82", "the '90s")
    const auto full = [](int yy) { return yy >= 30 ? 1900 + yy : 2000 + yy; };
    Hit h{apostrophe && !w[i].bare.starts_with("'") ? i - 1 : i, end};
    h.takes_the = true;
    // "in her 20s" is an age, not a decade
    const bool age = s.size() == 2 && !apostrophe && i > 0 && w[i - 1].upos == Upos::kPron;
    if (plural && !age && digits(s) && (s.size() == 4 || s.size() == 2) && s.back() == '0') {
      const int y = s.size() == 4 ? to_int(s) : full(to_int(s));
      h.value = std::to_string(y / 10);
      resolved(h);
      return h;
    }
    if (!plural && apostrophe && s.size() == 2 && digits(s)) {
      h.value = std::to_string(full(to_int(s)));
      resolved(h);
      return h;
    }
    if (auto n = ordinal(i); n && *n >= 1 && *n <= 22) {
      if (auto u = unit(i + 1); u && u->first.code == "Y" && u->first.times == 100) {
        Hit c{i, u->second};
        char buf[8];
        std::snprintf(buf, sizeof buf, "%02d", *n - 1);
        c.value = buf;
        c.takes_the = true;
        resolved(c);
        return c;
      }
    }
    return std::nullopt;
  }

  // "1999", "the 2008 election" (a year by its tag and place, not "2000 troops")
  std::optional<Hit> bare_year(std::size_t i) const {
    auto y = year(i);
    // "1950-53": the second year of a range, in the first one's century
    if (!y && i >= 2 && dash(i - 1) && year(i - 2) && at(i) && w[i].bare.size() == 2 &&
        digits(w[i].bare)) {
      int second = *year(i - 2) / 100 * 100 + to_int(w[i].bare);
      if (second <= *year(i - 2)) second += 100;  // "the 1999-00 season"
      if (second - *year(i - 2) > 10) return std::nullopt;
      Hit h{i, i + 1};
      h.value = std::to_string(second);
      resolved(h);
      return h;
    }
    if (!y || w[i].upos != Upos::kNum) {
      if (!y || w[i].upos == Upos::kPunct) return std::nullopt;
    }
    if (at(i + 1) && (w[i + 1].upos == Upos::kNoun) && plural(w[i + 1].bare)) return std::nullopt;
    if (at(i + 1) && (w[i + 1].text == "%" || tw.units.count(w[i + 1].bare))) return std::nullopt;
    if (i > 0 && (lex.currencies.count(w[i - 1].text) || w[i - 1].text == "#"))
      return std::nullopt;  // "$1999", "€1500"
    Hit h{i, i + 1};
    h.value = w[i].bare;
    resolved(h);
    return h;
  }

  // season [of] year; "the third quarter [of 2009]", "the first half of this year", "Q3"
  std::optional<Hit> part_of_year(std::size_t i) const {
    if (!at(i)) return std::nullopt;
    if (auto s = tw.seasons.find(w[i].bare); s != tw.seasons.end()) {
      std::size_t k = role(i + 1, "of") ? i + 2 : i + 1;
      if (auto y = year(k)) {
        Hit h{i, k + 1};
        h.value = w[k].bare + "-" + s->second;
        h.takes_the = true;
        resolved(h);
        return h;
      }
      // "in spring", "in the autumn": this year's, by the tense of the clause
      const auto months = lex.seasons.find(w[i].bare);
      const bool noun = w[i].upos == Upos::kNoun || w[i].upos == Upos::kPropn;
      const std::size_t before = i > 0 && role(i - 1, "definite") ? i - 1 : i;
      if (!noun || before == 0 || w[before - 1].upos != Upos::kAdp || role(i + 1, "of") ||
          !reference() || months == lex.seasons.end())
        return std::nullopt;
      const CivilDate c = civil_from_days(*reference());
      const Tense t = tense(i);
      int y = c.year;
      if (t == Tense::kPast && months->second.first > c.month) --y;
      if (t == Tense::kFuture && months->second.second < c.month &&
          months->second.first <= months->second.second)
        ++y;
      Hit h{i, i + 1};
      h.value = std::to_string(y) + "-" + s->second;
      h.takes_the = true;
      h.relative = true;
      resolved(h);
      return h;
    }
    std::optional<int> n = ordinal(i);
    std::size_t k = dash(i + 1) ? i + 2 : i + 1;  // "third-quarter"
    std::string code;
    if (n && at(k))
      if (auto p = tw.periods.find(w[k].bare); p != tw.periods.end()) code = p->second;
    if (code.empty() && at(i) && w[i].bare.size() == 2 && w[i].bare[0] == 'q' &&
        w[i].bare[1] >= '1' && w[i].bare[1] <= '4' && w[i].capital) {
      n = w[i].bare[1] - '0';
      code = "Q";
      k = i;
    }
    if (code.empty() || (code == "Q" && *n > 4) || (code == "H" && *n > 2)) return std::nullopt;
    Hit h{i, k + 1};
    h.takes_the = true;
    std::optional<int> y;
    if (role(k + 1, "of") && year(k + 2)) {
      y = year(k + 2);
      h.end = k + 3;
    } else if (role(k + 1, "of") && at(k + 2) && tw.shifts.count(w[k + 2].bare) && unit(k + 3) &&
               unit(k + 3)->first.code == "Y" && unit(k + 3)->first.times == 1 && reference()) {
      y = civil_from_days(*reference()).year + tw.shifts.at(w[k + 2].bare);
      h.end = k + 4;
    } else if (reference()) {
      // a part of the year not yet begun is last year's when the clause speaks of the past
      const CivilDate c = civil_from_days(*reference());
      const int first_month = code == "Q" ? *n * 3 - 2 : *n * 6 - 5;
      h.relative = true;
      y = c.year - (first_month > c.month && tense(i) == Tense::kPast);
    }
    char buf[16];
    if (y)
      std::snprintf(buf, sizeof buf, "%04d-%s%d", *y, code.c_str(), *n);
    else
      std::snprintf(buf, sizeof buf, "XXXX-%s%d", code.c_str(), *n);
    h.value = buf;
    resolved(h);
    return h;
  }

  // "Monday", "Monday night", dated from the article by the clause's tense: the latest such
  // day up to it, or the next from it; `step` forces a direction ("last", "next").
  std::optional<Hit> weekday_date(std::size_t i, int step = 0) const {
    auto wd = weekday(i);
    if (!wd) return std::nullopt;
    Hit h{i, i + 1};
    const auto ref = context.article_date;
    if (!ref) {
      h.value = "XXXX-WXX-" + std::to_string(*wd);
    } else {
      const int today = weekday_of(*ref);
      std::int32_t day;
      const int forward = (*wd - today + 7) % 7, back = (today - *wd + 7) % 7;
      const Tense t = tense(i);
      // a present tense says no direction: the nearer one ("is due on Wednesday")
      const bool ahead =
          step > 0 || (step == 0 && (t == Tense::kFuture || (t == Tense::kNone && forward < back)));
      if (ahead)
        day = *ref + ((*wd - today + 7) % 7 == 0 && step > 0 ? 7 : (*wd - today + 7) % 7);
      else
        day = *ref - ((today - *wd + 7) % 7 == 0 && step < 0 ? 7 : (today - *wd + 7) % 7);
      h.value = value_at(day, Grain::kDay);
      h.days = DayRange{day, day, Grain::kDay};
    }
    if (at(i + 1))
      if (auto part = tw.day_parts.find(w[i + 1].bare);
          part != tw.day_parts.end() && part->second.find(':') == std::string::npos) {
        h.type = Type::kTime;
        h.value += "T" + part->second;
        h.end = i + 2;
      }
    return h;
  }

  // last / this / next + unit, weekday, month or season; "the past five years"
  std::optional<Hit> shifted(std::size_t i) const {
    if (!at(i)) return std::nullopt;
    const auto sh = tw.shifts.find(w[i].bare);
    if (sh == tw.shifts.end()) return std::nullopt;
    const bool with_the = i > 0 && role(i - 1, "definite");
    const int n = sh->second;
    const auto ref = context.article_date;
    // "the past five years", "the next six months": a stretch of time
    if (auto c = count(i + 1); c && !role(i + 1, "indefinite")) {
      if (auto u = unit(c->end)) {
        Hit h{i, u->second, Type::kDuration};
        h.value = duration_value(c->value, u->first, c->vague);
        h.takes_the = true;
        return h;
      }
    }
    if (auto u = unit(i + 1); u && plural(w[u->second - 1].bare)) {
      Hit h{i, u->second, Type::kDuration};  // "in the coming years", "past months"
      h.value = duration_value(0, u->first, true);
      h.takes_the = true;
      return h;
    }
    if (auto u = unit(i + 1); u && !plural(w[u->second - 1].bare)) {
      Hit h{i, u->second};
      if (with_the && role(i, "stretch")) {  // "the past year", "over the past decade": how long
        h.type = Type::kDuration;
        h.value = duration_value(1, u->first, false);
        h.takes_the = true;
        return h;
      }
      if (!ref) {
        h.value = n < 0 ? "PAST_REF" : n > 0 ? "FUTURE_REF" : "PRESENT_REF";
        return h;
      }
      const Unit& unit = u->first;
      if (unit.code == "D" || unit.code == "H" || unit.code == "MIN" || unit.code == "S")
        return std::nullopt;  // "last day", "this hour": not dated so
      auto [day, grain] = shift(*ref, n, unit);
      h.value = value_at(day, grain);
      if (unit.code == "WE") h.value += "-WE";
      resolved(h);
      return h;
    }
    if (weekday(i + 1)) {
      auto h = weekday_date(i + 1, n == 0 ? 0 : n);
      if (!h) return std::nullopt;
      h->begin = i;
      return h;
    }
    if (auto m = month(i + 1, false); m && ref) {
      const CivilDate c = civil_from_days(*ref);
      int y = c.year;
      if (n < 0) y = *m < c.month ? c.year : c.year - 1;
      if (n > 0) y = *m > c.month ? c.year : c.year + 1;
      Hit h{i, i + 2};
      h.value = value_at(days_from_civil(y, *m, 1), Grain::kMonth);
      resolved(h);
      return h;
    }
    if (auto s = at(i + 1) ? tw.seasons.find(w[i + 1].bare) : tw.seasons.end();
        s != tw.seasons.end()) {
      Hit h{i, i + 2};
      if (!ref) {
        h.value = "XXXX-" + s->second;
        return h;
      }
      // by the seasons' own days, so that winter runs across the new year: "last winter"
      // written in January is the winter before the one under way
      const int year = civil_from_days(*ref).year;
      std::optional<int> y;
      for (int c = year - 2; c <= year + 1; ++c) {
        const auto days = days_of_value(std::to_string(c) + "-" + s->second);
        if (!days) continue;
        const bool ended = days->last < *ref, begun = days->first <= *ref;
        if (n < 0 && ended) y = c;             // the latest that has ended
        if (n > 0 && !begun && !y) y = c;      // the first still to come
        if (n == 0 && begun && !ended) y = c;  // the one under way
      }
      if (!y) y = year;  // "this summer" written in March or in October: this year's
      h.value = std::to_string(*y) + "-" + s->second;
      resolved(h);
      return h;
    }
    return std::nullopt;
  }

  // "the next day", "that year", "the following week", "the same day", "that night"
  std::optional<Hit> narrative(std::size_t i) const {
    if (!at(i)) return std::nullopt;
    const auto nv = tw.narrative.find(w[i].bare);
    std::size_t k = i + 1;
    int n = 0;
    if (role(i, "definite")) {
      // "the day", "the weekend": the day or weekend of the last date given ("shares fell
      // 3% on the day")
      auto u = unit(i + 1);
      if (!u || u->second != i + 2 || plural(w[i + 1].bare) ||
          (u->first.code != "D" && u->first.code != "WE") || u->first.times != 1 ||
          (at(i + 2) && !is_punct(i + 2) && w[i + 2].upos != Upos::kAdp &&
           w[i + 2].upos != Upos::kCconj))
        return std::nullopt;
      if (!context.anchor || context.anchor_grain != Grain::kDay) return std::nullopt;
      Hit h{i, i + 2};
      h.value = u->first.code == "D" ? value_at(*context.anchor, Grain::kDay)
                                     : value_at(*context.anchor, Grain::kWeek) + "-WE";
      resolved(h);
      return h;
    }
    if (nv != tw.narrative.end()) {
      n = nv->second;
      const bool with_the = i > 0 && role(i - 1, "definite");
      if (!with_the && !role(i, "demonstrative")) return std::nullopt;
    } else {
      return std::nullopt;
    }
    Hit h{i, k + 1};
    h.takes_the = true;
    if (at(k))
      if (auto part = tw.day_parts.find(w[k].bare);
          part != tw.day_parts.end() && part->second.find(':') == std::string::npos && n == 0) {
        h.type = Type::kTime;
        h.value = (context.anchor && context.anchor_grain == Grain::kDay
                       ? value_at(*context.anchor, Grain::kDay)
                       : "XXXX-XX-XX") +
                  "T" + part->second;
        return h;
      }
    auto u = unit(k);
    if (!u || u->second != k + 1 || plural(w[k].bare)) return std::nullopt;
    const Unit& unit = u->first;
    if (unit.code == "H" || unit.code == "MIN" || unit.code == "S") return std::nullopt;
    if (!context.anchor) {
      h.value = "XXXX-XX-XX";
      return h;
    }
    auto [day, grain] = shift(*context.anchor, n, unit);
    if (static_cast<int>(grain) > static_cast<int>(context.anchor_grain)) {
      h.value = "XXXX-XX-XX";  // "the next day" after "in 1950": which day is not known
      return h;
    }
    h.value = value_at(day, grain);
    resolved(h);
    return h;
  }

  // "three years", "a quarter-century", "12-year", "six months ago", "four days later",
  // "every year", "15 a year"
  std::optional<Hit> counted(std::size_t i) const {
    if (!at(i)) return std::nullopt;
    bool every = tw.every.count(w[i].bare) > 0;
    std::size_t j = every ? i + 1 : i;
    std::optional<Count> c = count(j);
    if (!c && every) c = Count{j, 1};
    if (!c) return std::nullopt;
    auto u = counted_unit(c->end);
    if (!u) return std::nullopt;
    Unit unit = u->first;
    std::size_t end = u->second;
    const bool ages = dash(end) && role(end + 1, "suffix");  // "33-year-old"
    if (ages) end += 2;
    // "a year" after a number, a unit or "twice": how often
    const bool rate = !every && role(j, "indefinite") && i > 0 &&
                      (w[i - 1].upos == Upos::kNum || role(i - 1, "rate") ||
                       tw.units.count(w[i - 1].bare));  // "12 hours a day"
    if (every || rate) {
      Hit h{i, end, Type::kSet};
      h.value = duration_value(c->vague ? 1 : c->value, unit, false);
      return h;
    }
    if (at(end) && !ages) {
      std::map<std::string, std::string>::const_iterator off;
      if (const std::size_t n = phrase(end, tw.offsets, off); n > 0) {
        const std::string& how = off->second;
        const bool loose = how == "-" || how == "+";
        // "two days before the vote": a duration and a signal, not a date
        const bool bounded = loose && role(end, "signal") && at(end + n) && !is_punct(end + n);
        if (!bounded) {
          const int sign = how[0] == '-' ? -1 : 1;
          const auto ref = how.ends_with("dct") ? context.article_date : context.anchor;
          Hit h{i, end + n};
          // a count too large for the calendar ("65 million years ago"), or not whole
          const bool far = c->value * unit.times > kFarestYears;
          if (c->vague || !ref || far || std::abs(c->value - std::round(c->value)) > 1e-9) {
            h.value = sign < 0 ? "PAST_REF" : "FUTURE_REF";
            return h;
          }
          auto [day, grain] = shift(*ref, sign * static_cast<int>(std::lround(c->value)), unit);
          // "in 1950 ... four days later": which day is not known
          if (!how.ends_with("dct") &&
              static_cast<int>(grain) > static_cast<int>(context.anchor_grain)) {
            h.value = "XXXX-XX-XX";
            return h;
          }
          h.value = value_at(day, grain);
          resolved(h);
          return h;
        }
      }
    }
    Hit h{i, end, Type::kDuration};
    h.value = duration_value(c->value, unit, c->vague);
    return h;
  }

  // "for years", "within minutes", "decades-long": a unit without a count
  std::optional<Hit> bare_units(std::size_t i) const {
    if (!at(i) || i == 0 || !plural(w[i].bare)) return std::nullopt;
    auto u = unit(i);
    if (!u || u->second != i + 1) return std::nullopt;
    const bool long_ = dash(i + 1) && role(i + 2, "suffix");
    if (w[i - 1].upos != Upos::kAdp && !long_) return std::nullopt;
    Hit h{i, long_ ? i + 3 : i + 1, Type::kDuration};
    h.value = duration_value(0, u->first, true);
    return h;
  }

  std::optional<Hit> frequency(std::size_t i) const {
    if (!at(i)) return std::nullopt;
    if (auto f = tw.frequencies.find(w[i].bare); f != tw.frequencies.end()) {
      Hit h{i, i + 1, Type::kSet};
      h.value = f->second;
      return h;
    }
    if (tw.every.count(w[i].bare) && weekday(i + 1)) {
      Hit h{i, i + 2, Type::kSet};
      h.value = "XXXX-WXX-" + std::to_string(*weekday(i + 1));
      return h;
    }
    return std::nullopt;
  }

  std::optional<Hit> core(std::size_t i) const {
    using Pattern = std::optional<Hit> (Grammar::*)(std::size_t) const;
    static constexpr Pattern kPatterns[] = {
        &Grammar::numeric_date, &Grammar::clock,      &Grammar::calendar_date,
        &Grammar::part_of_year, &Grammar::era,        &Grammar::frequency,
        &Grammar::counted,      &Grammar::narrative,  &Grammar::shifted,
        &Grammar::deictic,      &Grammar::bare_units, &Grammar::bare_year};
    // what the words leave to the article's date: a clock time's day, "Monday", "last year",
    // "the next day", "today", "six months ago"
    static constexpr Pattern kRelative[] = {&Grammar::clock, &Grammar::shifted, &Grammar::narrative,
                                            &Grammar::deictic};
    for (Pattern p : kPatterns)
      if (auto h = (this->*p)(i)) {
        if (std::find(std::begin(kRelative), std::end(kRelative), p) != std::end(kRelative) ||
            (p == &Grammar::counted && h->type == Type::kDate))
          h->relative = true;
        return h;
      }
    if (auto h = weekday_date(i)) {
      h->relative = true;
      return h;
    }
    return std::nullopt;
  }

  // The words before a hit that belong to it: "the", and modifiers ("early", "mid-",
  // "nearly", "the end of").
  void widen(Hit& h, std::size_t floor) const {
    if (h.takes_the && h.begin > floor && role(h.begin - 1, "definite")) --h.begin;
    for (bool grew = true; grew;) {
      grew = false;
      // "mid-2009": the dash joins
      std::size_t b = h.begin;
      if (b > floor + 1 && dash(b - 1) && tw.mods.count(w[b - 2].bare) &&
          h.type != Type::kDuration) {
        h.mod = tw.mods.at(w[b - 2].bare);
        h.begin = b - 2;
        grew = true;
        continue;
      }
      for (std::size_t n = 4; n >= 1; --n) {
        if (b < floor + n) continue;
        std::string key;
        for (std::size_t k = b - n; k < b; ++k) key += (k > b - n ? " " : "") + w[k].bare;
        const auto it = tw.mods.find(key);
        if (it == tw.mods.end()) continue;
        // "over the past decade": a preposition, not "over a year"
        if (n == 1 && w[b - 1].upos == Upos::kAdp && it->second != "APPROX") continue;
        const std::string& mod = it->second;
        const bool span_mod = mod == "START" || mod == "END" || mod == "MID";
        // "over a year", "nearly a decade": amounts of time; "about 1950", "around 7 p.m."
        const bool fits = span_mod ? h.type != Type::kDuration && h.type != Type::kSet
                          : mod == "APPROX"
                              ? h.type != Type::kSet && (n > 1 || !tw.in("loose_approx", key) ||
                                                         h.type == Type::kDuration)
                              : h.type == Type::kDuration;
        if (!fits) continue;
        if (h.mod.empty()) h.mod = mod;
        h.begin = b - n;
        grew = true;
        break;
      }
    }
  }
};

}  // namespace

std::vector<Timex> find_timexes(const std::vector<Word>& words, const Lexicon& lexicon,
                                TimexContext& context) {
  std::vector<W> w;
  w.reserve(words.size());
  for (const Word& word : words) {
    W x;
    x.text = lower(word.form);
    for (char c : x.text)
      if (c != '.' || x.text.size() == 1) x.bare += c;
    x.lemma = lower(word.lemma);
    x.upos = word.upos;
    x.capital = !word.form.empty() && std::isupper(static_cast<unsigned char>(word.form[0]));
    x.head =
        word.head > 0 && word.head <= words.size() ? static_cast<std::int32_t>(word.head) - 1 : -1;
    x.aux = word.deprel == "aux" || word.deprel == "aux:pass" || word.deprel == "cop";
    w.push_back(std::move(x));
  }
  if (!context.anchor && context.article_date) context.anchor = context.article_date;
  Grammar g{w, lexicon, lexicon.time_words, context};
  std::vector<Timex> out;
  std::size_t floor = 0;  // words before it belong to an earlier expression
  for (std::size_t i = 0; i < w.size();) {
    auto hit = g.core(i);
    if (!hit || hit->end <= i) {
      ++i;
      continue;
    }
    g.widen(*hit, floor);
    Timex t;
    t.word = static_cast<std::uint32_t>(hit->begin);
    t.word_end = static_cast<std::uint32_t>(hit->end);
    t.span = {words[hit->begin].span.begin, words[hit->end - 1].span.end};
    t.type = hit->type;
    t.value = std::move(hit->value);
    t.mod = std::move(hit->mod);
    t.temporal_function = hit->relative;
    if (hit->days && (t.type == Type::kDate || t.type == Type::kTime)) {
      context.anchor = hit->days->first;
      context.anchor_grain = hit->days->grain == Grain::kWeek ? Grain::kWeek : hit->days->grain;
    }
    out.push_back(std::move(t));
    floor = hit->end;
    i = hit->end;
  }
  return out;
}

namespace {

// A full date in words ("May 2, 2013"), or a clock time, that no preposition of dates
// introduces ("on June 25, 1950", "at 1:30 a.m." are given to an act).
bool unintroduced(const std::vector<Word>& words, const Timex& t, const Lexicon& lexicon) {
  if (t.type != Type::kDate && t.type != Type::kTime) return false;
  const auto d = days_of_value(t.value);
  if (!d || d->grain != Grain::kDay) return false;
  if (t.type == Type::kDate && t.temporal_function) return false;  // "yesterday", "Monday"
  return t.word == 0 || !lexicon.time_words.in("date_preposition", lower(words[t.word - 1].form));
}

}  // namespace

bool stamp_like(const std::vector<Word>& words, const std::vector<Timex>& timexes, std::size_t x,
                const Lexicon& lexicon) {
  const Timex& t = timexes[x];
  if (!unintroduced(words, t, lexicon)) return false;
  if (t.type == Type::kDate) return true;
  // a clock time belongs to a stamp beside it: "May 2, 2013 1:35 pm", "22:07 GMT, 7 July 2012"
  constexpr std::uint32_t kBeside = 3;  // words between them, punctuation included
  for (std::size_t y = 0; y < timexes.size(); ++y) {
    const Timex& d = timexes[y];
    if (y == x || d.type != Type::kDate || !unintroduced(words, d, lexicon)) continue;
    if ((d.word_end <= t.word && t.word - d.word_end <= kBeside) ||
        (t.word_end <= d.word && d.word - t.word_end <= kBeside))
      return true;
  }
  return false;
}

std::optional<std::size_t> stamp_of(const std::vector<Word>& words,
                                    const std::vector<Timex>& timexes, const Lexicon& lexicon) {
  for (std::size_t x = 0; x < timexes.size(); ++x)
    if (timexes[x].type == Type::kDate && stamp_like(words, timexes, x, lexicon)) return x;
  return std::nullopt;
}

std::optional<std::int32_t> first_full_date(const std::vector<Word>& words,
                                            const Lexicon& lexicon) {
  TimexContext none;
  const auto timexes = find_timexes(words, lexicon, none);
  if (const auto x = stamp_of(words, timexes, lexicon))
    return days_of_value(timexes[*x].value)->first;
  return std::nullopt;
}

}  // namespace crosscheck
