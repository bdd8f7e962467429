#include "ruleset/ruleset.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

namespace crosscheck {
namespace {

namespace fs = std::filesystem;

// Collects positioned errors while one file is read.
struct Reader {
  const std::string& file;
  LoadedRules& out;

  void error(const toml::source_region& where, std::string message) {
    Diagnostic d;
    d.file = file;
    d.line = where.begin.line;
    d.col = where.begin.column;
    d.message = std::move(message);
    out.diagnostics.push_back(std::move(d));
  }

  // Lower-case words of a phrase, split on anything that is not a letter, digit or
  // apostrophe, so "Kim Il-sung" and "kim il sung" are one key.
  static std::vector<std::string> words(std::string_view phrase) {
    std::vector<std::string> out;
    std::string word;
    for (char ch : phrase) {
      const auto c = static_cast<unsigned char>(ch);
      if (std::isalnum(c) || c >= 0x80 || c == '\'') {
        word += static_cast<char>(std::tolower(c));
      } else if (!word.empty()) {
        out.push_back(std::move(word));
        word.clear();
      }
    }
    if (!word.empty()) out.push_back(std::move(word));
    for (auto& w : out)  // "People's Republic" matches the tokens "people" + "republic"
      if (w.size() > 2 && w.ends_with("'s")) w.resize(w.size() - 2);
    return out;
  }

  static std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
  }

  // Every element of an array of strings; wrong types are reported, not skipped silently.
  std::vector<std::string> strings(const toml::node& node, std::string_view what) {
    std::vector<std::string> values;
    const auto* array = node.as_array();
    if (array == nullptr) {
      error(node.source(), std::string(what) + " must be an array of strings");
      return values;
    }
    for (const auto& item : *array) {
      if (const auto* s = item.as_string()) {
        values.push_back(s->get());
      } else {
        error(item.source(), std::string(what) + " must hold only strings");
      }
    }
    return values;
  }

  const toml::table* table(const toml::node& node, std::string_view what) {
    const auto* t = node.as_table();
    if (t == nullptr) error(node.source(), std::string(what) + " must be a table");
    return t;
  }

  void unknown_key(const toml::key& key, std::string_view where) {
    error(key.source(), "unknown key '" + std::string(key.str()) + "' in " + std::string(where));
  }

  // [section] with a `words` array: each word lower-cased into `set`.
  void word_set(const toml::node& node, std::string_view section, std::set<std::string>& set,
                std::vector<std::vector<std::string>>* phrases = nullptr) {
    const auto* t = table(node, section);
    if (t == nullptr) return;
    for (auto&& [key, value] : *t) {
      if (key.str() == "words") {
        for (const auto& w : strings(value, std::string(section) + ".words")) {
          const auto ws = words(w);
          if (ws.size() == 1) {
            set.insert(ws[0]);
          } else if (phrases != nullptr && !ws.empty()) {
            phrases->push_back(ws);
          } else if (!ws.empty()) {
            set.insert(join(ws));
          }
        }
      } else {
        unknown_key(key, "[" + std::string(section) + "]");
      }
    }
  }

  // [sentences]: case kept, since "No." is an abbreviation and "no" is not
  void sentences(const toml::node& node) {
    const auto* t = table(node, "sentences");
    if (t == nullptr) return;
    auto& lex = out.lexicon;
    for (auto&& [key, value] : *t) {
      if (key.str() == "abbreviations") {
        for (const auto& w : strings(value, "sentences.abbreviations"))
          if (std::find(lex.abbreviations.begin(), lex.abbreviations.end(), w) ==
              lex.abbreviations.end())
            lex.abbreviations.push_back(w);
      } else if (key.str() == "openers") {
        for (const auto& w : strings(value, "sentences.openers")) lex.sentence_openers.insert(w);
      } else {
        unknown_key(key, "[sentences]");
      }
    }
  }

