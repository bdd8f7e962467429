// The amounts of statements in news phrasing of our own: each row gives a sentence and every
// amount a reader takes from it, in order, with its kind, what it counts or is measured in
// (measures converted to their base unit), and its range.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <variant>
#include <vector>

#include "analyse_support.hpp"
#include "crosscheck/lexicon.hpp"
#include "ingest/ingest.hpp"
#include "ruleset/ruleset.hpp"
#include "segment/segment.hpp"

namespace {

using Kind = crosscheck::Quantity::Kind;
constexpr double kOpen = std::numeric_limits<double>::infinity();

const crosscheck::Lexicon& lexicon() {
  static const crosscheck::LoadedRules rules =
      crosscheck::load_rules({CROSSCHECK_SOURCE_ROOT "/rules/en"});
  return rules.lexicon;
}

struct Amount {
  Kind kind;
  const char* unit;
  double low;
  double high;
};

struct Row {
  const char* sentence;
  std::vector<Amount> amounts;
};

const Row kRows[] = {
    // counts, and what they count by the tree
    {"The crash injured 12 passengers.", {{Kind::kCount, "passeng", 12, 12}}},
    {"More than 60,000 troops crossed the border.", {{Kind::kCount, "troop", 60000, kOpen}}},
    {"About 2,000 men crossed the river.", {{Kind::kCount, "man", 1800, 2200}}},
    {"Nearly 1,000 people fled the town.", {{Kind::kCount, "peopl", 800, 1000}}},
    {"The Soviets sent 30 pilots.", {{Kind::kCount, "pilot", 30, 30}}},
    {"Police arrested two of the men.", {{Kind::kCount, "man", 2, 2}}},
    {"The storm killed three people.", {{Kind::kCount, "peopl", 3, 3}}},
    {"Between 10 and 15 people were hurt.", {{Kind::kCount, "peopl", 10, 15}}},
    {"The blast wounded 10-15 people.", {{Kind::kCount, "peopl", 10, 15}}},
    {"The army sent several thousand troops.", {{Kind::kCount, "troop", 3000, 9000}}},
    {"Dozens of protesters were detained.", {{Kind::kCount, "protest", 24, 99}}},
    {"Hundreds of homes were damaged.", {{Kind::kCount, "home", 200, 999}}},
    {"A couple of divisions were moved.", {{Kind::kCount, "divis", 2, 3}}},
    {"No one was hurt in the fire.", {{Kind::kCount, "peopl", 0, 0}}},
    {"Nobody died in the crash.", {{Kind::kCount, "peopl", 0, 0}}},
    {"The war displaced 1.2 million people.", {{Kind::kCount, "peopl", 1.2e6, 1.2e6}}},
    {"The camp holds two hundred thousand refugees.", {{Kind::kCount, "refuge", 200000, 200000}}},
    {"The air force ordered 179 new tankers.", {{Kind::kCount, "tanker", 179, 179}}},
    {"The boxer landed 178 of 369 punches.",
     {{Kind::kCount, "part:punch", 178, 178}, {Kind::kCount, "punch", 369, 369}}},
    {"NATO has 19 members.", {{Kind::kCount, "member", 19, 19}}},
    {"The trials involve 240 patients.", {{Kind::kCount, "patient", 240, 240}}},
    {"The assembly elected eight judges.", {{Kind::kCount, "judg", 8, 8}}},
    {"The firm promised 44,000 new jobs at 300 suppliers in 40 states.",
     {{Kind::kCount, "job", 44000, 44000},
      {Kind::kCount, "supplier", 300, 300},
      {Kind::kCount, "state", 40, 40}}},
    {"Rescuers found five bodies.", {{Kind::kCount, "bodi", 5, 5}}},
    {"At least 80 others were injured.", {{Kind::kCount, "other", 80, kOpen}}},
    {"The company cut 300 jobs.", {{Kind::kCount, "job", 300, 300}}},
    {"Fewer than 20 votes separated them.", {{Kind::kCount, "vote", 0, 20}}},
    // measures, in their base units
    {"The runners covered 10 kilometres.", {{Kind::kMeasure, "m", 10000, 10000}}},
    {"The runners covered six miles.", {{Kind::kMeasure, "m", 9656.064, 9656.064}}},
    {"He scored on an 86-yard run.", {{Kind::kMeasure, "m", 78.6384, 78.6384}}},
    {"He passed for 4,051 yards.", {{Kind::kMeasure, "m", 3704.2344, 3704.2344}}},
    {"The convoy travelled 48km.", {{Kind::kMeasure, "m", 48000, 48000}}},
    {"She won the 100m sprint.", {{Kind::kMeasure, "m", 100, 100}}},
    {"The town lies about 85 miles north of the capital.",
     {{Kind::kMeasure, "m", 85 * 1609.344 * 0.9, 85 * 1609.344 * 1.1}}},
    {"The town lies about 135 km north of the capital.",
     {{Kind::kMeasure, "m", 135000 * 0.9, 135000 * 1.1}}},
    {"The typhoon packed winds of 170 kph.",
     {{Kind::kMeasure, "m/s", 170 * 0.277777778, 170 * 0.277777778}}},
    {"The typhoon packed winds of 106 mph.",
     {{Kind::kMeasure, "m/s", 106 * 0.44704, 106 * 0.44704}}},
    {"Stalin asked for 25,000 tons of lead.", {{Kind::kMeasure, "kg", 2.5e7, 2.5e7}}},
    {"The bomb weighed 500 kilograms.", {{Kind::kMeasure, "kg", 500, 500}}},
    {"The wall is 3 feet thick.", {{Kind::kMeasure, "m", 0.9144, 0.9144}}},
    {"The fire burned 5,000 square kilometres.", {{Kind::kMeasure, "m2", 5e9, 5e9}}},
    {"The farm covers 200 hectares.", {{Kind::kMeasure, "m2", 2e6, 2e6}}},
    {"The estate covers 10 acres.", {{Kind::kMeasure, "m2", 40468.564, 40468.564}}},
    {"The spill released 1,500 barrels of oil.",
     {{Kind::kMeasure, "l", 1500 * 158.987295, 1500 * 158.987295}}},
    {"The road includes a 12-mile stretch.", {{Kind::kMeasure, "m", 12 * 1609.344, 12 * 1609.344}}},
    {"The snow was 30 centimetres deep.", {{Kind::kMeasure, "m", 0.3, 0.3}}},
    {"The boxer weighed 150 lbs.", {{Kind::kMeasure, "kg", 150 * 0.45359237, 150 * 0.45359237}}},
    {"The ship sailed at 40 knots.", {{Kind::kMeasure, "m/s", 40 * 0.514444, 40 * 0.514444}}},
    {"The tower rises 60 metres.", {{Kind::kMeasure, "m", 60, 60}}},
    {"Workers dug a 2-kilometre tunnel.", {{Kind::kMeasure, "m", 2000, 2000}}},
    {"Police seized 15 kg of cocaine.", {{Kind::kMeasure, "kg", 15, 15}}},
    {"The crane lifted 1.5 tonnes.", {{Kind::kMeasure, "kg", 1500, 1500}}},
    {"The tank holds 2 litres.", {{Kind::kMeasure, "l", 2, 2}}},
    {"The river rose more than 7 feet.", {{Kind::kMeasure, "m", 7 * 0.3048, kOpen}}},
    // money, with its currency
    {"The contract is worth $40 billion.", {{Kind::kMoney, "USD", 4e10, 4e10}}},
    {"The club paid £88m for the striker.", {{Kind::kMoney, "GBP", 8.8e7, 8.8e7}}},
    {"The deal is worth $1.2bn.", {{Kind::kMoney, "USD", 1.2e9, 1.2e9}}},
    {"The bank lent €500 million.", {{Kind::kMoney, "EUR", 5e8, 5e8}}},
    {"Tickets cost 20 euros.", {{Kind::kMoney, "EUR", 20, 20}}},
    {"The council spent 5 million pounds.", {{Kind::kMoney, "GBP", 5e6, 5e6}}},
    {"The firm earned $374m.", {{Kind::kMoney, "USD", 3.74e8, 3.74e8}}},
    {"The fine was 1,000 dollars.", {{Kind::kMoney, "USD", 1000, 1000}}},
    {"The meal cost 30 yuan.", {{Kind::kMoney, "CNY", 30, 30}}},
    {"The reward is $10,000.", {{Kind::kMoney, "USD", 10000, 10000}}},
    {"The paintings are worth about $1 million.", {{Kind::kMoney, "USD", 9e5, 1.1e6}}},
    {"The works are worth more than $1 million.", {{Kind::kMoney, "USD", 1e6, kOpen}}},
    {"The company was sold for $9.4 billion.", {{Kind::kMoney, "USD", 9.4e9, 9.4e9}}},
    {"The tax bill was US $27.5 billion.", {{Kind::kMoney, "USD", 2.75e10, 2.75e10}}},
    {"The ministry paid £20.1 billion.", {{Kind::kMoney, "GBP", 2.01e10, 2.01e10}}},
    {"The shares rose to $1.84.", {{Kind::kMoney, "USD", 1.84, 1.84}}},
    {"The house sold for 300,000 euros.", {{Kind::kMoney, "EUR", 3e5, 3e5}}},
    {"Refunds of up to $500 were offered.", {{Kind::kMoney, "USD", 0, 500}}},
    // shares
    {"Sales rose 12.8% last year.", {{Kind::kPercent, "%", 12.8, 12.8}}},
    {"Of the voters, 61.6% voted against it.", {{Kind::kPercent, "%", 61.6, 61.6}}},
    {"Turnout was 80 percent.", {{Kind::kPercent, "%", 80, 80}}},
    {"Some 79 per cent agreed.", {{Kind::kPercent, "%", 79 * 0.9, 79 * 1.1}}},
    {"Support fell to less than 50%.", {{Kind::kPercent, "%", 0, 50}}},
    {"Prices rose about 5%.", {{Kind::kPercent, "%", 4.5, 5.5}}},
    {"Output fell 2 pct.", {{Kind::kPercent, "%", 2, 2}}},
    {"Nearly 90 percent of the town was flooded.", {{Kind::kPercent, "%", 72, 90}}},
    {"The bank cut its rate to 0.5%.", {{Kind::kPercent, "%", 0.5, 0.5}}},
    {"The party won 38.4% of the vote.", {{Kind::kPercent, "%", 38.4, 38.4}}},
    // scores and records
    {"The Patriots won 53-3.", {{Kind::kScore, "score", 53003, 53003}}},
    {"The team ended with a 9-3 record.", {{Kind::kScore, "score", 9003, 9003}}},
    {"Arsenal beat Chelsea 2-1.", {{Kind::kScore, "score", 2001, 2001}}},
    {"The visitors lost 3-0.", {{Kind::kScore, "score", 3000, 3000}}},
    {"The game ended in a 7-7 draw.", {{Kind::kScore, "score", 7007, 7007}}},
    {"The Giants held on for a 21-17 win.", {{Kind::kScore, "score", 21017, 21017}}},
    {"She won the final set 6-4.", {{Kind::kScore, "score", 6004, 6004}}},
    // several kinds in one sentence
    {"The storm killed 12 people and caused $3 billion in damage.",
     {{Kind::kCount, "peopl", 12, 12}, {Kind::kMoney, "USD", 3e9, 3e9}}},
    {"The 30 pilots flew 500 miles.",
     {{Kind::kCount, "pilot", 30, 30}, {Kind::kMeasure, "m", 500 * 1609.344, 500 * 1609.344}}},
    {"About 40% of the 2,000 workers lost their jobs.",
     {{Kind::kPercent, "%", 36, 44}, {Kind::kCount, "worker", 2000, 2000}}},
    {"The quake, of magnitude 6.1, killed 20 people.",
     {{Kind::kCount, "", 6.1, 6.1}, {Kind::kCount, "peopl", 20, 20}}},
    // ordinals and times are not amounts
    {"He won his fifth title.", {}},
    {"Troops streamed across the 38th parallel.", {}},
    {"The talks began in 1950 and ended in 1953.", {}},
    {"The blast happened at 6:00 p.m. on Monday.", {}},
    // how long, in days: durations compare like other amounts
    {"The strike lasted six months.", {{Kind::kMeasure, "days", 182.625, 182.625}}},
    {"He served eight years in prison.", {{Kind::kMeasure, "days", 2922, 2922}}},
    {"The 33-year-old actress was arrested.", {}},
    {"He is serving a 12-year sentence.", {{Kind::kMeasure, "days", 12 * 365.25, 12 * 365.25}}},
    {"The talks lasted more than two weeks.", {{Kind::kMeasure, "days", 14, kOpen}}},
    {"The strike lasted several weeks.", {}},
};

std::vector<crosscheck::Quantity> amounts_of(const std::string& text) {
  auto result = crosscheck::ingest("t.txt", text);
  auto doc = std::get<crosscheck::Document>(std::move(result));
  std::vector<crosscheck::Quantity> out;
  for (const auto& s : crosscheck::analyse(doc, crosscheck::segment(doc, {6, &lexicon()}),
                                           crosscheck::test::analyse_options(lexicon())))
    out.insert(out.end(), s.quantities.begin(), s.quantities.end());
  return out;
}

bool close(double x, double y) {
  if (std::isinf(x) || std::isinf(y)) return x == y;
  return std::abs(x - y) <= 1e-6 * std::max(1.0, std::abs(y));
}

}  // namespace

TEST_CASE("amounts: counts, measures, money, shares and scores", "[analyse][amounts]") {
  std::size_t amounts = 0;
  for (const Row& row : kRows) {
    const auto found = amounts_of(row.sentence);
    std::string shown;
    for (const auto& q : found)
      shown += "[" + q.text + " " + std::string(crosscheck::to_string(q.kind)) + " " + q.unit +
               " " + std::to_string(q.low) + ".." + std::to_string(q.high) + "] ";
    INFO(row.sentence << "\nfound: " << shown);
    CHECK(found.size() == row.amounts.size());
    for (std::size_t k = 0; k < std::min(found.size(), row.amounts.size()); ++k) {
      CHECK(found[k].kind == row.amounts[k].kind);
      CHECK(found[k].unit == row.amounts[k].unit);
      CHECK(close(found[k].low, row.amounts[k].low));
      CHECK(close(found[k].high, row.amounts[k].high));
    }
    amounts += row.amounts.size();
  }
  CHECK(amounts >= 100);
}
