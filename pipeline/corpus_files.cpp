#include "corpus_files.hpp"

#include <toml++/toml.h>

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

bool read_file(const std::string& path, std::string& bytes, Diagnostic& error) {
  std::error_code ec;
  if (fs::exists(path, ec) && !fs::is_regular_file(path, ec)) {
    error = error_at(path, "cannot read file: not a regular file");
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = error_at(path, std::string("cannot read file: ") + std::strerror(errno));
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    error = error_at(path, "cannot read file: I/O error");
    return false;
  }
  bytes = std::move(buffer).str();
  return true;
}

}  // namespace crosscheck
