// Putting reports on disk safely: a file written unnamed (O_TMPFILE; else mkstemp), linked
// under a fresh random name nobody can have planted, and renamed; a report set written
// unnamed, then linked into a private staging folder swapped with the old set in one step.
#include <fcntl.h>
#include <stdio.h>  // renameat2, RENAME_EXCHANGE
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <random>
#include <streambuf>

#include "crosscheck/sha256.hpp"
#include "reports/reports.hpp"

namespace crosscheck {
namespace fs = std::filesystem;

namespace {

// An output stream buffer over a file descriptor it does not own; it remembers the first
// write error.
class FdBuffer : public std::streambuf {
 public:
  // With `hash`, every byte written is hashed too.
  FdBuffer(int fd, Sha256* hash) : fd_(fd), hash_(hash) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!flush_buffer()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return flush_buffer() ? 0 : -1; }

 private:
  bool flush_buffer() {
    if (hash_ != nullptr)
      hash_->update(std::string_view(pbase(), static_cast<std::size_t>(pptr() - pbase())));
    for (const char* p = pbase(); p < pptr();) {
      const ssize_t n = ::write(fd_, p, static_cast<std::size_t>(pptr() - p));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        if (error_ == 0) error_ = n < 0 ? errno : EIO;
        return false;
      }
      p += n;
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return true;
  }
  int fd_;
  Sha256* hash_;
  int error_ = 0;
  std::array<char, 1 << 16> buffer_{};
};

// Writes what `write` gives into the open file and pushes it to the disk; 0 or an errno.
// With `sha256`, the hex SHA-256 of the bytes written.
int fill(int fd, const std::function<void(std::ostream&)>& write, std::string* sha256 = nullptr) {
  Sha256 hash;
  FdBuffer buffer(fd, sha256 != nullptr ? &hash : nullptr);
  std::ostream stream(&buffer);
  write(stream);
  stream.flush();
  if (buffer.error() != 0) return buffer.error();
  if (!stream) return EIO;
  if (::fsync(fd) != 0) return errno;
  if (sha256 != nullptr) *sha256 = hex(hash.digest());
  return 0;
}

// As fill, without the fsync: for what a crash may lose (a cache entry).
int fill_unsynced(int fd, const std::function<void(std::ostream&)>& write) {
  FdBuffer buffer(fd, nullptr);
  std::ostream stream(&buffer);
  write(stream);
  stream.flush();
  if (buffer.error() != 0) return buffer.error();
  return stream ? 0 : EIO;
}

void sync_folder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

constexpr std::string_view kStagingMark = ".crosscheck-staging-";

// Removes the staging folders of dead runs beside `out`: a live run holds a lock on its
// own (flock on the folder), so taking that lock shows its run is gone, whatever its
// process id or container.
void remove_stale_staging(const fs::path& parent, const std::string& out_name) {
  std::error_code ec;
  const std::string prefix = "." + out_name + std::string(kStagingMark);
  for (fs::directory_iterator it(parent, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(prefix) || !it->is_directory(ec) || it->is_symlink(ec)) continue;
    const int fd = ::open(it->path().c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    const bool dead = fd < 0 || ::flock(fd, LOCK_EX | LOCK_NB) == 0;
    if (dead) {
      std::error_code ignored;
      fs::remove_all(it->path(), ignored);
    }
    if (fd >= 0) ::close(fd);
  }
}

// True when the entry is one crosscheck writes into an output folder: a report, the
// manifest, or an older build's temporary ("report.html.tmp.4242").
bool ours(const std::string& name, const std::vector<std::string>& known) {
  for (const auto& k : known)
    if (name == k || name.starts_with(k + ".tmp.")) return true;
  return name == kManifestFile;
}

}  // namespace

std::string write_atomically(const std::string& path,
                             const std::function<void(std::ostream&)>& write, bool sync) {
  // The file is written unnamed (O_TMPFILE) in the target's folder, so a run killed while
  // writing leaves nothing behind; it is then linked under a fresh random name beside the
  // target (linkat never replaces what is there: a planted file or link is never opened)
  // and renamed over the target in one step. fsync first, so that after a crash the target
  // is either the old file or the whole new one. Where the file system has no unnamed
  // files, mkstemp makes the temporary (O_EXCL, a random name).
  const fs::path folder = fs::path(path).has_parent_path() ? fs::path(path).parent_path() : ".";
  const auto failure = [&](int error) {
    return "cannot write " + path + ": " + std::strerror(error);
  };
  int fd = ::access("/proc/self/fd", X_OK) == 0
               ? ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644)
               : (errno = EOPNOTSUPP, -1);
  std::string temporary;
  if (fd < 0 && errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) return failure(errno);
  if (fd < 0) {
    temporary = path + ".tmp-XXXXXX";
    fd = ::mkostemp(temporary.data(), O_CLOEXEC);
    if (fd < 0) return failure(errno);
    ::fchmod(fd, 0644);
  }
  int error = sync ? fill(fd, write) : fill_unsynced(fd, write);
  if (error == 0 && temporary.empty()) {  // name it: a fresh name beside the target
    static thread_local std::mt19937_64 random(std::random_device{}());
    const std::string self = "/proc/self/fd/" + std::to_string(fd);
    for (int attempt = 0; attempt < 16; ++attempt) {
      char suffix[17];
      std::snprintf(suffix, sizeof suffix, "%016llx", static_cast<unsigned long long>(random()));
      temporary = path + ".tmp-" + suffix;
      if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, temporary.c_str(), AT_SYMLINK_FOLLOW) == 0)
        break;
      error = errno;
      temporary.clear();
      if (error != EEXIST) break;
    }
    if (temporary.empty() && error == 0) error = EEXIST;
  }
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error == 0 && std::rename(temporary.c_str(), path.c_str()) != 0) error = errno;
  if (error != 0) {
    if (!temporary.empty()) ::unlink(temporary.c_str());
    return failure(error);
  }
  return "";
}

