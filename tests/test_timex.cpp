// The timex stage on sentences in news phrasing of our own: each row gives the article's
// date and the expressions a reader resolves in the sentence, with their TIMEX3 type, value
// and modifier (TimeML conventions). Also the calendar the values are read with, narrative
// chains across sentences, datelines, and words that are not times.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "crosscheck/calendar.hpp"
#include "ruleset/ruleset.hpp"
#include "syntax_support.hpp"
#include "timex/timex.hpp"

namespace {

using crosscheck::Timex;

const crosscheck::Lexicon& lexicon() {
  static const crosscheck::LoadedRules rules =
      crosscheck::load_rules({std::string(CROSSCHECK_SOURCE_ROOT) + "/rules/en"});
  return rules.lexicon;
}

std::int32_t day(const char* iso) { return crosscheck::days_of_value(iso)->first; }

struct Expected {
  const char* text;
  const char* type;
  const char* value;
  const char* mod = "";
};

struct Row {
  const char* dct;
  const char* sentence;
  std::vector<Expected> timexes;  // every expression of the sentence, in order
};

// 2013-03-22 is a Friday, in ISO week 12.
const Row kRows[] = {
    // the article's date and its neighbours
    {"2013-03-22", "The minister resigned yesterday.", {{"yesterday", "DATE", "2013-03-21"}}},
    {"2013-03-22", "Talks resume today in Geneva.", {{"today", "DATE", "2013-03-22"}}},
    {"2013-03-22", "The verdict is expected tomorrow.", {{"tomorrow", "DATE", "2013-03-23"}}},
    {"2013-03-22", "The band plays tonight.", {{"tonight", "TIME", "2013-03-22TNI"}}},
    {"2013-03-22", "Two men were arrested last night.", {{"last night", "TIME", "2013-03-21TNI"}}},
    {"2013-03-22", "Shares fell this morning.", {{"this morning", "TIME", "2013-03-22TMO"}}},
    {"2013-03-22", "The company is now bankrupt.", {{"now", "DATE", "PRESENT_REF"}}},
    {"2013-03-22", "He is currently in hospital.", {{"currently", "DATE", "PRESENT_REF"}}},
    {"2013-03-22", "She recently moved to Paris.", {{"recently", "DATE", "PAST_REF"}}},
    {"2013-03-22", "Such wars belong to the past.", {{"the past", "DATE", "PAST_REF"}}},
    {"2013-03-22", "Nobody can predict the future.", {{"the future", "DATE", "FUTURE_REF"}}},
    // weeks, months, quarters and years counted from the article's date
    {"2013-03-22", "Prices rose last week.", {{"last week", "DATE", "2013-W11"}}},
    {"2013-03-22", "The vote is due next week.", {{"next week", "DATE", "2013-W13"}}},
    {"2013-03-22", "The plant closed this week.", {{"this week", "DATE", "2013-W12"}}},
    {"2013-03-22", "Exports fell last month.", {{"last month", "DATE", "2013-02"}}},
    {"2013-03-22", "The law takes effect next month.", {{"next month", "DATE", "2013-04"}}},
    {"2013-03-22", "Sales doubled last year.", {{"last year", "DATE", "2012"}}},
    {"2013-03-22", "The games open next year.", {{"next year", "DATE", "2014"}}},
    {"2013-03-22", "Unemployment fell this year.", {{"this year", "DATE", "2013"}}},
    {"2013-03-22", "Profits rose last quarter.", {{"last quarter", "DATE", "2012-Q4"}}},
    {"2013-03-22", "Riots broke out last weekend.", {{"last weekend", "DATE", "2013-W11-WE"}}},
    {"2013-03-22", "Storms are forecast this weekend.", {{"this weekend", "DATE", "2013-W12-WE"}}},
    {"2013-03-22", "The bridge was damaged last summer.", {{"last summer", "DATE", "2012-SU"}}},
    {"2013-03-22", "The museum will reopen next spring.", {{"next spring", "DATE", "2014-SP"}}},
    {"2013-03-22", "The deal was signed last January.", {{"last January", "DATE", "2013-01"}}},
    {"2013-03-22", "The ministry was founded last decade.", {{"last decade", "DATE", "200"}}},
    // weekdays by the clause's tense
    {"2013-03-22", "The president spoke on Monday.", {{"Monday", "DATE", "2013-03-18"}}},
    {"2013-03-22", "Rebels attacked the town on Tuesday.", {{"Tuesday", "DATE", "2013-03-19"}}},
    {"2013-03-22", "The court will rule on Tuesday.", {{"Tuesday", "DATE", "2013-03-26"}}},
    {"2013-03-22", "Ministers will meet on Monday.", {{"Monday", "DATE", "2013-03-25"}}},
    {"2013-03-22", "The senator died on Wednesday.", {{"Wednesday", "DATE", "2013-03-20"}}},
    {"2013-03-22", "The strike ended on Friday.", {{"Friday", "DATE", "2013-03-22"}}},
    {"2013-03-22",
     "The fire started on Thursday night.",
     {{"Thursday night", "TIME", "2013-03-21TNI"}}},
    {"2013-03-22",
     "Police raided the flat on Sunday morning.",
     {{"Sunday morning", "TIME", "2013-03-17TMO"}}},
    {"2013-03-22", "The union met last Monday.", {{"last Monday", "DATE", "2013-03-18"}}},
    {"2013-03-22", "The talks begin next Monday.", {{"next Monday", "DATE", "2013-03-25"}}},
    {"2013-03-22", "The band played last Friday.", {{"last Friday", "DATE", "2013-03-15"}}},
    {"2013-03-22", "The results come next Friday.", {{"next Friday", "DATE", "2013-03-29"}}},
    {"2013-03-22", "Voting ended late Saturday.", {{"late Saturday", "DATE", "2013-03-16", "END"}}},
    // so long ago, so far ahead
    {"2013-03-22", "The mine closed six months ago.", {{"six months ago", "DATE", "2012-09"}}},
    {"2013-03-22", "He left the party two years ago.", {{"two years ago", "DATE", "2011"}}},
    {"2013-03-22", "The boy vanished three days ago.", {{"three days ago", "DATE", "2013-03-19"}}},
    {"2013-03-22", "The ship sank two weeks ago.", {{"two weeks ago", "DATE", "2013-W10"}}},
    {"2013-03-22", "The firm was sold a year ago.", {{"a year ago", "DATE", "2012"}}},
    {"2013-03-22", "The tower was built 40 years ago.", {{"40 years ago", "DATE", "1973"}}},
    {"2013-03-22",
     "The debt will be paid ten years from now.",
     {{"ten years from now", "DATE", "2023"}}},
    // full calendar dates
    {"2013-03-22",
     "The treaty was signed on January 13, 1993.",
     {{"January 13, 1993", "DATE", "1993-01-13"}}},
    {"2013-03-22",
     "The treaty was signed on 13 January 1993.",
     {{"13 January 1993", "DATE", "1993-01-13"}}},
    {"2013-03-22", "Seoul fell on Sept. 28, 1950.", {{"Sept. 28, 1950", "DATE", "1950-09-28"}}},
    {"2013-03-22",
     "The bank failed on Monday, September 15, 2008.",
     {{"Monday, September 15, 2008", "DATE", "2008-09-15"}}},
    {"2013-03-22", "The war began in June 1950.", {{"June 1950", "DATE", "1950-06"}}},
    {"2013-03-22",
     "He was born on the 4th of July 1946.",
     {{"4th of July 1946", "DATE", "1946-07-04"}}},
    {"2013-03-22", "The report is dated 2013-03-18.", {{"2013-03-18", "DATE", "2013-03-18"}}},
    {"2013-03-22", "The letter was posted on 3/14/2013.", {{"3/14/2013", "DATE", "2013-03-14"}}},
    {"2013-03-22", "The firm was founded in 1975.", {{"1975", "DATE", "1975"}}},
    {"2013-03-22", "He graduated from Yale in 1975.", {{"1975", "DATE", "1975"}}},
    {"2013-03-22",
     "The offensive began in the spring of 1951.",
     {{"the spring of 1951", "DATE", "1951-SP"}}},
    {"2013-03-22", "The dam was finished in summer 2009.", {{"summer 2009", "DATE", "2009-SU"}}},
    // months and days without a year: the tense of the clause picks it
    {"2013-03-22", "The plant will open in May.", {{"May", "DATE", "2013-05"}}},
    {"2013-03-22", "The strike began in February.", {{"February", "DATE", "2013-02"}}},
    {"2013-03-22", "The company cut 300 jobs in November.", {{"November", "DATE", "2012-11"}}},
    {"2013-03-22", "The election will be held in January.", {{"January", "DATE", "2014-01"}}},
    {"2013-03-22", "The trial opened on March 4.", {{"March 4", "DATE", "2013-03-04"}}},
    {"2013-03-22", "The trial will open on April 9.", {{"April 9", "DATE", "2013-04-09"}}},
    {"2013-03-22", "The fire broke out on December 30.", {{"December 30", "DATE", "2012-12-30"}}},
    {"2013-03-22",
     "The airline went bankrupt in April last year.",
     {{"April last year", "DATE", "2012-04"}}},
    // eras, parts of years, modifiers
    {"2013-03-22", "Crime fell sharply in the 1990s.", {{"the 1990s", "DATE", "199"}}},
    {"2013-03-22", "The style was popular in the '80s.", {{"the '80s", "DATE", "198"}}},
    {"2013-03-22", "The city grew in the 20th century.", {{"the 20th century", "DATE", "19"}}},
    {"2013-03-22",
     "Railways spread in the nineteenth century.",
     {{"the nineteenth century", "DATE", "18"}}},
    {"2013-03-22", "The factory closed in mid-2009.", {{"mid-2009", "DATE", "2009", "MID"}}},
    {"2013-03-22", "The bank collapsed in early 2008.", {{"early 2008", "DATE", "2008", "START"}}},
    {"2013-03-22", "The line opened in late 1950.", {{"late 1950", "DATE", "1950", "END"}}},
    {"2013-03-22",
     "The mine will close by the end of 2014.",
     {{"the end of 2014", "DATE", "2014", "END"}}},
    {"2013-03-22",
     "The loss came in the third quarter of 2009.",
     {{"the third quarter of 2009", "DATE", "2009-Q3"}}},
    {"2013-03-22",
     "Profits rose in the first half of 2010.",
     {{"the first half of 2010", "DATE", "2010-H1"}}},
    {"2013-03-22",
     "The village was founded around 1850.",
     {{"around 1850", "DATE", "1850", "APPROX"}}},
    // clock times and zones
    {"2013-03-22", "The quake struck at 0737 GMT.", {{"0737 GMT", "TIME", "2013-03-22T07:37Z"}}},
    {"2013-03-22",
     "The quake struck at 7:37 a.m. local time.",
     {{"7:37 a.m. local time", "TIME", "2013-03-22T07:37"}}},
    {"2013-03-22",
     "The polls close at 8 p.m. tonight.",
     {{"8 p.m.", "TIME", "2013-03-22T20:00"}, {"tonight", "TIME", "2013-03-22TNI"}}},
    {"2013-03-22", "The ceasefire began at noon.", {{"noon", "TIME", "2013-03-22T12:00"}}},
    {"2013-03-22", "The curfew starts at midnight.", {{"midnight", "TIME", "2013-03-22T24:00"}}},
    {"2013-03-22",
     "The rocket lifted off at 12:00 GMT.",
     {{"12:00 GMT", "TIME", "2013-03-22T12:00Z"}}},
    {"2013-03-22",
     "The shuttle docked (1605 GMT) with the station.",
     {{"1605 GMT", "TIME", "2013-03-22T16:05Z"}}},
    {"2013-03-22",
     "The launch is set for 16:00 UTC today.",
     {{"16:00 UTC today", "TIME", "2013-03-22T16:00Z"}}},
    {"2013-03-22",
     "The bomb exploded at 9:30 p.m. on Tuesday.",
     {{"9:30 p.m. on Tuesday", "TIME", "2013-03-19T21:30"}}},
    // durations
    {"2013-03-22", "He ruled for eight years.", {{"eight years", "DURATION", "P8Y"}}},
    {"2013-03-22",
     "She worked there for nearly a year.",
     {{"nearly a year", "DURATION", "P1Y", "APPROX"}}},
    {"2013-03-22",
     "The feud lasted a quarter-century.",
     {{"a quarter-century", "DURATION", "P25Y"}}},
    {"2013-03-22", "The empire lasted half a century.", {{"half a century", "DURATION", "P50Y"}}},
    {"2013-03-22",
     "The couple dated for a couple of years.",
     {{"a couple of years", "DURATION", "P2Y"}}},
    {"2013-03-22", "The strike lasted several weeks.", {{"several weeks", "DURATION", "PXW"}}},
    {"2013-03-22", "The meeting took two hours.", {{"two hours", "DURATION", "PT2H"}}},
    {"2013-03-22", "The match was stopped for 90 minutes.", {{"90 minutes", "DURATION", "PT90M"}}},
    {"2013-03-22", "The shaking lasted 30 seconds.", {{"30 seconds", "DURATION", "PT30S"}}},
    {"2013-03-22", "He is serving a 12-year sentence.", {{"12-year", "DURATION", "P12Y"}}},
    {"2013-03-22", "The 33-year-old actress was arrested.", {{"33-year-old", "DURATION", "P33Y"}}},
    {"2013-03-22", "The two clans have fought for decades.", {{"decades", "DURATION", "PXDE"}}},
    {"2013-03-22",
     "The road has been closed for more than a decade.",
     {{"more than a decade", "DURATION", "P10Y", "MORE_THAN"}}},
    {"2013-03-22",
     "The hostages were held for at least two weeks.",
     {{"at least two weeks", "DURATION", "P2W", "EQUAL_OR_MORE"}}},
    {"2013-03-22",
     "The fire was put out in less than an hour.",
     {{"less than an hour", "DURATION", "PT1H", "LESS_THAN"}}},
    {"2013-03-22",
     "The repairs took about six months.",
     {{"about six months", "DURATION", "P6M", "APPROX"}}},
    {"2013-03-22",
     "Prices have doubled over the past five years.",
     {{"the past five years", "DURATION", "P5Y"}}},
    {"2013-03-22",
     "The army will withdraw in the next two weeks.",
     {{"the next two weeks", "DURATION", "P2W"}}},
    {"2013-03-22",
     "Crime has fallen over the past decade.",
     {{"the past decade", "DURATION", "P10Y"}}},
    {"2013-03-22", "The ship was at sea for a fortnight.", {{"a fortnight", "DURATION", "P2W"}}},
    {"2013-03-22",
     "The talks lasted two and a half years.",
     {{"two and a half years", "DURATION", "P30M"}}},
    {"2013-03-22", "The drill lasted half an hour.", {{"half an hour", "DURATION", "PT30M"}}},
    {"2013-03-22",
     "Shares fell for six straight days.",
     {{"six straight days", "DURATION", "P6D"}}},
    {"2013-03-22",
     "The index rose 4% in five trading days.",
     {{"five trading days", "DURATION", "P5D"}}},
    {"2013-03-22",
     "The economy shrank for two consecutive quarters.",
     {{"two consecutive quarters", "DURATION", "P2Q"}}},
    {"2013-03-22", "Talks have dragged on for years.", {{"years", "DURATION", "PXY"}}},
    {"2013-03-22", "The town was evacuated within hours.", {{"hours", "DURATION", "PTXH"}}},
    {"2013-03-22",
     "Prices will rise in the coming years.",
     {{"the coming years", "DURATION", "PXY"}}},
    // sets: how often
    {"2013-03-22", "The festival is held every year.", {{"every year", "SET", "P1Y"}}},
    {"2013-03-22", "The committee meets each week.", {{"each week", "SET", "P1W"}}},
    {"2013-03-22", "The market opens every Monday.", {{"every Monday", "SET", "XXXX-WXX-1"}}},
    {"2013-03-22", "The paper is published daily.", {{"daily", "SET", "P1D"}}},
    {"2013-03-22", "The prize is awarded annually.", {{"annually", "SET", "P1Y"}}},
    {"2013-03-22", "The board meets twice a year.", {{"a year", "SET", "P1Y"}}},
    {"2013-03-22", "Tankers will be built at a rate of 15 a year.", {{"a year", "SET", "P1Y"}}},
    {"2013-03-22", "Rent rose to 900 dollars per month.", {{"per month", "SET", "P1M"}}},
    {"2013-03-22", "Elections are held every two years.", {{"every two years", "SET", "P2Y"}}},
    {"2013-03-22", "The magazine appears weekly.", {{"weekly", "SET", "P1W"}}},
    // several in one sentence
    {"2013-03-22",
     "The firm lost money in 2008 and 2009 but made a profit last year.",
     {{"2008", "DATE", "2008"}, {"2009", "DATE", "2009"}, {"last year", "DATE", "2012"}}},
    {"2013-03-22",
     "He was jailed in 1998 for seven years.",
     {{"1998", "DATE", "1998"}, {"seven years", "DURATION", "P7Y"}}},
    {"2013-03-22",
     "The dam, built in 1936, has supplied water every day since.",
     {{"1936", "DATE", "1936"}, {"every day", "SET", "P1D"}}},
    {"2010-06-19",
     "Posted June 19, 2010: the storm hit the coast on Thursday.",
     {{"June 19, 2010", "DATE", "2010-06-19"}, {"Thursday", "DATE", "2010-06-17"}}},
    {"2013-03-22",
     "The ceasefire held from 2009 to 2011, and again since mid-2012.",
     {{"2009", "DATE", "2009"}, {"2011", "DATE", "2011"}, {"mid-2012", "DATE", "2012", "MID"}}},
    {"2013-03-22",
     "The plan was drafted in March 1949 and approved on April 2, 1949.",
     {{"March 1949", "DATE", "1949-03"}, {"April 2, 1949", "DATE", "1949-04-02"}}},
    {"2013-03-22",
     "Output fell 3% last month after rising for four months.",
     {{"last month", "DATE", "2013-02"}, {"four months", "DURATION", "P4M"}}},
    {"2013-03-22",
     "The pilot flew 12 hours a day for three weeks.",
     {{"12 hours", "DURATION", "PT12H"},
      {"a day", "SET", "P1D"},
      {"three weeks", "DURATION", "P3W"}}},
    {"2013-03-22",
     "The prisoner was freed on Monday after 27 years in jail.",
     {{"Monday", "DATE", "2013-03-18"}, {"27 years", "DURATION", "P27Y"}}},
    {"2013-03-22",
     "The company said on Thursday that sales fell 5% in the fourth quarter.",
     {{"Thursday", "DATE", "2013-03-21"}, {"the fourth quarter", "DATE", "2012-Q4"}}},
    // other dates of writing
    {"1950-06-27",
     "North Korean troops crossed the border on Sunday.",
     {{"Sunday", "DATE", "1950-06-25"}}},
    {"2008-02-29", "The leap day law passed yesterday.", {{"yesterday", "DATE", "2008-02-28"}}},
    {"2013-01-02", "Sales fell last month.", {{"last month", "DATE", "2012-12"}}},
    {"2013-01-02", "The scandal broke last week.", {{"last week", "DATE", "2012-W52"}}},
    {"2016-01-01", "The tower opened this week.", {{"this week", "DATE", "2015-W53"}}},
    {"2014-01-15", "The lake froze last winter.", {{"last winter", "DATE", "2012-WI"}}},
    {"2014-01-15", "The lake is frozen this winter.", {{"this winter", "DATE", "2013-WI"}}},
    {"2013-12-10", "The lake froze last winter.", {{"last winter", "DATE", "2012-WI"}}},
    // no time here
    {"2013-03-22", "More than 2,000 troops crossed the river.", {}},
    {"2013-03-22", "Some 1200 troops crossed the river.", {}},
    {"2013-03-22", "May I ask a question?", {}},
    {"2013-03-22", "The protesters will march to the square.", {}},
    {"2013-03-22", "Troops streamed across the 38th parallel.", {}},
    {"2013-03-22", "Sun Microsystems was bought by Oracle.", {}},
    {"2013-03-22", "Jan said the plan had failed.", {}},
    {"2013-03-22", "The team won for a second consecutive day.", {}},
};

std::string show(const std::vector<Timex>& found, std::string_view sentence) {
  std::string out;
  for (const Timex& t : found)
    out += "[" + std::string(sentence.substr(t.span.begin, t.span.size())) + " " +
           crosscheck::to_string(t.type) + " " + t.value + " " + t.mod + "] ";
  return out;
}

}  // namespace

