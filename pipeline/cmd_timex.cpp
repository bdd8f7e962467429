// `crosscheck timex`: the time expressions of text files as TIMEX3 marks them, one JSON line
// each, so that TimeML gold (TempEval-3) can score them.

#include <iostream>
#include <optional>

#include "cli.hpp"
#include "corpus_files.hpp"
#include "crosscheck/calendar.hpp"
#include "reports/reports.hpp"
#include "syntax/syntax.hpp"
#include "timex/timex.hpp"

namespace crosscheck::cli {

namespace {

std::optional<std::int32_t> parse_iso_day(const std::string& s) {
  const auto d = days_of_value(s);
  if (s.size() != 10 || !d || d->grain != DayRange::Grain::kDay) return std::nullopt;
  return d->first;
}

}  // namespace

int cmd_timex(const std::vector<std::string>& args) {
  std::vector<std::string> files, rules_dirs;
  std::string model_path = default_model_path(), dct;
  po::options_description o("timex options");
  o.add_options()("help,h", "show this help")(
      "dct", po::value(&dct),
      "the article's date, YYYY-MM-DD (default: its dateline or publication stamp, found in "
      "its first lines)")("rules", po::value(&rules_dirs)->composing(),
                          "rules folder (default: rules/en)")(
      "model", po::value(&model_path), "the syntax model (default: models/en_ewt.model)")(
      "input", po::value(&files), "text files");
  po::positional_options_description pos;
  pos.add("input", -1);
  if (parse(args, o, pos).count("help")) {
    std::cout
        << "usage: crosscheck timex FILE... [--dct YYYY-MM-DD] [--rules DIR] [--model FILE]\n\n"
           "Prints the time expressions of each file as JSON Lines, one per expression:\n"
           "{\"file\", \"start_byte\", \"end_byte\", \"text\", \"type\", \"value\", \"mod\"},\n"
           "with TIMEX3 types (DATE, TIME, DURATION, SET) and values (2013-03-22, 2013-W11,\n"
           "P1Y, XXXX-WXX-1, PRESENT_REF ...). Byte offsets are into the file. Relative\n"
           "expressions are resolved against the article's date: --dct when given, else the\n"
           "first full date in the file's first " +
               std::to_string(kDatelineReach) +
               " bytes (a dateline or a stamp), else\n"
               "left unresolved (XXXX). \"The next day\" and \"four days later\" count from the\n"
               "last date the article gave. Where the article's date came from goes to\n"
               "standard error.\n\n"
        << shown(o);
    return kOk;
  }
  if (files.empty()) throw UsageError("timex needs a FILE");
  std::optional<std::int32_t> given;
  if (!dct.empty()) {
    given = parse_iso_day(dct);
    if (!given) throw UsageError("--dct must be a date YYYY-MM-DD, not '" + dct + "'");
  }
  const LoadedRules rules = load(rules_dirs, "");
  print_diagnostics(rules.diagnostics);
  if (!rules.ok()) return kBadInput;
  const auto model = load_model_or_report(model_path);
  if (!model) return kBadInput;
  int status = kOk;
  for (const std::string& file : files) {
    std::string bytes;
    Diagnostic error;
    if (!read_file(file, bytes, error)) {
      std::cerr << error.format() << '\n';
      status = kBadInput;
      continue;
    }
    const auto doc = ingest_or_report(file, std::move(bytes));
    if (!doc) {
      status = kBadInput;
      continue;
    }
    const std::string& text = doc->original;
    const std::vector<SentenceWords> sentences = parse_lines(text, *model);
    TimexContext context;
    context.article_date = given;
    if (!given) {
      for (const auto& s : sentences)
        if (!context.article_date && s.span.begin < kDatelineReach)
          context.article_date = first_full_date(s.words, rules.lexicon);
      std::cerr << file << ": article date "
                << (context.article_date ? value_at(*context.article_date, DayRange::Grain::kDay) +
                                               " (from the text)"
                                         : std::string("not found: relative dates stay open"))
                << '\n';
    }
    for (const auto& s : sentences)
      for (const Timex& t : find_timexes(s.words, rules.lexicon, context)) {
        const std::uint32_t b = s.span.begin + t.span.begin, e = s.span.begin + t.span.end;
        std::cout << "{\"file\": " << json_quote(file) << ", \"start_byte\": " << b
                  << ", \"end_byte\": " << e
                  << ", \"text\": " << json_quote(std::string_view(text).substr(b, e - b))
                  << ", \"type\": " << json_quote(to_string(t.type))
                  << ", \"value\": " << json_quote(t.value) << ", \"mod\": " << json_quote(t.mod)
                  << "}\n";
      }
  }
  return status;
}

}  // namespace crosscheck::cli
