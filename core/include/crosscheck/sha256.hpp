// SHA-256 of bytes: raw (32 bytes), base64 (the form a Content-Security-Policy hash source
// takes) and lower-case hex.
#pragma once

#include <string>
#include <string_view>

namespace crosscheck {

std::string sha256(std::string_view bytes);
std::string sha256_base64(std::string_view bytes);
std::string sha256_hex(std::string_view bytes);

}  // namespace crosscheck
