// SHA-256 of bytes: raw (32 bytes), base64 (the form a Content-Security-Policy hash source
// takes) and lower-case hex; and HMAC-SHA256, the keyed form that the analysis cache signs
// its entries with. OpenSSL's libcrypto computes them (with the CPU's SHA instructions
// where it has them).
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace crosscheck {

// SHA-256 of bytes given in pieces: a report hashed as it is written.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view bytes);
  std::string digest();  // raw, 32 bytes; once, after the last update

 private:
  struct State;
  std::unique_ptr<State> state_;
};

std::string sha256(std::string_view bytes);
std::string sha256_base64(std::string_view bytes);
std::string sha256_hex(std::string_view bytes);
std::string hex(std::string_view digest);  // lower-case hex of raw bytes

// HMAC-SHA256 (RFC 2104) of `bytes` under `key`: raw, 32 bytes.
std::string hmac_sha256(std::string_view key, std::string_view bytes);

}  // namespace crosscheck
