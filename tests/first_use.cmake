# What a new user meets, run as they run it:
#   crosscheck.toml in the corpus folder sets the formats; the command line wins over it
#   an unknown key in it is an error naming the file (exit 2)
#   a one-document corpus says why nothing is compared
#   segment and explain load the rules run loads for a corpus, and say which
# Needs PROGRAM, SOURCE (the repository) and WORK (a scratch folder).
file(REMOVE_RECURSE ${WORK})
set(corpus ${WORK}/corpus)
file(MAKE_DIRECTORY ${corpus})
file(WRITE ${corpus}/a.txt "The minister signed the trade treaty in Geneva on 3 May 2011.\n")
file(WRITE ${corpus}/b.txt "The minister did not sign the trade treaty in Geneva on 3 May 2011.\n")
file(WRITE ${corpus}/crosscheck.toml "format = \"jsonl\"\nthreads = 1\nno-cache = true\n")

include(${SOURCE}/tests/expect.cmake)
set(EXPECT_DIR ${WORK})

expect(0 "wrote ${WORK}/out/findings.jsonl" run ${corpus} --out ${WORK}/out)
if(EXISTS ${WORK}/out/findings.csv OR EXISTS ${WORK}/.crosscheck-cache)
  message(FATAL_ERROR "crosscheck.toml's format and no-cache were not taken")
endif()
expect(0 "wrote ${WORK}/out/findings.csv" run ${corpus} --out ${WORK}/out --format csv)
if(EXISTS ${WORK}/out/findings.jsonl)
  message(FATAL_ERROR "the command line's --format did not win over crosscheck.toml")
endif()
file(WRITE ${corpus}/crosscheck.toml "bogus = 1\n")
expect(2 "crosscheck.toml: unknown setting 'bogus'" run ${corpus} --out ${WORK}/out)
file(REMOVE ${corpus}/crosscheck.toml ${corpus}/b.txt)
expect(0 "one document: statements are compared only across sources" run ${corpus}
  --out ${WORK}/one --no-cache)
expect(0 "rules: [^\n]*rules/en, [^\n]*rules/korea-1950\n" segment
  ${SOURCE}/corpus/korea-1950/003_cf8077a6ac8cfb1e.txt)
# the corpus's own aliases: Kim is Kim Il-sung, as in a run
expect(0 "\"doer\":\"Kim Il-sung\".*rules: [^\n]*rules/en, [^\n]*rules/korea-1950\n" explain --corpus
  ${SOURCE}/corpus/korea-1950 "Kim did not attack." "Kim attacked.")