  void negation(const toml::node& node) {
    const auto* t = table(node, "negation");
    if (t == nullptr) return;
    auto& lex = out.lexicon;
    for (auto&& [key, value] : *t) {
      const auto k = key.str();
      if (k == "cues" || k == "phrases") {
        for (const auto& w : strings(value, "negation." + std::string(k))) {
          const auto ws = words(w);
          if (ws.size() == 1)
            lex.negation_cues.insert(ws[0]);
          else if (!ws.empty())
            lex.negation_phrases.push_back(ws);
        }
      } else if (k == "not_negations") {
        for (const auto& w : strings(value, "negation.not_negations"))
          if (const auto ws = words(w); !ws.empty()) lex.non_negations.push_back(ws);
      } else if (k == "quantifiers") {
        for (const auto& w : strings(value, "negation.quantifiers"))
          lex.negated_quantifiers.insert(join(words(w)));
      } else if (k == "scope_breaks") {
        for (const auto& w : strings(value, "negation.scope_breaks")) {
          const auto ws = words(w);
          lex.scope_breaks.insert(ws.empty() ? w : join(ws));  // keeps ";" and ","
        }
      } else {
        unknown_key(key, "[negation]");
      }
    }
  }

  template <typename Value, typename Convert>
  void mapping(const toml::node& node, std::string_view section, std::map<std::string, Value>& map,
               Convert convert) {
    const auto* t = table(node, section);
    if (t == nullptr) return;
    for (auto&& [key, value] : *t) {
      std::optional<Value> v = convert(value);
      if (!v) {
        error(value.source(), "wrong value type for '" + std::string(key.str()) + "' in [" +
                                  std::string(section) + "]");
        continue;
      }
      map[join(words(key.str()))] = *v;
    }
  }

  void time_relations(const toml::node& node) {
    const auto* t = table(node, "time");
    if (t == nullptr) return;
    for (auto&& [key, value] : *t) {
      auto& lex = out.lexicon;
      const std::map<std::string_view, std::set<std::string>*> sets = {
          {"before", &lex.time_before},
          {"after", &lex.time_after},
          {"until", &lex.time_until},
          {"range_from", &lex.time_range_from},
          {"range_to", &lex.time_range_to}};
      const auto it = sets.find(key.str());
      if (it == sets.end()) {
        unknown_key(key, "[time]");
        continue;
      }
      auto& set = *it->second;
      for (const auto& w : strings(value, "time." + std::string(key.str())))
        set.insert(join(words(w)));
    }
  }

  // [timex.*]: each sub-table a mapping of words, or a `words` list for the sets.
  void timex(const toml::node& node) {
    const auto as_int = [](const toml::node& v) -> std::optional<int> {
      const auto i = v.value<int64_t>();
      return i ? std::optional<int>(static_cast<int>(*i)) : std::nullopt;
    };
    const auto as_number = [](const toml::node& v) { return v.value<double>(); };
    const auto* t = table(node, "timex");
    if (t == nullptr) return;
    auto& tw = out.lexicon.time_words;
    const std::map<std::string_view, std::map<std::string, std::string>*> strings_of = {
        {"units", &tw.units},     {"day_parts", &tw.day_parts}, {"seasons", &tw.seasons},
        {"periods", &tw.periods}, {"deictic", &tw.deictic},     {"offsets", &tw.offsets},
        {"mods", &tw.mods},       {"zones", &tw.zones},         {"frequencies", &tw.frequencies}};
    const std::map<std::string_view, std::map<std::string, int>*> ints_of = {
        {"weekdays", &tw.weekdays},
        {"shifts", &tw.shifts},
        {"narrative", &tw.narrative},
        {"meridiem", &tw.meridiem},
        {"ordinals", &tw.ordinals}};
    const std::map<std::string_view, std::set<std::string>*> sets_of = {{"every", &tw.every},
                                                                        {"vague", &tw.vague}};
    for (auto&& [key, value] : *t) {
      const std::string section = "timex." + std::string(key.str());
      if (auto it = strings_of.find(key.str()); it != strings_of.end()) {
        mapping(value, section, *it->second, as_text);
      } else if (auto i = ints_of.find(key.str()); i != ints_of.end()) {
        mapping(value, section, *i->second, as_int);
      } else if (key.str() == "fractions" || key.str() == "counts") {
        mapping(value, section, key.str() == "counts" ? tw.counts : tw.fractions, as_number);
      } else if (key.str() == "roles") {
        const auto* roles = table(value, section);
        if (roles == nullptr) continue;
        for (auto&& [role, words] : *roles) {
          if (std::find_if(std::begin(TimeWords::kRoles), std::end(TimeWords::kRoles),
                           [name = role.str()](const char* r) { return name == r; }) ==
              std::end(TimeWords::kRoles)) {
            unknown_key(role, "[timex.roles]");
            continue;
          }
          for (const auto& w : strings(words, section + "." + std::string(role.str())))
            tw.roles[std::string(role.str())].insert(join(this->words(w)));
        }
      } else if (auto w = sets_of.find(key.str()); w != sets_of.end()) {
        word_set(value, section, *w->second);
      } else {
        unknown_key(key, "[timex]");
      }
    }
  }

