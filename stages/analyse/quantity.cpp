// The amounts of a statement: counts with the thing they count (by the tree: the noun the
// number modifies), measures converted to their base unit, money with its currency,
// shares, scores and records, ranges, and the approximations before them.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>

#include "detail.hpp"

namespace crosscheck::detail {

bool parse_number(const std::string& text, double& value) {
  std::string digits;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.')
      digits += c;
    else if (c != ',')
      return false;
  }
  if (digits.empty() || digits == "." || std::count(digits.begin(), digits.end(), '.') > 1)
    return false;
  // from_chars does not throw: a digit string too long for a double is not a number here
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return error == std::errc() && end == digits.data() + digits.size() && std::isfinite(value);
}

namespace {

using Kind = Quantity::Kind;

bool is_dash(const Token& t) { return t.lower == "-" || t.lower == "\u2013"; }

// The content word after `last`, within a few tokens and past names ("60,000 North Korean
// troops"): the counted noun where the tree names none.
std::string noun_after(const std::vector<Token>& tokens, std::size_t last) {
  for (std::size_t k = last + 1; k < tokens.size() && k <= last + 4; ++k) {
    if (tokens[k].kind == Token::Kind::kPunct) break;
    if (tokens[k].kind == Token::Kind::kWord && !tokens[k].stop && !tokens[k].entity)
      return tokens[k].lemma;
  }
  return "";
}

struct Scanner {
  const std::vector<Token>& tokens;
  const Lexicon& lex;
  const std::vector<bool>& used;

  const Token* at(std::size_t i) const { return i < tokens.size() ? &tokens[i] : nullptr; }

  // The unit of up to `longest_unit` words at i ("miles per hour", "km", "%"); its length.
  std::size_t unit_at(std::size_t i, std::pair<std::string, double>& unit,
                      std::string& stated) const {
    std::string key;
    std::size_t best = 0;
    for (std::size_t n = 1; n <= lex.longest_unit && at(i + n - 1); ++n) {
      key += (n > 1 ? " " : "") + tokens[i + n - 1].lower;
      if (auto it = lex.units.find(key); it != lex.units.end()) {
        best = n;
        unit = it->second;
        stated = key;
      }
    }
    return best;
  }
  // A currency symbol or name at i ("$", "US $", "pounds"); its length.
  std::size_t currency_at(std::size_t i, std::string& code) const {
    if (!at(i)) return 0;
    if (at(i + 1)) {
      const std::string two = tokens[i].lower + " " + tokens[i + 1].lower;
      if (auto it = lex.currencies.find(two); it != lex.currencies.end()) {
        code = it->second;
        return 2;
      }
    }
    if (auto it = lex.currencies.find(tokens[i].lower); it != lex.currencies.end()) {
      code = it->second;
      return 1;
    }
    return 0;
  }

  // The number at token i: digits ("4,051", "1.2"), a number word, or digits with a
  // multiplying suffix or a unit glued on ("88m", "1.2bn", "48km").
  struct Number {
    double value = 0;
    std::string glued_unit;  // "km" of "48km"
  };
  std::optional<Number> number(std::size_t i) const {
    const Token& t = tokens[i];
    Number n;
    // "000" of "230, 000" (a thousands separator taken for a list) counts nothing
    if (t.lower.size() > 1 && t.lower[0] == '0' && t.lower[1] != '.') return std::nullopt;
    if (t.kind == Token::Kind::kNumber && parse_number(t.lower, n.value)) return n;
    if (auto it = lex.number_words.find(t.lower); it != lex.number_words.end()) {
      n.value = it->second;
      return n;
    }
    std::size_t k = 0;
    while (k < t.lower.size() && (std::isdigit(static_cast<unsigned char>(t.lower[k])) ||
                                  t.lower[k] == '.' || t.lower[k] == ','))
      ++k;
    if (k == 0 || k == t.lower.size() || !parse_number(t.lower.substr(0, k), n.value))
      return std::nullopt;
    const std::string suffix = t.lower.substr(k);
    if (auto m = lex.number_suffixes.find(suffix); m != lex.number_suffixes.end()) {
      // "88m" is millions after a currency, metres otherwise ("a 100m sprint")
      std::string code;
      const bool money = i > 0 && currency_at(i - 1, code) == 1;
      if (money || !lex.units.count(suffix)) {
        n.value *= m->second;
        return n;
      }
    }
    if (lex.units.count(suffix)) {
      n.glued_unit = suffix;
      return n;
    }
    return std::nullopt;
  }

