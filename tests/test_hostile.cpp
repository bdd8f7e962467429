// Hostile and huge input, run as a user runs it: `crosscheck run` on a corpus of two
// normal articles plus one bad case, each generated here (no large file is committed).
// For every case: the exit code, the exact message, the wall time and peak memory of the
// process, and that the two normal articles and their conflict are in every report.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "crosscheck/sha256.hpp"

namespace fs = std::filesystem;

namespace {

// Under the sanitizers the program is several times slower and its memory is mostly
// shadow: the time limits stretch and peak memory is not checked.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

struct Outcome {
  int exit_code = -1;  // -1: killed at the time limit
  double seconds = 0;
  long peak_kib = 0;
  std::string out, err;
};

// Runs the program with `args`, its output in files under `work`, killed after `limit`.
Outcome run(const std::vector<std::string>& args, const fs::path& work, double limit) {
  const fs::path out = work / "stdout", err = work / "stderr";
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(o, 1);
    ::dup2(e, 2);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  Outcome result;
  int status = 0;
  struct rusage usage {};
  for (;;) {
    const pid_t done = ::wait4(pid, &status, WNOHANG, &usage);
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (done == pid) {
      result.seconds = elapsed;
      break;
    }
    if (elapsed > limit) {
      ::kill(pid, SIGKILL);
      ::wait4(pid, &status, 0, &usage);
      result.seconds = elapsed;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.peak_kib = usage.ru_maxrss;
  result.out = read(out);
  result.err = read(err);
  return result;
}

std::string random_letters(std::size_t n, unsigned seed) {
  std::mt19937 random(seed);
  std::string s(n, 'a');
  for (char& c : s) c = static_cast<char>('a' + random() % 26);
  return s;
}

std::string repeated(const std::string& unit, std::size_t bytes) {
  std::string s;
  s.reserve(bytes + unit.size());
  while (s.size() < bytes) s += unit;
  return s;
}

struct Case {
  const char* name;
  std::function<void(const fs::path& corpus)> make;  // puts the bad case into the corpus
  int exit_code;
  std::string message;  // a line of stderr, exactly ("" for none)
  std::string skipped;  // the path the reports list as skipped ("" for none)
  double seconds = 10;
  long peak_kib = 500 * 1024;
};

// The two normal articles: a conflict every report must still show.
void normal_articles(const fs::path& corpus) {
  write(corpus / "a_first.txt",
        "The minister signed the trade treaty in Geneva on 3 May 2011.\n\nFarmers harvested "
        "the wheat early in the valley.\n");
  write(corpus / "b_second.txt",
        "The minister did not sign the trade treaty in Geneva on 3 May 2011.\n");
}

std::vector<Case> cases() {
  const auto file = [](std::string name, std::function<std::string()> bytes) {
    return [name, bytes](const fs::path& corpus) { write(corpus / name, bytes()); };
  };
  const std::string sentence = "The council closed the old bridge over the river on Monday. ";
  std::vector<Case> all = {
      {"a 1 MB word without spaces", file("c.txt", [] { return random_letters(1 << 20, 1); }), 0,
       "", ""},
      {"a 1 MB word of one letter", file("c.txt", [] { return std::string(1 << 20, 'a'); }), 0, "",
       ""},
      {"a line of thousands of footnote markers",
       file("c.txt", [] { return "The army crossed the river." + repeated("[12]", 80000) + "\n"; }),
       0, "", ""},
      {"deeply nested quotes and brackets",
       file("c.txt",
            [] {
              return "He said " + repeated("(\"[{'", 100000) + "yes" + repeated("'}]\")", 100000) +
                     ".\n";
            }),
       0,
       "CORPUS/c.txt:1:1: warning: a sentence of more than 250 tokens, cut into 801 pieces "
       "(--max-sentence-tokens)",
       ""},
      {"thousands of sentences on one line",
       file("c.txt", [sentence] { return repeated(sentence, 1 << 20); }), 0, "", ""},
      {"a 1 MB sentence with no end",
       file("c.txt", [] { return repeated("the river rose and the town was flooded ", 1 << 20); }),
       0,
       "CORPUS/c.txt:1:1: warning: a sentence of more than 250 tokens, cut into 839 pieces "
       "(--max-sentence-tokens)",
       ""},
      {"a 100 MB single-line file", file("c.txt", [] { return repeated("word ", 100 << 20); }), 2,
       "CORPUS/c.txt: error: not analysed: larger than 4 MiB, the cap on a document "
       "(--max-document-mb) (skipped)",
       "c.txt", 60, 1024 * 1024},
      {"a 20 MB file of one repeated sentence",
       file("c.txt", [sentence] { return repeated(sentence + "\n", 20 << 20); }), 2,
       "CORPUS/c.txt: error: not analysed: larger than 4 MiB, the cap on a document "
       "(--max-document-mb) (skipped)",
       "c.txt"},
      {"a 1 MB digit string", file("c.txt", [] { return std::string(1 << 20, '7') + "\n"; }), 0, "",
       ""},
      {"a number of 400 digits in a sentence",
       file("c.txt", [] { return "The town counted " + std::string(400, '9') + " votes.\n"; }), 0,
       "", ""},
      {"invalid UTF-8", file("c.txt", [] { return std::string("Valid \xC3\x28 not.\n"); }), 2,
       "CORPUS/c.txt: error: invalid UTF-8 at byte offset 6 (skipped)", "c.txt"},
      {"binary", file("c.txt", [] { return std::string("PK\x03\x04\x14\0\0\0", 8); }), 2,
       "CORPUS/c.txt: error: binary file: NUL byte at offset 5 (skipped)", "c.txt"},
      {"NUL bytes in text",
       file("c.txt", [] { return std::string("The river rose.\0\0 It fell.\n", 27); }), 2,
       "CORPUS/c.txt: error: binary file: NUL byte at offset 15 (skipped)", "c.txt"},
      {"empty", file("c.txt", [] { return std::string(); }), 2,
       "CORPUS/c.txt: error: empty file: no text to analyse (skipped)", "c.txt"},
      {"UTF-16", file("c.txt", [] { return std::string("\xFF\xFEH\0i\0\n\0", 8); }), 2,
       "CORPUS/c.txt: error: UTF-16 text (it starts with a byte order mark): only UTF-8 is read "
       "(skipped)",
       "c.txt"},
      {"a folder named like a document",
       [](const fs::path& corpus) { fs::create_directories(corpus / "c.txt"); }, 2,
       "CORPUS/c.txt: error: a folder, not a document: its contents are read (skipped)", "c.txt"},
      {"a file name that is not UTF-8", file("c\xff.txt", [] { return std::string("Rain.\n"); }), 2,
       "CORPUS/c\\xff.txt: error: the name is not valid UTF-8 or holds control characters: not "
       "read (skipped)",
       "c\\xff.txt"},
      {"a file name with a newline and an escape",
       file("c\n\x1b[31m.txt", [] { return std::string("Rain.\n"); }), 2,
       "CORPUS/c\\x0a\\x1b[31m.txt: error: the name is not valid UTF-8 or holds control "
       "characters: not read (skipped)",
       "c\\x0a\\x1b[31m.txt"},
      {"a symlink loop",
       [](const fs::path& corpus) { fs::create_symlink("c.txt", corpus / "c.txt"); }, 2,
       "CORPUS/c.txt: error: a link that cannot be followed: Too many levels of symbolic links "
       "(skipped)",
       "c.txt"},
      {"a symlink out of the corpus",
       [](const fs::path& corpus) {
         write(corpus.parent_path() / "secret", "The password is swordfish.\n");
         fs::create_symlink(corpus.parent_path() / "secret", corpus / "c.txt");
       },
       2, "CORPUS/c.txt: error: a link to a file outside the corpus folder: not read (skipped)",
       "c.txt"},
      {"a FIFO named like a document",
       [](const fs::path& corpus) { ::mkfifo((corpus / "c.txt").c_str(), 0644); }, 2,
       "CORPUS/c.txt: error: cannot read file: not a regular file (skipped)", "c.txt"},
      {"sources.toml as a FIFO",
       [](const fs::path& corpus) { ::mkfifo((corpus / "sources.toml").c_str(), 0644); }, 2,
       "CORPUS/sources.toml: error: not a regular file: not read (skipped)", "sources.toml"},
      {"a bad sources.toml", file("sources.toml", [] { return std::string("[[source]\n"); }), 2,
       "CORPUS/sources.toml:1:10: error: Error while parsing table header: expected ']', saw "
       "'\\n' (skipped)",
       "sources.toml"},
      {"10,000 tiny files",
       [](const fs::path& corpus) {
         fs::create_directories(corpus / "tiny");
         for (int i = 0; i < 10000; ++i)
           write(corpus / "tiny" / ("n" + std::to_string(i) + ".txt"),
                 "Rain fell on the town on day " + std::to_string(i) + ".\n");
       },
       0, "", ""},
  };
  if (::geteuid() != 0)  // root reads any folder, so only another user can test this
    all.push_back({"an unreadable folder",
                   [](const fs::path& corpus) {
                     fs::create_directories(corpus / "locked");
                     write(corpus / "locked" / "c.txt", "Rain.\n");
                     ::chmod((corpus / "locked").c_str(), 0);
                   },
                   2, "CORPUS/locked: error: cannot list folder: Permission denied (skipped)",
                   "locked"});
  return all;
}

// `text` with every "CORPUS" put for the corpus folder.
std::string with_corpus(std::string text, const std::string& corpus) {
  for (std::size_t at; (at = text.find("CORPUS")) != std::string::npos;)
    text.replace(at, 6, corpus);
  return text;
}

bool has_line(const std::string& text, const std::string& line) {
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);)
    if (l == line) return true;
  return false;
}

}  // namespace