  // [units]: word = [unit, factor]
  void units(const toml::node& node) {
    const auto* t = table(node, "units");
    if (t == nullptr) return;
    auto& lex = out.lexicon;
    for (auto&& [key, value] : *t) {
      const auto* a = value.as_array();
      const auto* unit = a && a->size() == 2 ? a->get(0)->as_string() : nullptr;
      const auto factor = a && a->size() == 2 ? a->get(1)->value<double>() : std::nullopt;
      if (unit == nullptr || !factor || *factor <= 0) {
        error(value.source(), "'" + std::string(key.str()) +
                                  "' in [units] must be [\"unit\", factor] with factor > 0");
        continue;
      }
      const std::string k = lower_key(key.str());
      lex.units[k] = {unit->get(), *factor};
      lex.longest_unit = std::max(
          lex.longest_unit, static_cast<std::size_t>(std::count(k.begin(), k.end(), ' ') + 1));
    }
  }

  // [currencies]: symbol or name = "ISO code"
  void currencies(const toml::node& node) {
    const auto* t = table(node, "currencies");
    if (t == nullptr) return;
    for (auto&& [key, value] : *t) {
      const auto* code = value.as_string();
      if (code == nullptr) {
        error(value.source(), "'" + std::string(key.str()) + "' in [currencies] must be a code");
        continue;
      }
      out.lexicon.currencies[lower_key(key.str())] = code->get();
    }
  }

  void amounts(const toml::node& node) {
    const auto* t = table(node, "amounts");
    if (t == nullptr) return;
    auto& lex = out.lexicon;
    for (auto&& [key, value] : *t) {
      if (key.str() == "suffixes") {
        mapping(value, "amounts.suffixes", lex.number_suffixes,
                [](const toml::node& v) { return v.value<double>(); });
      } else if (key.str() == "zero") {
        for (const auto& w : strings(value, "amounts.zero"))
          if (const auto ws = words(w); !ws.empty()) lex.zero_amounts.push_back(ws);
      } else if (key.str() == "zero_counts") {
        if (const auto* s = value.as_string())
          lex.zero_counts = s->get();
        else
          error(value.source(), "amounts.zero_counts must be a word");
      } else {
        unknown_key(key, "[amounts]");
      }
    }
  }

  // A key as written, lower-cased, with its spaces kept: units and currencies are symbols
  // too ("%", "km/h", "us$"), which `words` would drop.
  static std::string lower_key(std::string_view key) {
    std::string out;
    for (char c : key) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }

  static std::optional<std::string> as_text(const toml::node& v) {
    if (const auto* s = v.as_string()) return s->get();
    return std::nullopt;
  }

  void vague_amounts(const toml::node& node) {
    const auto* t = table(node, "vague_amounts");
    if (t == nullptr) return;
    for (auto&& [key, value] : *t) {
      const auto* a = value.as_array();
      const auto low = a && a->size() == 2 ? a->get(0)->value<double>() : std::nullopt;
      const auto high = a && a->size() == 2 ? a->get(1)->value<double>() : std::nullopt;
      if (!low || !high || *low > *high) {
        error(value.source(), "'" + std::string(key.str()) +
                                  "' in [vague_amounts] must be [low, high] with low <= high");
        continue;
      }
      if (words(key.str()).empty()) {
        error(key.source(), "'" + std::string(key.str()) + "' in [vague_amounts] has no words");
        continue;
      }
      out.lexicon.vague_amounts.push_back({words(key.str()), {*low, *high}});
    }
  }