  // What a count counts, by the tree: the noun the number modifies ("12 passengers"), or the
  // noun of its "of" ("two of the men"); else the next content word.
  std::string counted(std::size_t number_token, std::size_t last) const {
    const Token& t = tokens[number_token];
    if (t.dep == Dep::kNummod && t.head >= 0) {
      const Token& h = tokens[static_cast<std::size_t>(t.head)];
      if (h.kind == Token::Kind::kWord && (h.upos == Upos::kNoun || h.upos == Upos::kPropn))
        return h.lemma;
    }
    for (std::size_t k = 0; k < tokens.size(); ++k)
      if (tokens[k].head == static_cast<std::int32_t>(number_token) &&
          tokens[k].dep == Dep::kNmod && tokens[k].kind == Token::Kind::kWord)
        return tokens[k].lemma;
    return noun_after(tokens, last);
  }

  // An approximator of one or two words just before token `first`.
  void approximate(Quantity& q, std::size_t& first) const {
    const std::size_t i = first;
    for (std::size_t back = 2; back >= 1; --back) {
      if (back > i) continue;
      std::string phrase;
      for (std::size_t k = i - back; k < i; ++k)
        phrase += (phrase.empty() ? "" : " ") + tokens[k].lower;
      const auto approximation = lex.approximators.find(phrase);
      if (approximation == lex.approximators.end()) continue;
      q.approximate = true;
      first = i - back;
      const std::string& kind = approximation->second;
      const double low = q.low, high = q.high;
      if (kind == "at-least") {  // "more than 60,000": a lower bound only
        q.high = std::numeric_limits<double>::infinity();
      } else if (kind == "at-most") {
        q.low = 0;
      } else if (kind == "nearly") {
        q.low = low * 0.8;
      } else {  // "about"
        q.low = low * 0.9;
        q.high = high * 1.1;
      }
      return;
    }
  }

  std::string text_of(std::size_t first, std::size_t last) const {
    std::string out;
    for (std::size_t k = first; k <= last; ++k) {
      // "86-yard", "12.8%", "$40": marks and currency symbols join their neighbours
      const bool joined =
          k > first && (tokens[k].kind == Token::Kind::kPunct || is_dash(tokens[k - 1]) ||
                        (tokens[k - 1].kind == Token::Kind::kPunct &&
                         lex.currencies.count(tokens[k - 1].lower) > 0));
      out += (k > first && !joined ? " " : "") + tokens[k].lower;
    }
    return out;
  }

  // "a couple of", "several", "dozens of" at token i: the quantity and its last token.
  std::optional<std::pair<Quantity, std::size_t>> vague(std::size_t i) const {
    for (const auto& [words, range] : lex.vague_amounts) {
      std::size_t k = 0;
      while (k < words.size() && i + k < tokens.size() && tokens[i + k].lower == words[k]) ++k;
      if (k != words.size()) continue;
      Quantity q;
      q.low = range.first;
      q.high = range.second;
      q.approximate = true;
      q.token = static_cast<std::uint32_t>(i);
      std::size_t last = i + k - 1;
      // "several thousand troops": a multiplier scales the range
      while (last + 1 < tokens.size()) {
        const auto m = lex.multipliers.find(tokens[last + 1].lower);
        if (m == lex.multipliers.end()) break;
        q.low *= m->second;
        q.high *= m->second;
        ++last;
      }
      q.text = text_of(i, last);
      q.unit = noun_after(tokens, last);
      return std::pair{std::move(q), last};
    }
    return std::nullopt;
  }

  // "no one was hurt", "nobody died": a count of zero people
  std::optional<std::pair<Quantity, std::size_t>> zero(std::size_t i) const {
    const std::size_t n = phrase_at(tokens, i, lex.zero_amounts);
    if (n == 0 || lex.zero_counts.empty()) return std::nullopt;
    Quantity q;
    q.token = static_cast<std::uint32_t>(i);
    q.unit = lemma_of(lex.zero_counts, lex);
    q.text = text_of(i, i + n - 1);
    return std::pair{std::move(q), i + n - 1};
  }

