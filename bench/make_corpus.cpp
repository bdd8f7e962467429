// make_corpus: writes a bench corpus (see corpus_gen.hpp) to a folder, for the whole-run
// bench scripts that time `crosscheck run` as a user runs it.
//   make_corpus SCALE DIR      e.g. make_corpus 16 /tmp/ecb16
#include <cstdlib>
#include <iostream>
#include <string>

#include "corpus_gen.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_corpus SCALE DIR\n"
                 "Writes the ECB+ articles and SCALE-1 generated copies to DIR, one file each.\n";
    return 2;
  }
  const int scale = std::atoi(argv[1]);
  if (scale < 1) {
    std::cerr << "make_corpus: SCALE must be 1 or more\n";
    return 2;
  }
  std::string error;
  const auto* corpus = crosscheck::bench::shared_corpus(scale, error);
  if (corpus == nullptr || !crosscheck::bench::write_corpus(*corpus, argv[2], error)) {
    std::cerr << "make_corpus: " << error << '\n';
    return 2;
  }
  std::cout << corpus->label << '\n';
  return 0;
}
