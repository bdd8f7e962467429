#include "crosscheck/calendar.hpp"

#include <charconv>
#include <cstdio>

#include "crosscheck/core.hpp"

namespace crosscheck {

std::int32_t days_from_civil(int y, int m, int d) {
  // Howard Hinnant's days_from_civil, shifted so that 0000-03-01 is day 0.
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe;
}

CivilDate civil_from_days(std::int32_t z) {
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (m <= 2), m, d};
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

int weekday_of(std::int32_t day) {
  // 0000-03-01 was a Wednesday (ISO 3).
  const int r = ((day % 7) + 7) % 7;
  return (r + 2) % 7 + 1;
}

IsoWeek iso_week_of(std::int32_t day) {
  const std::int32_t thursday = day - weekday_of(day) + 4;  // its week's year is the week's
  const int year = civil_from_days(thursday).year;
  return {year, (thursday - days_from_civil(year, 1, 1)) / 7 + 1};
}

std::int32_t monday_of(const IsoWeek& w) {
  const std::int32_t jan4 = days_from_civil(w.year, 1, 4);  // always in week 1
  return jan4 - weekday_of(jan4) + 1 + (w.week - 1) * 7;
}

namespace {

// The number at the front of `s` of exactly `digits` digits, consumed.
std::optional<int> take(std::string_view& s, std::size_t digits) {
  if (s.size() < digits) return std::nullopt;
  int v = 0;
  for (std::size_t i = 0; i < digits; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  s.remove_prefix(digits);
  return v;
}

bool take(std::string_view& s, std::string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  s.remove_prefix(prefix.size());
  return true;
}

using Grain = DayRange::Grain;

DayRange months(int y, int m1, int m2, Grain g) {
  const int y2 = m2 < m1 ? y + 1 : y;
  return {days_from_civil(y, m1, 1), days_from_civil(y2, m2, days_in_month(y2, m2)), g};
}

}  // namespace

std::optional<DayRange> days_of_value(std::string_view v) {
  if (const auto t = v.find('T'); t != std::string_view::npos) v = v.substr(0, t);
  std::string_view s = v;
  if (s.size() == 2) {  // century "19"
    const auto c = take(s, 2);
    if (!c) return std::nullopt;
    return DayRange{days_from_civil(*c * 100, 1, 1), days_from_civil(*c * 100 + 99, 12, 31),
                    Grain::kCentury};
  }
  if (s.size() == 3) {  // decade "199"
    const auto d = take(s, 3);
    if (!d) return std::nullopt;
    return DayRange{days_from_civil(*d * 10, 1, 1), days_from_civil(*d * 10 + 9, 12, 31),
                    Grain::kDecade};
  }
  const auto y = take(s, 4);
  if (!y) return std::nullopt;
  if (s.empty()) return DayRange{days_from_civil(*y, 1, 1), days_from_civil(*y, 12, 31)};
  if (!take(s, "-")) return std::nullopt;
  if (s == "SP") return months(*y, 3, 5, Grain::kSeason);
  if (s == "SU") return months(*y, 6, 8, Grain::kSeason);
  if (s == "FA") return months(*y, 9, 11, Grain::kSeason);
  if (s == "WI") return months(*y, 12, 2, Grain::kSeason);
  if (take(s, "W")) {
    const auto w = take(s, 2);
    if (!w || *w < 1 || *w > 53) return std::nullopt;
    const std::int32_t monday = monday_of({*y, *w});
    if (iso_week_of(monday).year != *y) return std::nullopt;  // "2014-W53": no such week
    if (take(s, "-WE")) {
      if (!s.empty()) return std::nullopt;
      return DayRange{monday + 5, monday + 6, Grain::kDay};
    }
    if (s.empty()) return DayRange{monday, monday + 6, Grain::kWeek};
    return std::nullopt;
  }
  if (take(s, "Q")) {
    const auto q = take(s, 1);
    if (!q || *q < 1 || *q > 4 || !s.empty()) return std::nullopt;
    return months(*y, *q * 3 - 2, *q * 3, Grain::kQuarter);
  }
  if (take(s, "H")) {
    const auto h = take(s, 1);
    if (!h || *h < 1 || *h > 2 || !s.empty()) return std::nullopt;
    return months(*y, *h * 6 - 5, *h * 6, Grain::kHalf);
  }
  const auto m = take(s, 2);
  if (!m || *m < 1 || *m > 12) return std::nullopt;
  if (s.empty()) return months(*y, *m, *m, Grain::kMonth);
  if (!take(s, "-")) return std::nullopt;
  const auto d = take(s, 2);
  if (!d || *d < 1 || *d > days_in_month(*y, *m) || !s.empty()) return std::nullopt;
  const std::int32_t day = days_from_civil(*y, *m, *d);
  return DayRange{day, day, Grain::kDay};
}

const char* to_string(Timex::Type type) {
  switch (type) {
    case Timex::Type::kDate:
      return "DATE";
    case Timex::Type::kTime:
      return "TIME";
    case Timex::Type::kDuration:
      return "DURATION";
    case Timex::Type::kSet:
      return "SET";
  }
  return "DATE";
}

std::string value_at(std::int32_t day, DayRange::Grain grain) {
  const CivilDate c = civil_from_days(day);
  char buf[48];
  switch (grain) {
    case Grain::kCentury:
      std::snprintf(buf, sizeof buf, "%02d", c.year / 100);
      break;
    case Grain::kDecade:
      std::snprintf(buf, sizeof buf, "%03d", c.year / 10);
      break;
    case Grain::kYear:
      std::snprintf(buf, sizeof buf, "%04d", c.year);
      break;
    case Grain::kHalf:
      std::snprintf(buf, sizeof buf, "%04d-H%d", c.year, (c.month - 1) / 6 + 1);
      break;
    case Grain::kQuarter:
      std::snprintf(buf, sizeof buf, "%04d-Q%d", c.year, (c.month - 1) / 3 + 1);
      break;
    case Grain::kSeason: {
      static constexpr const char* kSeason[] = {"WI", "WI", "SP", "SP", "SP", "SU",
                                                "SU", "SU", "FA", "FA", "FA", "WI"};
      std::snprintf(buf, sizeof buf, "%04d-%s", c.month <= 2 ? c.year - 1 : c.year,
                    kSeason[c.month - 1]);
      break;
    }
    case Grain::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", c.year, c.month);
      break;
    case Grain::kWeek: {
      const IsoWeek w = iso_week_of(day);
      std::snprintf(buf, sizeof buf, "%04d-W%02d", w.year, w.week);
      break;
    }
    case Grain::kDay:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
      break;
  }
  return buf;
}

}  // namespace crosscheck