TEST_CASE("hostile input: every case is bounded, named, and loses no other document", "[hostile]") {
  const fs::path base =
      fs::temp_directory_path() / ("crosscheck-hostile-" + std::to_string(::getpid()));
  for (const Case& c : cases()) {
    DYNAMIC_SECTION(c.name) {
      fs::remove_all(base);
      const fs::path corpus = base / "corpus";
      fs::create_directories(corpus);
      normal_articles(corpus);
      c.make(corpus);
      const fs::path out = base / "out";
      const Outcome r = run({CROSSCHECK_PROGRAM, "run", corpus.string(), "--out", out.string(),
                             "--no-cache", "--threads", "2", "--format", "csv,jsonl,sarif,html"},
                            base, c.seconds * (kSanitized ? 12 : 3));
      INFO("stderr: " << r.err.substr(0, 2000));
      if (std::getenv("CROSSCHECK_HOSTILE_TABLE"))  // the figures, for a closing note
        std::printf("| %s | %d | %.2f s | %.0f MiB |\n", c.name, r.exit_code, r.seconds,
                    r.peak_kib / 1024.0);
      CHECK(r.exit_code == c.exit_code);
      CHECK(r.seconds <= c.seconds * (kSanitized ? 6 : 1));
      if (!kSanitized) CHECK(r.peak_kib <= c.peak_kib);
      if (!c.message.empty()) CHECK(has_line(r.err, with_corpus(c.message, corpus.string())));
      // both normal articles, and their conflict, in every report
      const std::string csv = read(out / "findings.csv");
      CHECK(csv.find(",conflict,negation,") != std::string::npos);
      CHECK(csv.find(",a_first.txt,") != std::string::npos);
      CHECK(csv.find(",b_second.txt,") != std::string::npos);
      const std::string html = read(out / "report.html");
      CHECK(html.find("a_first.txt") != std::string::npos);
      CHECK(html.find("b_second.txt") != std::string::npos);
      CHECK(read(out / "findings.jsonl").find("\"doc\":\"b_second.txt\"") != std::string::npos);
      CHECK(read(out / "findings.sarif").find("b_second.txt") != std::string::npos);
      if (!c.skipped.empty()) {  // listed as skipped in every report format
        CHECK(csv.find(",skipped,,,,," + c.skipped + ",") != std::string::npos);
        std::string quoted = c.skipped;
        for (std::size_t at = 0; (at = quoted.find('\\', at)) != std::string::npos; at += 2)
          quoted.insert(at, "\\");
        CHECK(read(out / "findings.jsonl")
                  .find("{\"kind\":\"skipped\",\"path\":\"" + quoted + "\"") != std::string::npos);
        CHECK(read(out / "findings.sarif").find("\"level\":\"error\"") != std::string::npos);
        CHECK(html.find("<code>" + c.skipped + "</code>") != std::string::npos);
      }
      // nothing of the run is left beside the reports
      for (const auto& e : fs::directory_iterator(base))
        CHECK(e.path().filename().string().find("staging") == std::string::npos);
      ::chmod((corpus / "locked").c_str(), 0755);
      fs::remove_all(base);
    }
  }
}