  void entities(const toml::node& node) {
    const auto* array = node.as_array();
    if (array == nullptr)
      return error(node.source(), "'entity' must be an array of tables ([[entity]])");
    for (const auto& item : *array) {
      const auto* t = table(item, "[[entity]]");
      if (t == nullptr) continue;
      std::string name, kind;
      std::vector<std::string> aliases;
      for (auto&& [key, value] : *t) {
        if (key.str() == "name" && value.is_string())
          name = value.as_string()->get();
        else if (key.str() == "kind" && value.is_string())
          kind = value.as_string()->get();
        else if (key.str() == "aliases")
          aliases = strings(value, "entity.aliases");
        else if (key.str() == "kind")
          error(value.source(), "entity.kind must be a string");
        else if (key.str() == "name")
          error(value.source(), "entity.name must be a string");
        else
          unknown_key(key, "[[entity]]");
      }
      if (name.empty()) {
        error(item.source(), "[[entity]] needs a non-empty 'name'");
        continue;
      }
      aliases.push_back(name);
      if (!kind.empty()) out.lexicon.entity_kind[name] = kind;
      for (const auto& alias : aliases) {
        const auto ws = words(alias);
        if (ws.empty()) continue;
        out.lexicon.entity_aliases[join(ws)] = name;
        out.lexicon.longest_alias = std::max(out.lexicon.longest_alias, ws.size());
      }
    }
  }

  // Predicate classes are stored raw here and keyed by lemma in finish(), once the
  // irregular forms of every file are known.
  struct RawClass {
    std::string name;
    std::vector<std::string> members;
    std::vector<std::string> opposites;
  };
  std::vector<RawClass>* classes = nullptr;

  // [wordnet.<relation>] word = ["related", ...]: keyed by lemma in finish() too.
  struct RawRelation {
    std::string a, b;
    Relation relation;
  };
  std::vector<RawRelation>* relations = nullptr;

  void wordnet(const toml::node& node) {
    const auto* t = table(node, "wordnet");
    if (t == nullptr) return;
    const std::vector<std::pair<std::string_view, Relation>> kinds = {
        {"synonyms", Relation::kSynonym},
        {"derivations", Relation::kDerivation},
        {"hypernyms", Relation::kHypernym},
        {"entails", Relation::kEntails},
        {"pertainyms", Relation::kPertainym}};
    for (auto&& [key, value] : *t) {
      const auto kind = std::find_if(kinds.begin(), kinds.end(),
                                     [name = key.str()](const auto& k) { return k.first == name; });
      if (kind == kinds.end()) {
        unknown_key(key,
                    "[wordnet] (expected synonyms, derivations, hypernyms, entails, "
                    "pertainyms)");
        continue;
      }
      const auto* words_of = table(value, "wordnet." + std::string(key.str()));
      if (words_of == nullptr) continue;
      for (auto&& [word, related] : *words_of)
        for (auto& other : strings(related, "wordnet." + std::string(key.str()))) {
          // a demonym names its place: "Russian" -> "Russia", a proper name (the first
          // given), where "economic" -> "economy" names none
          if (kind->second == Relation::kPertainym && !other.empty() &&
              std::isupper(static_cast<unsigned char>(other[0])))
            out.lexicon.pertainym_of.emplace(std::string(word.str()), other);
          relations->push_back({std::string(word.str()), std::move(other), kind->second});
        }
    }
  }

