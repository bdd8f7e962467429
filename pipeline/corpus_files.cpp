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

void read_sources(const fs::path& path, CorpusListing& out) {
  toml::table root;
  try {
    root = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    out.diagnostics.push_back(error_at(path.string(), std::string(e.description()),
                                       e.source().begin.line, e.source().begin.column));
    return;
  }
  const auto* array = root["source"].as_array();
  if (array == nullptr) {
    out.diagnostics.push_back(error_at(path.string(), "expected [[source]] tables"));
    return;
  }
  for (const auto& item : *array) {
    const auto* t = item.as_table();
    if (t == nullptr) continue;
    const auto file = (*t)["file"].value<std::string>();
    if (!file) {
      out.diagnostics.push_back(error_at(path.string(), "[[source]] needs a 'file'",
                                         item.source().begin.line, item.source().begin.column));
      continue;
    }
    SourceMeta meta;
    meta.id = (*t)["id"].value_or(std::string());
    meta.title = (*t)["title"].value_or(std::string());
    meta.outlet = (*t)["outlet"].value_or(std::string());
    meta.date = (*t)["date"].value_or(std::string());
    out.sources[*file] = std::move(meta);
  }
}

}  // namespace

CorpusListing list_corpus(const std::string& root) {
  CorpusListing out;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    out.diagnostics.push_back(
        error_at(root, fs::exists(root, ec) ? "not a folder" : "corpus folder not found"));
    return out;
  }
  auto it =
      fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::end(it); it.increment(ec)) {
    const auto ext = it->path().extension();
    if ((ext == ".txt" || ext == ".md") && !it->is_directory(ec))
      out.files.push_back(fs::relative(it->path(), root, ec).generic_string());
  }
  if (ec) out.diagnostics.push_back(error_at(root, "cannot list folder: " + ec.message()));
  std::sort(out.files.begin(), out.files.end());
  const fs::path sources = fs::path(root) / "sources.toml";
  if (fs::exists(sources, ec)) read_sources(sources, out);
  return out;
}

int read_whole_file(const std::string& path, std::string& bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return errno;
  struct stat info {};
  const int error = ::fstat(fd, &info) != 0 ? errno : !S_ISREG(info.st_mode) ? kNotRegular : 0;
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
      const int error = errno;
      ::close(fd);
      return error;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  bytes.resize(got);
  ::close(fd);
  return 0;
}

bool read_file(const std::string& path, std::string& bytes, Diagnostic& error) {
  const int result = read_whole_file(path, bytes);
  if (result == kNotRegular)
    error = error_at(path, "cannot read file: not a regular file");
  else if (result != 0)
    error = error_at(path, std::string("cannot read file: ") + std::strerror(result));
  return result == 0;
}

}  // namespace crosscheck