TEST_CASE("time expressions resolve as a news reader resolves them", "[timex]") {
  std::size_t expressions = 0;
  for (const Row& row : kRows) {
    const auto words = crosscheck::test::parse(row.sentence);
    crosscheck::TimexContext context;
    context.article_date = day(row.dct);
    const auto found = crosscheck::find_timexes(words, lexicon(), context);
    const std::string_view sentence = row.sentence;
    INFO(row.sentence << " (written " << row.dct << ")\nfound: " << show(found, sentence));
    REQUIRE(found.size() == row.timexes.size());
    for (std::size_t k = 0; k < found.size(); ++k) {
      CHECK(sentence.substr(found[k].span.begin, found[k].span.size()) == row.timexes[k].text);
      CHECK(std::string(crosscheck::to_string(found[k].type)) == row.timexes[k].type);
      CHECK(found[k].value == row.timexes[k].value);
      CHECK(found[k].mod == row.timexes[k].mod);
    }
    expressions += row.timexes.size();
  }
  CHECK(expressions >= 150);
}

TEST_CASE("narrative expressions count from the last date the article gave", "[timex]") {
  const char* sentences[] = {"The ferry sank on June 4, 2010.",
                             "The next day, divers arrived.",
                             "Four days later, the captain was arrested.",
                             "That year, the company went bankrupt.",
                             "The following year, the law was changed.",
                             "Later that day, the minister resigned."};
  const char* values[] = {"2010-06-04", "2010-06-05", "2010-06-09", "2010", "2011", "XXXX-XX-XX"};
  crosscheck::TimexContext context;
  context.article_date = day("2013-03-22");
  for (std::size_t i = 0; i < std::size(sentences); ++i) {
    const auto found =
        crosscheck::find_timexes(crosscheck::test::parse(sentences[i]), lexicon(), context);
    INFO(sentences[i] << " -> " << show(found, sentences[i]));
    REQUIRE(found.size() == 1);
    CHECK(found[0].value == values[i]);  // "that day" after "the following year": no day known
  }
}

