// Bytes that mean the same on every machine we build for: little-endian fixed-width
// integers, doubles as their bits, strings and lists with a u32 length. The analysis cache
// and the shards of a sharded run (shards.hpp) are written and read with these.
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/core.hpp"

namespace crosscheck::bytes {

class Writer {
 public:
  void u8(std::uint8_t v) { out_ += static_cast<char>(v); }
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out_ += static_cast<char>((v >> (8 * i)) & 0xFF);
  }
  void u64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out_ += static_cast<char>((v >> (8 * i)) & 0xFF);
  }
  void i32(std::int32_t v) { u32(static_cast<std::uint32_t>(v)); }
  void f64(double v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    u64(bits);
  }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_ += s;
  }
  void span(Span s) { u32(s.begin), u32(s.end); }
  template <class T, class F>
  void list(const std::vector<T>& v, F each) {
    u32(static_cast<std::uint32_t>(v.size()));
    for (const auto& x : v) each(x);
  }
  template <class Text>  // std::string or Spelling
  void strings(const std::vector<Text>& v) {
    list(v, [&](const Text& s) { str(s); });
  }
  std::size_t size() const { return out_.size(); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  std::uint8_t u8() { return static_cast<std::uint8_t>(take(1)[0]); }
  std::uint32_t u32() {
    const auto b = take(4);
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[i]);
    return v;
  }
  std::uint64_t u64() {
    const auto b = take(8);
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[i]);
    return v;
  }
  std::int32_t i32() { return static_cast<std::int32_t>(u32()); }
  double f64() {
    const std::uint64_t bits = u64();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  }
  std::string str() { return std::string(take(u32())); }
  Span span() {
    Span s;
    s.begin = u32();
    s.end = u32();
    return s;
  }
  template <class T, class F>
  std::vector<T> list(F each) {
    const std::uint32_t n = u32();
    if (n > in_.size()) throw std::runtime_error("list longer than the entry");
    std::vector<T> v;
    v.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) v.push_back(each());
    return v;
  }
  template <class Text = std::string>  // std::string or Spelling
  std::vector<Text> strings() {
    return list<Text>([&] { return Text(str()); });
  }
  void skip(std::size_t n) { take(n); }
  bool done() const { return in_.empty(); }
  std::string_view rest() const { return in_; }

 private:
  std::string_view take(std::size_t n) {
    if (n > in_.size()) throw std::runtime_error("entry ends early");
    const auto out = in_.substr(0, n);
    in_.remove_prefix(n);
    return out;
  }
  std::string_view in_;
};

}  // namespace crosscheck::bytes
