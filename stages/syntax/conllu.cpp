// CoNLL-U in and out (UD v2): ten tab-separated columns a word, multi-word token lines
// "1-2", empty nodes "1.1" (skipped), comment lines, a blank line after each sentence.
#include <charconv>
#include <stdexcept>

#include "detail.hpp"

namespace crosscheck {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> cols;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i)
    if (i == line.size() || line[i] == '\t') {
      cols.push_back(line.substr(start, i - start));
      start = i + 1;
    }
  return cols;
}

bool to_int(std::string_view s, int& out) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

}  // namespace

std::vector<ConlluSentence> read_conllu(std::string_view bytes, std::string_view name) {
  std::vector<ConlluSentence> out;
  ConlluSentence cur;
  int mwt_end = 0;
  bool mwt_space = true;
  std::size_t line_no = 0;
  auto fail = [&](const std::string& what) {
    throw std::runtime_error(std::string(name) + ":" + std::to_string(line_no) + ": " + what);
  };
  auto flush = [&] {
    if (!cur.words.empty()) {
      for (const Word& w : cur.words)
        if (w.head > cur.words.size()) fail("head beyond the sentence");
      out.push_back(std::move(cur));
    }
    cur = ConlluSentence{};
    mwt_end = 0;
  };
  std::size_t pos = 0;
  while (pos <= bytes.size()) {
    std::size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      flush();
      if (end == bytes.size()) break;
      continue;
    }
    if (line.front() == '#') {
      std::string_view c = line.substr(1);
      if (!c.empty() && c.front() == ' ') c.remove_prefix(1);
      if (c.starts_with("text = ")) cur.text = std::string(c.substr(7));
      cur.comments.emplace_back(c);
      continue;
    }
    const auto cols = split_tabs(line);
    if (cols.size() != 10)
      fail("expected 10 tab-separated columns, found " + std::to_string(cols.size()));
    const std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) continue;  // an empty node
    const bool space_after = cols[9].find("SpaceAfter=No") == std::string_view::npos;
    if (const auto dash = id.find('-'); dash != std::string_view::npos) {
      int first = 0, last = 0;
      if (!to_int(id.substr(0, dash), first) || !to_int(id.substr(dash + 1), last) ||
          last <= first || first != static_cast<int>(cur.words.size()) + 1)
        fail("bad multi-word token range '" + std::string(id) + "'");
      cur.tokens.push_back({first, last, std::string(cols[1])});
      mwt_end = last;
      mwt_space = space_after;
      continue;
    }
    int index = 0, head = 0;
    if (!to_int(id, index) || index != static_cast<int>(cur.words.size()) + 1)
      fail("word id '" + std::string(id) + "' out of order");
    if (cols[6] != "_" && !to_int(cols[6], head)) fail("bad head '" + std::string(cols[6]) + "'");
    Word w;
    w.form = std::string(cols[1]);
    w.lemma = std::string(cols[2]);
    if (!upos_from(cols[3], w.upos)) {
      if (cols[3] != "_") fail("unknown UPOS '" + std::string(cols[3]) + "'");
    }
    w.head = static_cast<std::uint32_t>(head);
    w.deprel = std::string(cols[7]);
    w.space_after = mwt_end >= index ? index == mwt_end && mwt_space : space_after;
    if (!cur.tokens.empty() && cur.tokens.back().first == index)
      w.token_words = static_cast<std::uint8_t>(std::min(cur.tokens.back().last - index + 1, 255));
    cur.words.push_back(std::move(w));
  }
  flush();
  return out;
}

std::string to_conllu(const std::vector<Word>& words, std::string_view sent_id,
                      std::string_view text, const std::vector<ConlluSentence::Token>* tokens) {
  std::string out;
  out += "# sent_id = ";
  out += sent_id;
  out += "\n# text = ";
  for (char c : text) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  out += '\n';
  std::size_t token_end = 0;  // one past the last word of the multi-word token word i is in
  std::size_t next_token = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (w.token_words > 1 && i + w.token_words <= words.size()) {
      const Word& last = words[i + w.token_words - 1];
      std::string surface;
      if (tokens) {
        while (next_token < tokens->size() && (*tokens)[next_token].first < static_cast<int>(i + 1))
          ++next_token;
        if (next_token < tokens->size() && (*tokens)[next_token].first == static_cast<int>(i + 1))
          surface = (*tokens)[next_token].form;
      } else {
        surface = std::string(text.substr(w.span.begin, last.span.end - w.span.begin));
      }
      out += std::to_string(i + 1) + "-" + std::to_string(i + w.token_words) + "\t" + surface;
      out += "\t_\t_\t_\t_\t_\t_\t_\t";
      out += last.space_after ? "_" : "SpaceAfter=No";
      out += '\n';
      token_end = i + w.token_words;
    }
    const bool in_token = i < token_end;
    out += std::to_string(i + 1) + "\t" + w.form + "\t" + (w.lemma.empty() ? "_" : w.lemma) + "\t" +
           std::string(to_string(w.upos)) + "\t_\t_\t" + std::to_string(w.head) + "\t" +
           (w.deprel.empty() ? "dep" : w.deprel) + "\t_\t" +
           (in_token || w.space_after ? "_" : "SpaceAfter=No") + "\n";
  }
  out += '\n';
  return out;
}

}  // namespace crosscheck
