// Names: aliases from the lexicon, capitalised names it does not know, and pronouns.
#include <cctype>
#include <string_view>

#include "detail.hpp"

namespace crosscheck::detail {

// Marks entity tokens and returns the canonical names, longest alias first.
std::vector<std::string> find_entities(std::vector<Token>& tokens, const Lexicon& lex) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != Token::Kind::kWord) continue;
    std::string key;
    std::vector<std::size_t> words;
    std::string best;
    std::size_t best_end = 0;
    // Hyphens and apostrophes inside a name do not break it ("Kim Il-sung"), nor does the
    // possessive clitic, which the loader strips from alias words ("People's Republic").
    for (std::size_t j = i; j < tokens.size() && words.size() < lex.longest_alias; ++j) {
      if (is_punct(tokens[j]) || tokens[j].lower == "'s") {
        if (tokens[j].lower == "-" || tokens[j].lower == "'" || tokens[j].lower == "." ||
            tokens[j].lower == "'s")
          continue;
        break;
      }
      // The token's own words, as the loader splits an alias: "u.s" -> "u s".
      std::string w = tokens[j].lower;
      if (w.ends_with("'s") && w.size() > 2) w.resize(w.size() - 2);
      std::string parts;
      for (char c : w) {
        if (c != '.')
          parts += c;
        else if (!parts.empty() && parts.back() != ' ')
          parts += ' ';
      }
      while (!parts.empty() && parts.back() == ' ') parts.pop_back();
      key += (key.empty() ? "" : " ") + parts;
      words.push_back(j);
      if (auto it = lex.entity_aliases.find(key); it != lex.entity_aliases.end()) {
        best = it->second;
        best_end = j;
      }
    }
    if (best.empty()) continue;
    for (std::size_t k = i; k <= best_end; ++k) {
      tokens[k].entity = true;
      tokens[k].lemma = "@" + best;  // every word of the name stands for the entity
    }
    names.push_back(best);
    i = best_end;
  }
  return names;
}

// "he", "his": the first person named earlier in the statement, usually its subject.
void resolve_pronouns(std::vector<Token>& tokens, const Lexicon& lex) {
  std::string person;
  for (auto& t : tokens) {
    if (t.entity && person.empty()) {
      const std::string name = t.lemma.substr(1);
      const auto kind = lex.entity_kind.find(name);
      if (kind != lex.entity_kind.end() && kind->second == "person") person = t.lemma;
    } else if (!person.empty() && t.kind == Token::Kind::kWord &&
               lex.personal_pronouns.count(t.lower)) {
      t.lemma = person;
      t.entity = true;
      t.stop = false;
    }
  }
}

// The name of a place as WordNet writes it ("Soviet Union"): its alias's canonical name
// when the lexicon knows it ("Soviet Union"), else as written ("Russia").
std::string place_name(const std::string& name, const Lexicon& lex) {
  std::string lower = name;  // as alias keys are written: lower case, a hyphen a space
  for (char& c : lower)
    c = c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (auto it = lex.entity_aliases.find(lower); it != lex.entity_aliases.end()) return it->second;
  return name;
}

// Capitalised words that no alias names, as entities of their own: "Valentin Pak",
// "Weathersby". A lone capital at the start of the sentence that the tagger does not call
// a name ("Historians"), function words, acts, months and numbers are left alone.
std::vector<std::string> find_unknown_entities(std::vector<Token>& tokens, const Lexicon& lex,
                                               std::string_view text,
                                               const std::vector<bool>& in_time) {
  auto capitalised = [&](const Token& t) {
    const auto c = static_cast<unsigned char>(text[t.span.begin]);
    return c >= 'A' && c <= 'Z';
  };
  auto candidate = [&](const Token& t) {
    const auto k = static_cast<std::size_t>(&t - tokens.data());
    return t.kind == Token::Kind::kWord && !t.entity && !t.stop && !t.verb && capitalised(t) &&
           !in_time[k] && !lex.months.count(t.lower) && !lex.hedges.count(t.lower);
  };
  std::vector<std::string> names;
  std::size_t first_word = 0;
  while (first_word < tokens.size() && tokens[first_word].kind == Token::Kind::kPunct) ++first_word;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!candidate(tokens[i])) continue;
    std::size_t end = i + 1;
    // a capitalised function word goes on a name it does not start: "Global Times"
    while (end < tokens.size() &&
           (candidate(tokens[end]) ||
            (tokens[end].stop && tokens[end].kind == Token::Kind::kWord && !tokens[end].entity &&
             tokens[end].lower.size() > 3 && capitalised(tokens[end]))))
      ++end;
    // "Internet Explorer 8", "Curve 8900": a number right after a name is part of it
    const bool year_like = tokens.size() > end && tokens[end].lower.size() == 4 &&
                           tokens[end].lower >= "1000" && tokens[end].lower <= "2199";
    if (end < tokens.size() && tokens[end].kind == Token::Kind::kNumber &&
        tokens[end].lower.size() <= 4 && !year_like &&
        !(end + 1 < tokens.size() && tokens[end + 1].lower == ","))
      ++end;
    // "Historians argue": a capital by position, unless the tagger calls it a name or it is
    // a demonym ("Russian troops")
    const auto place =
        end == i + 1 && (tokens[i].upos == Upos::kAdj || tokens[i].upos == Upos::kPropn)
            ? lex.pertainym_of.find(tokens[i].lower)
            : lex.pertainym_of.end();
    if (i == first_word && end == i + 1 && tokens[i].upos != Upos::kPropn &&
        place == lex.pertainym_of.end())
      continue;
    std::string name;
    for (std::size_t k = i; k < end; ++k)
      name += (k > i ? " " : "") +
              std::string(text.substr(tokens[k].span.begin, tokens[k].span.size()));
    for (std::string_view suffix : {"'s", "\u2019s"})  // "Pak's" names Pak
      if (name.size() > suffix.size() && name.ends_with(suffix))
        name.resize(name.size() - suffix.size());
    if (end == i + 1) {
      // "the War": the one known name with that head word
      if (auto head = lex.entity_head.find(tokens[i].lower); head != lex.entity_head.end())
        name = head->second;
      // "Russian troops": a demonym names its place, as WordNet's pertainym gives it
      else if (place != lex.pertainym_of.end())
        name = place_name(place->second, lex);
    }
    for (std::size_t k = i; k < end; ++k) {
      tokens[k].entity = true;
      tokens[k].lemma = "@" + name;
    }
    names.push_back(name);
    i = end - 1;
  }
  return names;
}

}  // namespace crosscheck::detail