  std::optional<std::pair<Quantity, std::size_t>> amount(std::size_t i) const {
    // "6:00 p.m.", "4:48 remaining": a clock time, not an amount
    const bool clock =
        (at(i + 1) && tokens[i + 1].lower == ":") ||
        (i > 1 && tokens[i - 1].lower == ":" && tokens[i - 2].kind == Token::Kind::kNumber);
    if (clock) return std::nullopt;
    auto n = number(i);
    if (!n) return std::nullopt;
    Quantity q;
    q.token = static_cast<std::uint32_t>(i);
    double value = n->value;
    std::size_t last = i;
    // "two hundred thousand", "40 billion": every multiplier that follows applies
    while (last + 1 < tokens.size()) {
      const auto m = lex.multipliers.find(tokens[last + 1].lower);
      if (m == lex.multipliers.end() || used[last + 1]) break;
      value *= m->second;
      ++last;
    }
    q.low = q.high = value;
    std::size_t first = i;
    // a range or a score: "10-15 people", "from 10 to 15", "between 10 and 15", "won 53-3"
    const bool opened = i > 0 && lex.time_range_from.count(tokens[i - 1].lower) > 0;
    if (at(last + 2) && !used[last + 2] &&
        (is_dash(tokens[last + 1]) || (opened && lex.time_range_to.count(tokens[last + 1].lower))))
      if (auto second = number(last + 2); second && second->glued_unit.empty()) {
        const bool dash = is_dash(tokens[last + 1]);
        // "between 10 and 15 million": the multiplier after the second number scales both
        double high = second->value, scale = 1;
        std::size_t end = last + 2;
        while (end + 1 < tokens.size()) {
          const auto m = lex.multipliers.find(tokens[end + 1].lower);
          if (m == lex.multipliers.end() || used[end + 1]) break;
          scale *= m->second;
          ++end;
        }
        high *= scale;
        if (high > value * scale || (scale == 1 && high > value)) {
          if (value * scale < high && last == i) q.low = value * scale;
          q.high = high;
          last = end;
        } else if (dash && second->value == std::floor(second->value) &&
                   value == std::floor(value) && value < 1000) {
          q.kind = Kind::kScore;
          q.low = q.high = value * 1000 + second->value;
          q.unit = "score";
          q.text = text_of(first, last + 2);
          return std::pair{std::move(q), last + 2};
        }
      }
    // money: a currency before ("$40 billion", "US $1.2bn", "£88m") or after ("20 euros")
    std::string code;
    for (std::size_t back = 2; back >= 1; --back) {
      std::string before;  // "euro" in "The euro rose 2 percent" is no currency of the 2
      if (back <= i && currency_at(i - back, before) == back) {
        code = before;
        first = i - back;
        break;
      }
    }
    std::size_t after = last + 1;
    if (code.empty())
      if (const std::size_t c = currency_at(after, code); c > 0) last = after + c - 1;
    if (!code.empty()) {
      q.kind = Kind::kMoney;
      q.unit = code;
    } else {
      // a measure: "10 kilometres", "an 86-yard run", "48km", "12.8%", "170 kph"
      std::pair<std::string, double> unit;
      std::string stated;
      std::size_t length = 0;
      if (!n->glued_unit.empty()) {
        unit = lex.units.at(n->glued_unit);
        stated = n->glued_unit;
      } else {
        const std::size_t u = at(after) && is_dash(tokens[after]) ? after + 1 : after;
        length = unit_at(u, unit, stated);
        if (length > 0) last = u + length - 1;
      }
      if (!stated.empty()) {
        q.kind = unit.first == "%" ? Kind::kPercent : Kind::kMeasure;
        q.unit = unit.first;
        q.stated = stated;
        q.low *= unit.second;
        q.high *= unit.second;
      } else {
        q.unit = counted(i, last);
        // "178 of 369 punches": the part, landed, is not the whole, thrown
        if (at(last + 2) && lex.time_words.in("of", tokens[last + 1].lower) && number(last + 2))
          q.unit = "part:" + counted(last + 2, last + 2);
      }
    }
    approximate(q, first);
    q.text = text_of(first, last);
    return std::pair{std::move(q), last};
  }
};

}  // namespace

std::vector<Quantity> find_quantities(const std::vector<Token>& tokens, const Lexicon& lexicon,
                                      const std::vector<bool>& used) {
  std::vector<Quantity> out;
  const Scanner scan{tokens, lexicon, used};
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (used[i]) continue;
    auto found = scan.vague(i);
    if (!found) found = scan.zero(i);
    if (!found) found = scan.amount(i);
    if (!found) continue;
    found->first.token_end = static_cast<std::uint32_t>(found->second + 1);
    i = found->second;
    out.push_back(std::move(found->first));
  }
  return out;
}

}  // namespace crosscheck::detail