  void predicate_classes(const toml::node& node) {
    const auto* array = node.as_array();
    if (array == nullptr)
      return error(node.source(), "'class' must be an array of tables ([[class]])");
    for (const auto& item : *array) {
      const auto* t = table(item, "[[class]]");
      if (t == nullptr) continue;
      RawClass c;
      for (auto&& [key, value] : *t) {
        if (key.str() == "name" && value.is_string())
          c.name = value.as_string()->get();
        else if (key.str() == "members")
          c.members = strings(value, "class.members");
        else if (key.str() == "opposites")
          c.opposites = strings(value, "class.opposites");
        else if (key.str() == "name")
          error(value.source(), "class.name must be a string");
        else
          unknown_key(key, "[[class]]");
      }
      if (c.name.empty()) {
        error(item.source(), "[[class]] needs a non-empty 'name'");
        continue;
      }
      classes->push_back(std::move(c));
    }
  }

  template <typename Enum>
  bool choice(const toml::node& value, const toml::key& key,
              const std::vector<std::pair<std::string_view, Enum>>& options, Enum& out_value) {
    if (const auto* s = value.as_string()) {
      for (const auto& [name, e] : options)
        if (s->get() == name) {
          out_value = e;
          return true;
        }
    }
    std::string allowed;
    for (const auto& [name, e] : options)
      allowed += (allowed.empty() ? "" : ", ") + std::string(name);
    error(value.source(), "'" + std::string(key.str()) + "' must be one of: " + allowed);
    return false;
  }

  bool number(const toml::node& value, const toml::key& key, double lo, double hi, double& v) {
    if (auto d = value.value<double>(); d && *d >= lo && *d <= hi) {
      v = *d;
      return true;
    }
    std::ostringstream msg;
    msg << "'" << key.str() << "' must be a number from " << lo << " to " << hi;
    error(value.source(), msg.str());
    return false;
  }

