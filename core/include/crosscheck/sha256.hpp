// SHA-256 of bytes: raw (32 bytes), base64 (the form a Content-Security-Policy hash source
// takes) and lower-case hex.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace crosscheck {

// SHA-256 of bytes given in pieces: a report hashed as it is written.
class Sha256 {
 public:
  void update(std::string_view bytes);
  std::string digest();  // raw, 32 bytes; once, after the last update

 private:
  void compress(const unsigned char* block);
  std::array<std::uint32_t, 8> h_ = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::array<unsigned char, 64> block_{};
  std::size_t pending_ = 0;  // bytes of block_ not compressed yet
  std::uint64_t length_ = 0;
};

std::string sha256(std::string_view bytes);
std::string sha256_base64(std::string_view bytes);
std::string sha256_hex(std::string_view bytes);
std::string hex(std::string_view digest);  // lower-case hex of raw bytes

}  // namespace crosscheck