namespace {

// manifest.sha256 holds every other file of the set, each with its SHA-256.
bool set_is_whole(const fs::path& out, std::string& why) {
  const std::string manifest = read(out / "manifest.sha256");
  if (manifest.empty()) return why = "no manifest", false;
  std::istringstream in(manifest);
  std::size_t listed = 0;
  for (std::string sum, name; in >> sum >> name; ++listed)
    if (crosscheck::sha256_hex(read(out / name)) != sum) return why = name + " differs", false;
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(out)) ++files;
  if (files != listed + 1) return why = "files beside the manifest's", false;
  return true;
}

// A corpus of `articles` generated articles that tell a few events, some of them denied.
void generated_corpus(const fs::path& corpus, int articles) {
  const char* who[] = {"The council", "The minister", "The union", "The court", "The mayor"};
  const char* act[] = {"approved", "rejected", "signed", "opened", "closed", "delayed"};
  const char* what[] = {"the budget", "the treaty", "the bridge", "the port", "the plan"};
  std::mt19937 random(7);
  fs::create_directories(corpus);
  for (int a = 0; a < articles; ++a) {
    std::string text;
    for (int s = 0; s < 30; ++s) {
      const int day = 1 + static_cast<int>(random() % 28);
      text += std::string(who[random() % 5]) + (random() % 4 == 0 ? " did not " : " ") +
              act[random() % 6] + " " + what[random() % 5] + " on " + std::to_string(day) +
              " May 2011 after " + std::to_string(random() % 90 + 10) + " days of talks. ";
      if (s % 6 == 5) text += "\n\n";
    }
    write(corpus / ("article-" + std::to_string(a) + ".txt"), text);
  }
}

}  // namespace