  void rules(const toml::node& node, std::set<std::string>& ids) {
    const auto* array = node.as_array();
    if (array == nullptr)
      return error(node.source(), "'rule' must be an array of tables ([[rule]])");
    for (const auto& item : *array) {
      const auto* t = table(item, "[[rule]]");
      if (t == nullptr) continue;
      Rule r;
      r.file = file;
      r.line = item.source().begin.line;
      bool has_kind = false;
      const std::size_t errors_before = out.diagnostics.size();
      for (auto&& [key, value] : *t) {
        const auto k = key.str();
        double d = 0;
        if (k == "id" || k == "type" || k == "description") {
          if (!value.is_string()) {
            error(value.source(), "'" + std::string(k) + "' must be a string");
            continue;
          }
          (k == "id" ? r.id : k == "type" ? r.type : r.description) = value.as_string()->get();
        } else if (k == "kind") {
          has_kind = choice<Finding::Kind>(
              value, key,
              {{"conflict", Finding::Kind::kConflict}, {"agreement", Finding::Kind::kAgreement}},
              r.kind);
        } else if (k == "confidence") {
          number(value, key, 0, 1, r.confidence);
        } else if (k == "hedged_factor") {
          number(value, key, 0, 1, r.hedged_factor);
        } else if (k == "min_score") {
          number(value, key, 0, 1, r.min_score);
        } else if (k == "min_shared_terms" || k == "min_shared_entities" || k == "min_context" ||
                   k == "context_window" || k == "max_rank") {
          if (number(value, key, 0, 100, d))
            (k == "min_shared_terms"      ? r.min_shared_terms
             : k == "min_shared_entities" ? r.min_shared_entities
             : k == "min_context"         ? r.min_context
             : k == "max_rank"            ? r.max_rank
                                          : r.context_window) = static_cast<std::uint32_t>(d);
        } else if (k == "predicate") {
          choice<Rule::Predicate>(value, key,
                                  {{"any", Rule::Predicate::kAny},
                                   {"same", Rule::Predicate::kSame},
                                   {"opposite", Rule::Predicate::kOpposite}},
                                  r.predicate);
        } else if (k == "polarity") {
          choice<Rule::PolarityTest>(value, key,
                                     {{"any", Rule::PolarityTest::kAny},
                                      {"same", Rule::PolarityTest::kSame},
                                      {"opposite", Rule::PolarityTest::kOpposite}},
                                     r.polarity);
        } else if (k == "time") {
          choice<Rule::TimeTest>(value, key,
                                 {{"any", Rule::TimeTest::kAny},
                                  {"disjoint", Rule::TimeTest::kDisjoint},
                                  {"overlap", Rule::TimeTest::kOverlap},
                                  {"no-clash", Rule::TimeTest::kNone}},
                                 r.time);
        } else if (k == "number") {
          choice<Rule::NumberTest>(value, key,
                                   {{"any", Rule::NumberTest::kAny},
                                    {"disjoint", Rule::NumberTest::kDisjoint},
                                    {"overlap", Rule::NumberTest::kOverlap}},
                                   r.number);
        } else if (k == "allow_hedged" || k == "allow_reported" || k == "same_agent" ||
                   k == "covered_denial" || k == "same_object" || k == "shared_names" ||
                   k == "same_place") {
          if (!value.is_boolean()) {
            error(value.source(), "'" + std::string(k) + "' must be true or false");
            continue;
          }
          (k == "allow_hedged"     ? r.allow_hedged
           : k == "allow_reported" ? r.allow_reported
           : k == "same_agent"     ? r.same_agent
           : k == "same_object"    ? r.same_object
           : k == "shared_names"   ? r.shared_names
           : k == "same_place"     ? r.same_place
                                   : r.covered_denial) = value.as_boolean()->get();
        } else {
          unknown_key(key, "[[rule]]");
        }
      }
      if (r.id.empty()) error(item.source(), "[[rule]] needs an 'id'");
      if (!has_kind && out.diagnostics.size() == errors_before)
        error(item.source(), "rule '" + r.id + "' needs a 'kind' (conflict or agreement)");
      if (r.type.empty() && out.diagnostics.size() == errors_before)
        error(item.source(), "rule '" + r.id + "' needs a 'type'");
      if (!r.id.empty() && !ids.insert(r.id).second)
        error(item.source(), "duplicate rule id '" + r.id + "'");
      out.rules.rules.push_back(std::move(r));
    }
  }
};

std::optional<double> as_double(const toml::node& v) { return v.value<double>(); }
std::optional<int> as_month(const toml::node& v) {
  auto i = v.value<int64_t>();
  if (!i || *i < 1 || *i > 12) return std::nullopt;
  return static_cast<int>(*i);
}
std::optional<std::pair<int, int>> as_month_range(const toml::node& v) {
  const auto* a = v.as_array();
  if (a == nullptr || a->size() != 2) return std::nullopt;
  auto first = as_month(*a->get(0)), last = as_month(*a->get(1));
  if (!first || !last) return std::nullopt;
  return std::pair{*first, *last};
}
std::optional<std::string> as_approximation(const toml::node& v) {
  const auto* s = v.as_string();
  if (s == nullptr) return std::nullopt;
  for (const char* kind : {"about", "at-least", "at-most", "nearly"})
    if (s->get() == kind) return s->get();
  return std::nullopt;
}

std::optional<std::string> as_string(const toml::node& v) {
  if (const auto* s = v.as_string()) return s->get();
  return std::nullopt;
}

struct Loader {
  LoadedRules out;
  std::vector<Reader::RawClass> classes;
  std::vector<Reader::RawRelation> relations;
  std::set<std::string> rule_ids;

