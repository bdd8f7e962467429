#include "corpus_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace crosscheck {
namespace fs = std::filesystem;

namespace {

Diagnostic error_at(std::string file, std::string message, std::uint32_t line = 0,
                    std::uint32_t col = 0) {
  Diagnostic d;
  d.file = std::move(file);
  d.line = line;
  d.col = col;
  d.message = std::move(message);
  return d;
}

// "4 MiB", or the bytes when they are not whole MiB.
std::string size_text(std::size_t bytes) {
  if (bytes % (std::size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

constexpr std::size_t kMaxSourcesBytes = std::size_t{64} << 20;

void read_sources(const std::string& text, std::map<std::string, SourceMeta>& out,
                  std::vector<Diagnostic>& errors) {
  toml::table root;
  try {
    root = toml::parse(std::string_view(text), std::string_view("sources.toml"));
  } catch (const toml::parse_error& e) {
    errors.push_back(
        error_at("", std::string(e.description()), e.source().begin.line, e.source().begin.column));
    return;
  }
  const auto* array = root["source"].as_array();
  if (array == nullptr) {
    errors.push_back(error_at("", "expected [[source]] tables"));
    return;
  }
  for (const auto& item : *array) {
    const auto* t = item.as_table();
    if (t == nullptr) continue;
    const auto file = (*t)["file"].value<std::string>();
    if (!file) {
      errors.push_back(error_at("", "[[source]] needs a 'file'", item.source().begin.line,
                                item.source().begin.column));
      continue;
    }
    SourceMeta meta;
    meta.id = (*t)["id"].value_or(std::string());
    meta.title = (*t)["title"].value_or(std::string());
    meta.outlet = (*t)["outlet"].value_or(std::string());
    meta.date = (*t)["date"].value_or(std::string());
    out[*file] = std::move(meta);
  }
}

}  // namespace

namespace {

// The length of the valid UTF-8 sequence at s[i] that is not a control character, or 0.
std::size_t printable_at(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x20 || c == 0x7f) return 0;
  if (c < 0x80) return 1;
  const std::size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
  if (n == 0 || n > 4 || i + n > s.size() || c > 0xf4) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return 0;
  const auto d = static_cast<unsigned char>(s[i + 1]);
  if ((c == 0xe0 && d < 0xa0) || (c == 0xed && d > 0x9f) || (c == 0xf0 && d < 0x90) ||
      (c == 0xf4 && d > 0x8f))
    return 0;                           // overlong, a surrogate, or past U+10FFFF
  if (c == 0xc2 && d < 0xa0) return 0;  // the C1 controls
  return n;
}

bool inside(const fs::path& path, const fs::path& folder) {
  const auto [f, p] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return f == folder.end();
}

bool document_name(const fs::path& name) {
  const auto ext = name.extension();
  return ext == ".txt" || ext == ".md";
}

struct Walk {
  const fs::path& root;
  const fs::path& canonical_root;
  CorpusListing& out;

  void skip(const fs::path& relative, std::string reason) {
    const std::string shown = printable(relative.generic_string());
    out.skipped.push_back({shown, error_at(shown, std::move(reason))});
  }

  // One entry of a folder; folders are walked in turn.
  void entry(const fs::directory_entry& e, const fs::path& relative) {
    std::error_code ec;
    const fs::path name = relative.filename();
    const bool named = document_name(name);
    const fs::file_status own = e.symlink_status(ec);
    if (ec) {
      if (named) skip(relative, "cannot read file: " + ec.message());
      return;
    }
    if (printable(name.string()) != name.string()) {
      if (named || fs::is_directory(own))
        skip(relative, "the name is not valid UTF-8 or holds control characters: not read");
      return;
    }
    if (fs::is_symlink(own)) {
      const fs::path target = fs::canonical(e.path(), ec);
      if (ec) {  // a loop, or nothing at the end
        if (named) skip(relative, "a link that cannot be followed: " + ec.message());
        return;
      }
      const bool folder = fs::is_directory(target, ec);
      if (!inside(target, canonical_root)) {
        if (named || folder) skip(relative, "a link to a file outside the corpus folder: not read");
        return;
      }
      if (folder) {
        skip(relative, "a link to a folder: links to folders are not followed");
        return;
      }
      if (named) out.files.push_back(relative.generic_string());
      return;
    }
    if (fs::is_directory(own)) {
      if (named) skip(relative, "a folder, not a document: its contents are read");
      folder(relative);
      return;
    }
    if (named) out.files.push_back(relative.generic_string());
  }

  void folder(const fs::path& relative) {
    std::error_code ec;
    const fs::path full = relative.empty() ? root : root / relative;
    fs::directory_iterator it(full, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec))
      entry(*it, relative / it->path().filename());
    if (ec)
      skip(relative.empty() ? fs::path(".") : relative, "cannot list folder: " + ec.message());
  }
};

}  // namespace

std::string printable(std::string_view name) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < name.size();) {
    if (const std::size_t n = printable_at(name, i)) {
      out.append(name.substr(i, n));
      i += n;
      continue;
    }
    const auto c = static_cast<unsigned char>(name[i++]);
    out += "\\x";
    out += kHex[c >> 4];
    out += kHex[c & 0xf];
  }
  return out;
}

