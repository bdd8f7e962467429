// The bundled syntax and event models for tests, loaded once, and the parser callback the
// analyse stage takes (AnalyseOptions::parse), the same one the pipeline gives it.
#pragma once

#include <fstream>
#include <future>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "events/events.hpp"
#include "syntax/syntax.hpp"

namespace crosscheck::test {

inline const SyntaxModel& bundled_model() {
  static const std::shared_ptr<const SyntaxModel> model = [] {
    std::ifstream in(std::string(CROSSCHECK_SOURCE_ROOT) + "/models/en_ewt.model",
                     std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    // WordNet's morphology, as the program loads it
    WordNetText wordnet;
    for (int f = 0; f < WordNetText::kFiles; ++f) {
      const std::string path =
          std::string(CROSSCHECK_WORDNET_DIR) + "/" + WordNetText::kFileNames[f];
      std::ifstream file(path, std::ios::binary);
      if (!file) throw std::runtime_error(path + ": cannot read WordNet");
      std::stringstream text;
      text << file.rdbuf();
      wordnet.file(f) = text.str();
    }
    std::string error;
    auto m = load_syntax_model(bytes.str(), error, false, &wordnet);
    if (!m) throw std::runtime_error("models/en_ewt.model: " + error);
    return m;
  }();
  return *model;
}

// models/events.toml, as RunOptions::events wants it.
inline const EventModel* bundled_event_model() {
  static const EventModel model =
      read_event_model(std::string(CROSSCHECK_SOURCE_ROOT) + "/models/events.toml");
  return &model;
}

// A shared_future holding the model, as RunOptions::syntax wants it.
inline std::shared_future<std::shared_ptr<const SyntaxModel>> model_future() {
  static const std::shared_ptr<const SyntaxModel> held(&bundled_model(), [](const SyntaxModel*) {});
  std::promise<std::shared_ptr<const SyntaxModel>> p;
  p.set_value(held);
  return p.get_future().share();
}

inline std::vector<Word> parse(std::string_view text) {
  return parse_sentence(text, bundled_model());
}

}  // namespace crosscheck::test
