#include <algorithm>
#include <cctype>
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
  value = std::stod(digits);
  return true;
}

namespace {

// The noun a quantity counts: the next content word within a few tokens, past entity words
// ("60,000 North Korean troops").
std::string unit_after(const std::vector<Token>& tokens, std::size_t last) {
  for (std::size_t k = last + 1; k < tokens.size() && k <= last + 4; ++k) {
    if (tokens[k].kind == Token::Kind::kPunct) break;
    if (tokens[k].kind == Token::Kind::kWord && !tokens[k].stop && !tokens[k].entity)
      return tokens[k].lemma;
  }
  return "";
}

// "a couple of", "several", "dozens of" at token i: the quantity and its last token.
std::optional<std::pair<Quantity, std::size_t>> vague_amount(const std::vector<Token>& tokens,
                                                             const Lexicon& lexicon,
                                                             std::size_t i) {
  for (const auto& [words, range] : lexicon.vague_amounts) {
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
      const auto m = lexicon.multipliers.find(tokens[last + 1].lower);
      if (m == lexicon.multipliers.end()) break;
      q.low *= m->second;
      q.high *= m->second;
      ++last;
    }
    for (std::size_t m = i; m <= last; ++m) q.text += (m > i ? " " : "") + tokens[m].lower;
    q.unit = unit_after(tokens, last);
    return std::pair{std::move(q), last};
  }
  return std::nullopt;
}

}  // namespace

std::vector<Quantity> find_quantities(const std::vector<Token>& tokens, const Lexicon& lexicon,
                                      const std::vector<bool>& used) {
  std::vector<Quantity> out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (used[i]) continue;
    if (auto vague = vague_amount(tokens, lexicon, i)) {
      i = vague->second;
      out.push_back(std::move(vague->first));
      continue;
    }
    const Token& t = tokens[i];
    // "6:00 p.m.", "4:48 remaining": a clock time, not an amount
    const bool clock = (i + 1 < tokens.size() && tokens[i + 1].lower == ":") ||
                       (i > 0 && tokens[i - 1].lower == ":" && i > 1 &&
                        tokens[i - 2].kind == Token::Kind::kNumber);
    if (clock) continue;
    double value = 0;
    bool is_number = false;
    if (t.kind == Token::Kind::kNumber) {
      is_number = parse_number(t.lower, value);
    } else if (auto it = lexicon.number_words.find(t.lower); it != lexicon.number_words.end()) {
      is_number = true;
      value = it->second;
    }
    if (!is_number) continue;
    Quantity q;
    q.token = static_cast<std::uint32_t>(i);
    std::size_t last = i;
    // "two hundred thousand": every multiplier that follows applies.
    while (last + 1 < tokens.size()) {
      const auto m = lexicon.multipliers.find(tokens[last + 1].lower);
      if (m == lexicon.multipliers.end()) break;
      value *= m->second;
      ++last;
    }
    q.low = q.high = value;
    // An approximator of one or two words just before: "about", "more than", "nearly".
    std::size_t first = i;
    for (std::size_t back = 1; back <= 2 && back <= i; ++back) {
      std::string phrase;
      for (std::size_t k = i - back; k < i; ++k)
        phrase += (phrase.empty() ? "" : " ") + tokens[k].lower;
      const auto approximation = lexicon.approximators.find(phrase);
      if (approximation == lexicon.approximators.end()) continue;
      q.approximate = true;
      first = i - back;
      const std::string& kind = approximation->second;
      if (kind == "at-least") {  // "more than 60,000": a lower bound only
        q.high = std::numeric_limits<double>::infinity();
      } else if (kind == "at-most") {
        q.low = 0;
      } else if (kind == "nearly") {
        q.low = value * 0.8;
      } else {  // "about"
        q.low = value * 0.9;
        q.high = value * 1.1;
      }
    }
    q.unit = unit_after(tokens, last);
    for (std::size_t k = first; k <= last; ++k) q.text += (k > first ? " " : "") + tokens[k].lower;
    out.push_back(std::move(q));
    i = last;
  }
  return out;
}

}  // namespace crosscheck::detail
