// Core types that hold no stage's logic: Spelling.
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "crosscheck/spelling.hpp"

using crosscheck::Spelling;

TEST_CASE("one spelling is one copy, and reads as its string", "[core][spelling]") {
  struct Case {
    const char* text;
    std::size_t size;
  };
  for (const Case c : {Case{"", 0}, Case{"said", 4}, Case{"@Soviet Union", 13},
                       Case{"internationalisation", 20}, Case{"n't", 3}}) {
    CAPTURE(c.text);
    const Spelling a(c.text), b{std::string(c.text)};
    CHECK(a == b);
    CHECK(a.c_str() == b.c_str());  // the same copy, not two equal ones
    CHECK(a.size() == c.size);
    CHECK(a == c.text);
    CHECK(a == std::string(c.text));
    CHECK(a.str() == c.text);
    Spelling assigned;
    assigned = std::string(c.text);
    CHECK(assigned == a);
  }
  CHECK(Spelling() == Spelling(""));
  CHECK(Spelling("approve") != Spelling("approved"));
  CHECK(Spelling("approve") < Spelling("approved"));  // by the text, not the copy's address
  CHECK(Spelling("re-elected").starts_with("re-"));
  CHECK(Spelling("re-elected").find('-') == 2);
  CHECK(Spelling("Korea") + "n" == "Korean");
  const std::set<std::string> iterative = {"again", "another"};
  CHECK(iterative.count(Spelling("again")) == 1);  // a lookup keyed by std::string
}

TEST_CASE("threads that spell one word share its copy", "[core][spelling]") {
  constexpr int kWords = 5000;
  std::vector<std::vector<const char*>> seen(4, std::vector<const char*>(kWords));
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t)
    threads.emplace_back([&seen, t] {
      for (int i = 0; i < kWords; ++i)  // each thread in its own order
        seen[t][(i * 7 + static_cast<int>(t) * 13) % kWords] =
            Spelling("word" + std::to_string((i * 7 + static_cast<int>(t) * 13) % kWords)).c_str();
    });
  for (auto& thread : threads) thread.join();
  for (std::size_t t = 1; t < seen.size(); ++t) CHECK(seen[t] == seen[0]);
  CHECK(std::string(seen[0][42]) == "word42");
}
