// SHA-256 (FIPS 180-4), for Content-Security-Policy hashes, finding fingerprints and cache
// keys. Small enough to keep here rather than pull in a crypto library for three uses.
#include "crosscheck/sha256.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <string>

namespace crosscheck {

namespace {

constexpr std::array<std::uint32_t, 64> k = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

}  // namespace

void Sha256::compress(const unsigned char* block) {
  std::uint32_t w[64];
  for (int i = 0; i < 16; ++i)
    w[i] = std::uint32_t{block[4 * i]} << 24 | std::uint32_t{block[4 * i + 1]} << 16 |
           std::uint32_t{block[4 * i + 2]} << 8 | std::uint32_t{block[4 * i + 3]};
  for (int i = 16; i < 64; ++i) {
    const std::uint32_t s0 = std::rotr(w[i - 15], 7) ^ std::rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    const std::uint32_t s1 = std::rotr(w[i - 2], 17) ^ std::rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  std::uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4], f = h_[5], g = h_[6],
                x = h_[7];
  for (int i = 0; i < 64; ++i) {
    const std::uint32_t t1 = x + (std::rotr(e, 6) ^ std::rotr(e, 11) ^ std::rotr(e, 25)) +
                             ((e & f) ^ (~e & g)) + k[i] + w[i];
    const std::uint32_t t2 =
        (std::rotr(a, 2) ^ std::rotr(a, 13) ^ std::rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    x = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
  }
  h_[0] += a, h_[1] += b, h_[2] += c, h_[3] += d, h_[4] += e, h_[5] += f, h_[6] += g, h_[7] += x;
}

void Sha256::update(std::string_view bytes) {
  length_ += bytes.size();
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t at = 0;
  if (pending_ > 0) {  // fill the block begun by the last update first
    const std::size_t take = std::min(bytes.size(), 64 - pending_);
    std::copy(data, data + take, block_.data() + pending_);
    pending_ += take;
    at = take;
    if (pending_ < 64) return;
    compress(block_.data());
    pending_ = 0;
  }
  for (; at + 64 <= bytes.size(); at += 64) compress(data + at);  // whole blocks in place
  std::copy(data + at, data + bytes.size(), block_.data());
  pending_ = bytes.size() - at;
}

std::string Sha256::digest() {
  // the tail, 0x80, zeros and the bit length after
  unsigned char tail[128] = {};
  std::copy(block_.data(), block_.data() + pending_, tail);
  tail[pending_] = 0x80;
  const std::size_t tail_size = pending_ + 1 + 8 <= 64 ? 64 : 128;
  const std::uint64_t bit_length = length_ * 8;
  for (int i = 0; i < 8; ++i)
    tail[tail_size - 1 - i] = static_cast<unsigned char>((bit_length >> (8 * i)) & 0xff);
  for (std::size_t at = 0; at < tail_size; at += 64) compress(tail + at);
  std::string out;
  for (const std::uint32_t word : h_)
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((word >> shift) & 0xff);
  return out;
}

std::string hex(std::string_view digest) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const char c : digest) {
    out += kHex[(static_cast<unsigned char>(c) >> 4) & 0xf];
    out += kHex[static_cast<unsigned char>(c) & 0xf];
  }
  return out;
}

std::string sha256(std::string_view bytes) {
  Sha256 h;
  h.update(bytes);
  return h.digest();
}

std::string sha256_base64(std::string_view bytes) {
  const std::string digest = sha256(bytes);
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < digest.size(); i += 3) {
    std::uint32_t group = static_cast<unsigned char>(digest[i]) << 16;
    if (i + 1 < digest.size()) group |= static_cast<unsigned char>(digest[i + 1]) << 8;
    if (i + 2 < digest.size()) group |= static_cast<unsigned char>(digest[i + 2]);
    out += kAlphabet[(group >> 18) & 63];
    out += kAlphabet[(group >> 12) & 63];
    out += i + 1 < digest.size() ? kAlphabet[(group >> 6) & 63] : '=';
    out += i + 2 < digest.size() ? kAlphabet[group & 63] : '=';
  }
  return out;
}

std::string sha256_hex(std::string_view bytes) { return hex(sha256(bytes)); }

}  // namespace crosscheck