  void parse(const std::string& name, const std::string& text) {
    toml::table root;
    try {
      root = toml::parse(text, name);
    } catch (const toml::parse_error& e) {
      Diagnostic d;
      d.file = name;
      d.line = e.source().begin.line;
      d.col = e.source().begin.column;
      d.message = std::string(e.description());
      out.diagnostics.push_back(std::move(d));
      return;
    }
    Reader r{name, out};
    r.classes = &classes;
    r.relations = &relations;
    auto& lex = out.lexicon;
    for (auto&& [key, value] : root) {
      const auto k = key.str();
      if (k == "stopwords")
        r.word_set(value, "stopwords", lex.stopwords);
      else if (k == "negation")
        r.negation(value);
      else if (k == "hedges")
        r.word_set(value, "hedges", lex.hedges, &lex.hedge_phrases);
      else if (k == "sentences")
        r.sentences(value);
      else if (k == "conditionals")
        r.word_set(value, "conditionals", lex.conditionals, &lex.conditional_phrases);
      else if (k == "future")
        r.word_set(value, "future", lex.future);
      else if (k == "contrast")
        r.word_set(value, "contrast", lex.contrast);
      else if (k == "concession")
        r.word_set(value, "concession", lex.concession);
      else if (k == "pronouns")
        r.word_set(value, "pronouns", lex.personal_pronouns);
      else if (k == "irrealis")
        r.word_set(value, "irrealis", lex.irrealis);
      else if (k == "light_verbs")
        r.word_set(value, "light_verbs", lex.light_verbs);
      else if (k == "iterative")
        r.word_set(value, "iterative", lex.iterative);
      else if (k == "attribution")
        r.word_set(value, "attribution", lex.attribution_verbs, &lex.attribution_phrases);
      else if (k == "evidence")
        r.word_set(value, "evidence", lex.evidence_verbs);
      else if (k == "approximators")
        r.mapping(value, "approximators", lex.approximators, as_approximation);
      else if (k == "time")
        r.time_relations(value);
      else if (k == "vague_amounts")
        r.vague_amounts(value);
      else if (k == "timex")
        r.timex(value);
      else if (k == "units")
        r.units(value);
      else if (k == "currencies")
        r.currencies(value);
      else if (k == "amounts")
        r.amounts(value);
      else if (k == "months")
        r.mapping(value, "months", lex.months, as_month);
      else if (k == "seasons")
        r.mapping(value, "seasons", lex.seasons, as_month_range);
      else if (k == "numbers")
        r.mapping(value, "numbers", lex.number_words, as_double);
      else if (k == "multipliers")
        r.mapping(value, "multipliers", lex.multipliers, as_double);
      else if (k == "irregular")
        r.mapping(value, "irregular", lex.irregular, as_string);
      else if (k == "entity")
        r.entities(value);
      else if (k == "class")
        r.predicate_classes(value);
      else if (k == "wordnet")
        r.wordnet(value);
      else if (k == "rule")
        r.rules(value, rule_ids);
      else
        r.unknown_key(
            key,
            "a rule file (expected one of: stopwords, sentences, negation, pronouns, "
            "light_verbs, iterative, irrealis, hedges, conditionals, future, contrast, concession, "
            "attribution, approximators, vague_amounts, time, months, seasons, numbers, "
            "multipliers, irregular, timex, units, currencies, amounts, entity, class, wordnet, "
            "rule)");
    }
  }

