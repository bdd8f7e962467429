// A word's text held once per process: every token that spells "said" points at one copy.
// A big run holds millions of tokens and a few hundred thousand distinct words, so a
// token's forms are a pointer each, not a string each.
#pragma once

#include <compare>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace crosscheck {

class Spelling {
 public:
  Spelling();  // ""
  // A string becomes a Spelling wherever one is wanted: the spelling is looked up (or
  // added) once.
  Spelling(std::string_view text);                                         // NOLINT
  Spelling(const std::string& text) : Spelling(std::string_view(text)) {}  // NOLINT
  Spelling(const char* text) : Spelling(std::string_view(text)) {}         // NOLINT

  const std::string& str() const { return *text_; }
  operator const std::string&() const { return *text_; }  // NOLINT: reads as a string
  operator std::string_view() const { return *text_; }    // NOLINT
  std::string_view view() const { return *text_; }

  // The string reads the code makes of a word's form.
  bool empty() const { return text_->empty(); }
  std::size_t size() const { return text_->size(); }
  char operator[](std::size_t i) const { return (*text_)[i]; }
  char front() const { return text_->front(); }
  char back() const { return text_->back(); }
  auto begin() const { return text_->begin(); }
  auto end() const { return text_->end(); }
  const char* c_str() const { return text_->c_str(); }
  const char* data() const { return text_->data(); }
  std::string substr(std::size_t pos, std::size_t n = std::string::npos) const {
    return text_->substr(pos, n);
  }
  template <class T>
  std::size_t find(const T& what, std::size_t pos = 0) const {
    return text_->find(what, pos);
  }
  template <class T>
  std::size_t rfind(const T& what, std::size_t pos = std::string::npos) const {
    return text_->rfind(what, pos);
  }
  template <class T>
  std::size_t find_first_of(const T& what, std::size_t pos = 0) const {
    return text_->find_first_of(what, pos);
  }
  template <class T>
  std::size_t find_first_not_of(const T& what, std::size_t pos = 0) const {
    return text_->find_first_not_of(what, pos);
  }
  template <class T>
  bool starts_with(const T& what) const {
    return text_->starts_with(what);
  }
  template <class T>
  bool ends_with(const T& what) const {
    return text_->ends_with(what);
  }

  // One copy per spelling: two words are equal when they point at the same copy.
  friend bool operator==(const Spelling& x, const Spelling& y) { return x.text_ == y.text_; }
  friend bool operator==(const Spelling& x, std::string_view y) { return x.view() == y; }
  friend bool operator==(const Spelling& x, const std::string& y) { return x.view() == y; }
  friend bool operator==(const Spelling& x, const char* y) { return x.view() == y; }
  friend std::strong_ordering operator<=>(const Spelling& x, const Spelling& y) {
    return x.view() <=> y.view();
  }
  friend std::strong_ordering operator<=>(const Spelling& x, std::string_view y) {
    return x.view() <=> y;
  }
  friend std::strong_ordering operator<=>(const Spelling& x, const std::string& y) {
    return x.view() <=> std::string_view(y);
  }
  friend std::strong_ordering operator<=>(const Spelling& x, const char* y) {
    return x.view() <=> std::string_view(y);
  }
  friend std::string operator+(const Spelling& x, std::string_view y) {
    return std::string(x.view()) += y;
  }
  friend std::string operator+(std::string_view x, const Spelling& y) {
    return std::string(x) += y.view();
  }
  friend std::ostream& operator<<(std::ostream& out, const Spelling& w) { return out << w.view(); }

 private:
  const std::string* text_;
};

}  // namespace crosscheck

template <>
struct std::hash<crosscheck::Spelling> {
  std::size_t operator()(const crosscheck::Spelling& w) const noexcept {
    return std::hash<std::string_view>()(w.view());
  }
};