TEST_CASE("without the article's date, relative expressions stay open", "[timex]") {
  crosscheck::TimexContext context;
  const auto found = crosscheck::find_timexes(
      crosscheck::test::parse("The envoy left on Tuesday and returns tomorrow."), lexicon(),
      context);
  REQUIRE(found.size() == 2);
  CHECK(found[0].value == "XXXX-WXX-2");
  CHECK(found[1].value == "XXXX-XX-XX");
}

TEST_CASE("the article's date from its dateline or stamp", "[timex]") {
  const std::pair<const char*, const char*> rows[] = {
      {"LISBON, Jan. 22, 2006 (Xinhuanet) -- Cavaco Silva won the election.", "2006-01-22"},
      {"Lohan checks into rehab May 03, 2013 After skipping court, the actress left.",
       "2013-05-03"},
      {"PUBLISHED: THURSDAY, MAY 2, 2013, 1:32 PM", "2013-05-02"},
      {"Updated 2011-08-25 09:14", "2011-08-25"},
  };
  for (const auto& [text, date] : rows) {
    INFO(text);
    const auto d = crosscheck::first_full_date(crosscheck::test::parse(text), lexicon());
    REQUIRE(d);
    CHECK(crosscheck::value_at(*d, crosscheck::DayRange::Grain::kDay) == date);
  }
  CHECK_FALSE(crosscheck::first_full_date(
      crosscheck::test::parse("The storm hit on Thursday, killing 12."), lexicon()));
}

