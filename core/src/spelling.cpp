#include "crosscheck/spelling.hpp"

#include <array>
#include <mutex>
#include <shared_mutex>
#include <unordered_set>

namespace crosscheck {

namespace {

// The spellings, in shards so that threads analysing documents seldom wait on each other.
// A node of an unordered_set keeps its address while the set grows, so a Spelling's pointer
// stays good for the life of the process.
class Pool {
 public:
  const std::string* intern(std::string_view text) {
    const std::size_t h = std::hash<std::string_view>()(text);
    Shard& shard = shards_[h % shards_.size()];
    {
      std::shared_lock lock(shard.mutex);
      if (auto it = shard.set.find(text); it != shard.set.end()) return &*it;
    }
    std::unique_lock lock(shard.mutex);
    return &*shard.set.emplace(text).first;
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>()(s);
    }
  };
  struct Shard {
    std::shared_mutex mutex;
    std::unordered_set<std::string, Hash, std::equal_to<>> set;
  };
  std::array<Shard, 64> shards_;
};

Pool& pool() {
  static Pool* all = new Pool;  // never destroyed: words outlive every static
  return *all;
}

const std::string* empty_spelling() {
  static const std::string* empty = pool().intern("");
  return empty;
}

}  // namespace

Spelling::Spelling() : text_(empty_spelling()) {}

Spelling::Spelling(std::string_view text)
    : text_(text.empty() ? empty_spelling() : pool().intern(text)) {}

}  // namespace crosscheck