CorpusListing list_corpus(const std::string& root) {
  CorpusListing out;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    out.diagnostics.push_back(
        error_at(root, fs::exists(root, ec) ? "not a folder" : "corpus folder not found"));
    return out;
  }
  const fs::path base(root);
  const fs::path canonical_root = fs::canonical(base, ec);
  Walk{base, canonical_root, out}.folder({});
  std::sort(out.files.begin(), out.files.end());
  std::sort(out.skipped.begin(), out.skipped.end(),
            [](const Skipped& a, const Skipped& b) { return a.path < b.path; });
  // sources.toml's own errors are listed as its skipping, as a document's are
  // read as documents are, so that a FIFO put in its place is not waited on
  std::string bytes;
  std::vector<Diagnostic> errors;
  const int read = read_whole_file((base / "sources.toml").string(), bytes, kMaxSourcesBytes);
  if (read == 0)
    read_sources(bytes, out.sources, errors);
  else if (read == kNotRegular)
    errors.push_back(error_at("", "not a regular file: not read"));
  else if (read == kTooLarge)
    errors.push_back(error_at("", "larger than " + size_text(kMaxSourcesBytes) + ": not read"));
  else if (read != ENOENT)
    errors.push_back(error_at("", std::string("cannot read file: ") + std::strerror(read)));
  for (auto& e : errors) {
    e.file = "sources.toml";
    out.skipped.push_back({"sources.toml", std::move(e)});
  }
  return out;
}

int read_whole_file(const std::string& path, std::string& bytes, std::size_t max_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return errno;
  struct stat info {};
  const int error = ::fstat(fd, &info) != 0                              ? errno
                    : !S_ISREG(info.st_mode)                             ? kNotRegular
                    : static_cast<std::size_t>(info.st_size) > max_bytes ? kTooLarge
                                                                         : 0;
  if (error != 0) {
    ::close(fd);
    return error;
  }
  // One byte more than the file has: the read that finds the end needs no reallocation.
  bytes.resize(static_cast<std::size_t>(info.st_size) + 1);
  std::size_t got = 0;
  for (;;) {  // the file may have changed size since fstat: read to its end
    if (got == bytes.size()) bytes.resize(bytes.size() * 2);
    const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int failure = errno;
      ::close(fd);
      return failure;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
    if (got > max_bytes) {  // it grew past the cap since fstat
      ::close(fd);
      return kTooLarge;
    }
  }
  bytes.resize(got);
  ::close(fd);
  return 0;
}

bool read_file(const std::string& path, std::string& bytes, Diagnostic& error,
               std::size_t max_bytes) {
  const int result = read_whole_file(path, bytes, max_bytes);
  if (result == kNotRegular)
    error = error_at(path, "cannot read file: not a regular file");
  else if (result == kTooLarge)
    error = error_at(path, "not analysed: larger than " + size_text(max_bytes) +
                               ", the cap on a document (--max-document-mb)");
  else if (result != 0)
    error = error_at(path, std::string("cannot read file: ") + std::strerror(result));
  return result == 0;
}

}  // namespace crosscheck