TEST_CASE("calendar values are read as the days they name", "[timex][calendar]") {
  using crosscheck::days_of_value;
  using Grain = crosscheck::DayRange::Grain;
  struct Case {
    const char* value;
    const char* first;
    const char* last;
    Grain grain;
  };
  const Case cases[] = {
      {"2013-03-22", "2013-03-22", "2013-03-22", Grain::kDay},
      {"2013-03-22TNI", "2013-03-22", "2013-03-22", Grain::kDay},
      {"2013-03", "2013-03-01", "2013-03-31", Grain::kMonth},
      {"2012-02", "2012-02-01", "2012-02-29", Grain::kMonth},
      {"2013", "2013-01-01", "2013-12-31", Grain::kYear},
      {"2013-W12", "2013-03-18", "2013-03-24", Grain::kWeek},
      {"2015-W53", "2015-12-28", "2016-01-03", Grain::kWeek},
      {"2013-W12-WE", "2013-03-23", "2013-03-24", Grain::kDay},
      {"2013-Q3", "2013-07-01", "2013-09-30", Grain::kQuarter},
      {"2010-H1", "2010-01-01", "2010-06-30", Grain::kHalf},
      {"2012-WI", "2012-12-01", "2013-02-28", Grain::kSeason},
      {"1951-SP", "1951-03-01", "1951-05-31", Grain::kSeason},
      {"199", "1990-01-01", "1999-12-31", Grain::kDecade},
      {"19", "1900-01-01", "1999-12-31", Grain::kCentury},
  };
  for (const Case& c : cases) {
    INFO(c.value);
    const auto d = days_of_value(c.value);
    REQUIRE(d);
    CHECK(crosscheck::value_at(d->first, Grain::kDay) == c.first);
    CHECK(crosscheck::value_at(d->last, Grain::kDay) == c.last);
    CHECK(d->grain == c.grain);
  }
  for (const char* open : {"PRESENT_REF", "XXXX-XX-XX", "P1Y", "2013-13", "2013-02-30", ""})
    CHECK_FALSE(days_of_value(open));
  CHECK(crosscheck::weekday_of(day("2013-03-22")) == 5);
  CHECK(crosscheck::weekday_of(day("1950-06-25")) == 7);
  CHECK(crosscheck::value_at(day("2013-01-01"), Grain::kWeek) == "2013-W01");
  CHECK(crosscheck::value_at(day("2012-12-31"), Grain::kWeek) == "2013-W01");
  CHECK(crosscheck::value_at(day("2013-01-15"), Grain::kSeason) == "2012-WI");
}