std::string report_folder_problem(const fs::path& out, const std::vector<std::string>& known) {
  (void)known;
  std::error_code ec;
  const fs::path target = out.lexically_normal();
  if (fs::exists(target, ec) && !fs::is_directory(target, ec))
    return "cannot write " + out.string() + ": " + std::strerror(ENOTDIR);
  return "";
}

namespace {

// True when the folder holds only what crosscheck writes there, so it may be swapped whole.
bool only_ours(const fs::path& folder, const std::vector<std::string>& known) {
  std::error_code ec;
  if (fs::is_symlink(folder, ec)) return false;
  for (fs::directory_iterator it(folder, ec); !ec && it != fs::directory_iterator();
       it.increment(ec))
    if (!ours(it->path().filename().string(), known)) return false;
  return !ec;
}

}  // namespace

std::string write_report_set(const fs::path& out, const std::vector<ReportFile>& files,
                             const std::vector<std::string>& known) {
  std::error_code ec;
  const fs::path target = out.lexically_normal().filename().empty()
                              ? out.lexically_normal().parent_path()
                              : out.lexically_normal();
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string name = target.filename().string();
  const auto failed = [&](const std::string& what, int error) {
    return "cannot write " + out.string() + ": " + what + std::strerror(error);
  };
  fs::create_directories(parent, ec);
  if (ec) return failed("", ec.value());
  if (std::string problem = report_folder_problem(out, known); !problem.empty()) return problem;
  remove_stale_staging(parent, name);
  // The reports are written unnamed (O_TMPFILE) in the parent folder first, so that a run
  // killed while writing them, which is most of the time this function takes, leaves
  // nothing behind. Only then are they linked into the staging folder and put in place,
  // a matter of milliseconds. Where the file system has no unnamed files, they are
  // written into the staging folder directly.
  // The unnamed files are named through /proc/self/fd, so without /proc they are not used.
  // They are closed however this returns, a writer's exception included.
  struct Unnamed {
    std::vector<int> fds;
    ~Unnamed() {
      for (const int fd : fds) ::close(fd);
    }
  } unnamed_files;
  std::vector<int>& unnamed = unnamed_files.fds;
  const auto close_unnamed = [&] {
    for (const int fd : unnamed) ::close(fd);
    unnamed.clear();
  };
  const bool can_name = ::access("/proc/self/fd", X_OK) == 0;
  std::string manifest;
  for (const ReportFile& file : files) {
    if (!can_name) break;
    const int fd = ::open(parent.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
    if (fd < 0) {
      const int error = errno;
      // no unnamed files here: the staging folder takes the reports (only before any is
      // written, for a writer may not run twice)
      if (unnamed.empty() && (error == EOPNOTSUPP || error == EISDIR || error == EINVAL)) break;
      close_unnamed();
      return failed(file.name + ": ", error);
    }
    unnamed.push_back(fd);
    std::string sum;
    if (const int error = fill(fd, file.write, &sum); error != 0) {
      close_unnamed();
      return failed(file.name + ": ", error);
    }
    manifest += sum + "  " + file.name + "\n";  // sha256sum -c reads it
  }
  if (unnamed.size() != files.size()) manifest.clear();
  // The staging folder, locked until the set is in place, so that no other run takes it
  // for a dead one's. Another run may remove it between mkdtemp and the lock: then the
  // locked folder is not the one at that name any more, and a new one is made.
  fs::path stage;
  int lock = -1;
  for (int attempt = 0; attempt < 5 && lock < 0; ++attempt) {
    std::string staging = (parent / ("." + name + std::string(kStagingMark) + "XXXXXX")).string();
    if (::mkdtemp(staging.data()) == nullptr) {
      close_unnamed();
      return failed("", errno);
    }
    stage = staging;
    lock = ::open(stage.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (lock < 0 || ::flock(lock, LOCK_EX) != 0) {
      const int error = errno;
      if (lock >= 0) ::close(lock);
      close_unnamed();
      return failed("", error);
    }
    struct stat held {
    }, named{};
    if (::fstat(lock, &held) != 0 || ::stat(stage.c_str(), &named) != 0 ||
        held.st_ino != named.st_ino || held.st_dev != named.st_dev) {
      ::close(lock);
      lock = -1;
    }
  }
  if (lock < 0) {
    close_unnamed();
    return failed("", EAGAIN);
  }
  const auto abandon = [&](const std::string& message) {
    close_unnamed();
    std::error_code ignored;
    fs::remove_all(stage, ignored);
    return message;
  };
  const auto unlock = [&] { ::close(lock); };
  for (std::size_t i = 0; i < files.size(); ++i) {
    const fs::path path = stage / files[i].name;
    if (!unnamed.empty()) {  // written: name it in the staging folder
      const std::string self = "/proc/self/fd/" + std::to_string(unnamed[i]);
      if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW) != 0) {
        const int error = errno;
        unlock();
        return abandon(failed(files[i].name + ": ", error));
      }
      continue;
    }
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
      unlock();
      return abandon(failed(files[i].name + ": ", errno));
    }
    std::string sum;
    int error = fill(fd, files[i].write, &sum);
    if (::close(fd) != 0 && error == 0) error = errno;
    if (error != 0) {
      unlock();
      return abandon(failed(files[i].name + ": ", error));
    }
    manifest += sum + "  " + files[i].name + "\n";
  }
  close_unnamed();
  {
    const int fd = ::open((stage / std::string(kManifestFile)).c_str(),
                          O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    int error = fd < 0 ? errno : fill(fd, [&](std::ostream& o) { o << manifest; });
    if (fd >= 0 && ::close(fd) != 0 && error == 0) error = errno;
    if (error != 0) {
      unlock();
      return abandon(failed(std::string(kManifestFile) + ": ", error));
    }
  }
  ::chmod(stage.c_str(), 0755);
  sync_folder(stage);
  // In place in one step: the new set takes the old one's name and the old one the
  // staging name, to be removed. Where the file system cannot swap, the old set is moved
  // aside first: a reader then finds no set for a moment, never a mixed one.
  int error = 0;
  if (!fs::exists(target, ec)) {
    if (std::rename(stage.c_str(), target.c_str()) != 0) error = errno;
  } else if (!only_ours(target, known)) {
    // A folder with files of others (or a link to one) is not swapped: each report takes
    // its place by its own rename, the manifest last, and the reports of formats not
    // written this time go, so the set stays one run's. A reader may see a mix only
    // between two renames.
    for (const ReportFile& file : files)
      if (error == 0 && std::rename((stage / file.name).c_str(), (target / file.name).c_str()) != 0)
        error = errno;
    const std::string manifest_name(kManifestFile);
    if (error == 0 &&
        std::rename((stage / manifest_name).c_str(), (target / manifest_name).c_str()) != 0)
      error = errno;
    for (fs::directory_iterator it(target, ec); error == 0 && !ec && it != fs::directory_iterator();
         it.increment(ec)) {
      const std::string entry = it->path().filename().string();
      const bool written = std::any_of(files.begin(), files.end(),
                                       [&](const ReportFile& f) { return f.name == entry; });
      if (!written && entry != manifest_name && ours(entry, known)) {
        std::error_code ignored;
        fs::remove(it->path(), ignored);
      }
    }
  } else if (::renameat2(AT_FDCWD, stage.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
    error = errno;
    if (error == EINVAL || error == ENOSYS || error == ENOTSUP) {
      std::string aside = (parent / ("." + name + std::string(kStagingMark) + "XXXXXX")).string();
      error = 0;
      if (::mkdtemp(aside.data()) == nullptr || std::rename(target.c_str(), aside.c_str()) != 0 ||
          std::rename(stage.c_str(), target.c_str()) != 0)
        error = errno;
      std::error_code ignored;
      if (error == 0) fs::remove_all(aside, ignored);
    }
  }
  unlock();
  if (error != 0) return abandon(failed("", error));
  sync_folder(parent);
  std::error_code ignored;
  fs::remove_all(stage, ignored);  // the old set, now under the staging name
  return "";
}

}  // namespace crosscheck