TEST_CASE(
    "kill -9 at any moment leaves the previous report set whole, and the next run "
    "cleans up",
    "[hostile][kill]") {
  const fs::path base =
      fs::temp_directory_path() / ("crosscheck-kill-" + std::to_string(::getpid()));
  fs::remove_all(base);
  const fs::path corpus = base / "corpus", out = base / "out", cache = base / "cache";
  generated_corpus(corpus, 400);
  const std::vector<std::string> args = {CROSSCHECK_PROGRAM,
                                         "run",
                                         corpus.string(),
                                         "--out",
                                         out.string(),
                                         "--cache",
                                         cache.string(),
                                         "--threads",
                                         "2",
                                         "--format",
                                         "csv,html,jsonl,sarif,pairs",
                                         "-q"};
  const Outcome first = run(args, base, 120);
  REQUIRE(first.exit_code == 0);
  WARN("a whole run takes " << first.seconds << " s");
  std::string why;
  REQUIRE(set_is_whole(out, why));
  const std::string before = read(out / "manifest.sha256");
  // ten moments over a run's length, the later ones while reports are written
  std::mt19937 random(11);
  int staged = 0;  // kills that left a staging folder
  for (int k = 0; k < 10; ++k) {
    const double at = first.seconds *
                      (k < 5 ? (random() % 1000) / 1000.0 : 0.7 + 0.3 * (random() % 1000) / 1000.0);
    if (k == 3) fs::remove_all(cache);  // some kills while the cache is written
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
      const int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, 1);
      ::dup2(null, 2);
      std::vector<char*> argv;
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    std::this_thread::sleep_until(start + std::chrono::duration<double>(at));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    INFO("killed at " << at << " s");
    why.clear();
    const bool whole = set_is_whole(out, why);
    INFO("the set: " << why);
    CHECK(whole);
    CHECK(read(out / "manifest.sha256") == before);  // the same corpus: the same set
    // Nothing beside the reports: they are written unnamed, and a staging folder exists
    // only for the milliseconds that put the set in place (the next run removes one left
    // by a kill in that window, checked below).
    for (const auto& e : fs::directory_iterator(base)) {
      const std::string name = e.path().filename().string();
      INFO("beside the reports: " << name);
      const bool staging = name.starts_with(".out.crosscheck-staging-");
      staged += staging;
      CHECK((name == "corpus" || name == "out" || name == "cache" || name == "stdout" ||
             name == "stderr" || staging));
    }
  }
  WARN(staged << " of 10 kills left a staging folder");
  CHECK(staged <= 2);
  const Outcome last = run(args, base, 120);
  CHECK(last.exit_code == 0);
  why.clear();
  const bool whole = set_is_whole(out, why);
  INFO("the set after the last run: " << why);
  CHECK(whole);
  CHECK(read(out / "manifest.sha256") == before);
  std::size_t left = 0;  // no staging folder, and no temporary in the cache
  for (const auto& e : fs::recursive_directory_iterator(base)) {
    const std::string name = e.path().filename().string();
    const bool stale =
        name.find("staging") != std::string::npos || name.find(".tmp") != std::string::npos;
    if (stale) WARN("left behind: " << e.path().string());
    left += stale;
  }
  CHECK(left == 0);
  fs::remove_all(base);
}

