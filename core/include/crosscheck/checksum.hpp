// A fast 64-bit checksum of bytes (8 bytes a step, MurmurHash3's final mix): it only has to
// catch damage (a truncated or altered file), not an adversary, so it is checked on every
// load where SHA-256 would cost more than the load itself. The analysis cache's entries and
// the syntax model's file both carry one.
#pragma once

#include <cstdint>
#include <string_view>

namespace crosscheck {

std::uint64_t checksum64(std::string_view bytes);

}  // namespace crosscheck
