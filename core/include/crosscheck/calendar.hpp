// Days, weeks and TIMEX3 values: the one calendar every stage counts with. A day is a number
// counted from 0000-03-01 in the proleptic Gregorian calendar; a calendar value is a TIMEX3
// date value ("2013-03-22", "2013-W11", "2013-Q3", "2013-SP", "199", "19") read as the
// closed interval of days it names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace crosscheck {

struct CivilDate {
  int year = 0;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

std::int32_t days_from_civil(int year, int month, int day);
CivilDate civil_from_days(std::int32_t day);
int days_in_month(int year, int month);
int weekday_of(std::int32_t day);  // ISO: 1 Monday .. 7 Sunday

struct IsoWeek {
  int year = 0;
  int week = 1;  // 1..53
};
IsoWeek iso_week_of(std::int32_t day);
std::int32_t monday_of(const IsoWeek& w);

// A calendar value's days, with the grain it was stated at.
struct DayRange {
  enum class Grain : std::uint8_t {
    kCentury,
    kDecade,
    kYear,
    kHalf,
    kSeason,
    kQuarter,
    kMonth,
    kWeek,
    kDay
  };
  std::int32_t first = 0;
  std::int32_t last = 0;
  Grain grain = Grain::kYear;
};

// The days a TIMEX3 DATE or TIME value names ("2013-03-22T14:48Z" is its day), or nothing
// for values that name no stretch of the calendar (PRESENT_REF, XXXX-XX-XX, P1Y).
std::optional<DayRange> days_of_value(std::string_view value);

// "2013-03-22", "2013-03", "2013": the value of day `day` at a grain (weeks "2013-W11",
// quarters "2013-Q1", decades "201", centuries "20").
std::string value_at(std::int32_t day, DayRange::Grain grain);

}  // namespace crosscheck