TEST_CASE("links planted where reports and the baseline go are replaced, never followed",
          "[hostile][security]") {
  const fs::path base =
      fs::temp_directory_path() / ("crosscheck-planted-" + std::to_string(::getpid()));
  fs::remove_all(base);
  const fs::path corpus = base / "corpus", out = base / "out", victim = base / "victim";
  fs::create_directories(corpus);
  fs::create_directories(out);
  normal_articles(corpus);
  write(victim, "precious\n");
  // the names an older build used for its temporaries, and the reports themselves
  for (const char* name : {"findings.csv", "report.html", "findings.csv.tmp.1234"})
    fs::create_symlink(victim, out / name);
  fs::create_symlink(victim, base / "baseline");
  const Outcome r =
      run({CROSSCHECK_PROGRAM, "run", corpus.string(), "--out", out.string(), "--no-cache", "-q"},
          base, 60);
  CHECK(r.exit_code == 0);
  const Outcome b = run({CROSSCHECK_PROGRAM, "baseline", corpus.string(), "--baseline",
                         (base / "baseline").string(), "--no-cache", "-q"},
                        base, 60);
  CHECK(b.exit_code == 0);
  CHECK(read(victim) == "precious\n");
  CHECK_FALSE(fs::is_symlink(out / "findings.csv"));
  CHECK_FALSE(fs::is_symlink(base / "baseline"));
  CHECK_FALSE(fs::exists(out / "findings.csv.tmp.1234"));
  CHECK(read(out / "findings.csv").find(",b_second.txt,") != std::string::npos);
  fs::remove_all(base);
}