  // Keys that depend on lemmas are made once every file is read.
  void finish() {
    auto& lex = out.lexicon;
    std::set<std::string> attribution;  // compared with token lemmas
    for (const auto& v : lex.attribution_verbs) attribution.insert(lemma_of(v, lex));
    lex.attribution_verbs = std::move(attribution);
    for (auto* set : {&lex.irrealis, &lex.light_verbs, &lex.evidence_verbs}) {  // token lemmas
      std::set<std::string> lemmas;
      for (const auto& v : *set) lemmas.insert(lemma_of(v, lex));
      *set = std::move(lemmas);
    }
    for (const auto& c : classes) {
      // A word belongs to the first class that names it, so the hand-written classes
      // (predicates.toml sorts before the generated wordnet-*.toml) keep their members.
      const std::string name = lemma_of(Reader::join(Reader::words(c.name)), lex);
      lex.predicate_class.emplace(name, name);
      for (const auto& m : c.members) {
        const auto ws = Reader::words(m);
        if (ws.size() == 1) {
          lex.predicate_class.emplace(lemma_of(ws[0], lex), name);
        } else if (ws.size() > 1) {
          std::vector<std::string> lemmas;
          for (const auto& w : ws) lemmas.push_back(lemma_of(w, lex));
          lex.predicate_phrases.emplace_back(std::move(lemmas), name);
        }
      }
      for (const auto& o : c.opposites) {
        const std::string other = lemma_of(Reader::join(Reader::words(o)), lex);
        lex.opposite_class[name].insert(other);
        lex.opposite_class[other].insert(name);
      }
    }
    for (const auto& r : relations) {
      const std::string a = lex.class_of(lemma_of(Reader::join(Reader::words(r.a)), lex));
      const std::string b = lex.class_of(lemma_of(Reader::join(Reader::words(r.b)), lex));
      if (a == b) continue;
      static constexpr Relation kConverse[] = {
          Relation::kSynonym,    Relation::kDerivation, Relation::kHyponym,  Relation::kHypernym,
          Relation::kEntailedBy, Relation::kEntails,    Relation::kPertainym};
      // the nearer relation wins when WordNet gives two (a synonym that is also a hypernym)
      auto keep = [&](const std::string& x, const std::string& y, Relation rel) {
        auto [it, fresh] = lex.relations[x].emplace(y, rel);
        if (!fresh && rel < it->second) it->second = rel;
      };
      keep(a, b, r.relation);
      keep(b, a, kConverse[static_cast<int>(r.relation)]);
    }
    // An opposite named by a member lemma means that member's class.
    std::map<std::string, std::set<std::string>> resolved;
    for (const auto& [a, others] : lex.opposite_class)
      for (const auto& b : others) {
        resolved[lex.class_of(a)].insert(lex.class_of(b));
        resolved[lex.class_of(b)].insert(lex.class_of(a));
      }
    lex.opposite_class = std::move(resolved);
    std::map<std::string, std::set<std::string>> heads;
    for (const auto& [alias, name] : lex.entity_aliases) {
      const auto ws = Reader::words(name);
      if (ws.size() > 1) heads[ws.back()].insert(name);
    }
    for (const auto& [head, names] : heads)
      if (names.size() == 1) lex.entity_head[head] = *names.begin();
    // Messages in reading order: by file, then position.
    std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(),
                     [](const Diagnostic& x, const Diagnostic& y) {
                       return std::tie(x.file, x.line, x.col) < std::tie(y.file, y.line, y.col);
                     });
  }
};

// FNV-1a, 64 bits: enough to tell rule sets apart in a cache key.
std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  return h;
}

}  // namespace

void parse_rule_text(const std::string& name, const std::string& text, LoadedRules& out) {
  Loader loader;
  for (const auto& r : out.rules.rules) loader.rule_ids.insert(r.id);  // ids of earlier calls
  loader.out = std::move(out);
  loader.parse(name, text);
  loader.finish();
  out = std::move(loader.out);
}

RuleFiles read_rule_files(const std::vector<std::string>& dirs) {
  RuleFiles out;
  out.dirs = dirs;
  std::uint64_t hash = fnv1a("crosscheck-rules");
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      Diagnostic d;
      d.file = dir;
      d.message = "rules folder not found";
      out.diagnostics.push_back(std::move(d));
      continue;
    }
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
         it.increment(ec))
      if (it->is_regular_file() && it->path().extension() == ".toml") files.push_back(it->path());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      std::ifstream in(path, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      if (!in && !in.eof()) {
        Diagnostic d;
        d.file = path.string();
        d.message = "cannot read rule file";
        out.diagnostics.push_back(std::move(d));
        continue;
      }
      hash = fnv1a(path.filename().string(), fnv1a(text.str(), hash));
      out.files.emplace_back(path.string(), std::move(text).str());
    }
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  out.fingerprint = hex;
  return out;
}

LoadedRules load_rules(const std::vector<std::string>& dirs) {
  return load_rules(read_rule_files(dirs));
}

LoadedRules load_rules(RuleFiles files) {
  Loader loader;
  loader.out.diagnostics = std::move(files.diagnostics);
  for (const auto& [path, text] : files.files) loader.parse(path, text);
  loader.finish();
  if (loader.out.rules.rules.empty() && loader.out.diagnostics.empty()) {
    Diagnostic d;
    d.file = files.dirs.empty() ? "(rules)" : files.dirs.front();
    d.message = "no [[rule]] found in any rule file";
    loader.out.diagnostics.push_back(std::move(d));
  }
  if (!loader.out.ok()) {
    loader.out.lexicon = {};
    loader.out.rules = {};
  }
  loader.out.fingerprint = files.fingerprint;
  return std::move(loader.out);
}

}  // namespace crosscheck
