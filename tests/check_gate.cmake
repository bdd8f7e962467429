# The CI gate end to end, as a user runs it on a copy of the bundled corpus:
#   baseline, then check        -> 0
#   add a contradicting article -> 1, naming it at file:line:col with the rule
#   run check again             -> still 1 (the cache does not hide it)
#   a baseline of other rules   -> every document compared
#   replace it by a neutral one -> 0
#   rename and re-wrap an article of the baseline -> 0 (fingerprints hold)
#   --changed names a document  -> only findings involving it
#   a malformed or missing baseline -> 2 with the message
#   an event told two ways by four articles -> the gate counts every pair, listed or not
# Needs PROGRAM, SOURCE (the repository) and WORK (a scratch folder).
set(corpus ${WORK}/corpus/korea-1950)
set(baseline ${WORK}/korea.baseline)
set(cache ${WORK}/cache)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/corpus)
file(COPY ${SOURCE}/corpus/korea-1950 DESTINATION ${WORK}/corpus)

include(${SOURCE}/tests/expect.cmake)
set(EXPECT_EXTRA --cache ${cache})

expect(0 "conflicts accepted" baseline ${corpus} --baseline ${baseline})
file(READ ${baseline} text)
if(NOT text MATCHES "\nconflict [0-9a-f]+ conflict[.]date[.]same-event .*\ndocument [0-9a-f]+\n")
  message(FATAL_ERROR "the baseline file lacks its conflict and document lines:\n${text}")
endif()
expect(0 "0 new conflicts" check ${corpus} --baseline ${baseline})

file(COPY ${SOURCE}/tests/fixtures/check/contradicting.txt DESTINATION ${corpus})
set(new_conflict "contradicting[.]txt:1:[0-9]+: conflict \\[conflict[.]date[.]same-event\\]")
expect(1 "${new_conflict}.*1995" check ${corpus} --baseline ${baseline})
expect(1 "${new_conflict}.*0 analysed, 6 from the cache" check ${corpus} --baseline ${baseline})
file(REMOVE ${corpus}/contradicting.txt)

file(COPY ${SOURCE}/tests/fixtures/check/neutral.txt DESTINATION ${corpus})
expect(0 "1 new or changed: 0 new conflicts" check ${corpus} --baseline ${baseline})
file(REMOVE ${corpus}/neutral.txt)

# Rename an article and re-wrap it (a line break after every comma): same conflicts.
file(READ ${corpus}/001_8e1ba98fe5276872.txt article)
string(REPLACE ", " ",\n" article "${article}")
file(WRITE ${corpus}/001_renamed.txt "${article}")
file(REMOVE ${corpus}/001_8e1ba98fe5276872.txt)
expect(0 "1 new or changed: 0 new conflicts, [1-9][0-9]* in the baseline"
  check ${corpus} --baseline ${baseline})

# --changed adds the named document to those compared (here the re-wrapped one and 003);
# `run --changed` reports only the findings that involve it.
expect(0 "compared 2 new or changed" check ${corpus} --baseline ${baseline}
  --changed ${corpus}/003_cf8077a6ac8cfb1e.txt)
expect(0 "only those involving 1 changed documents" run ${corpus} --out ${WORK}/out 
  --changed 003_cf8077a6ac8cfb1e.txt --format jsonl)
file(READ ${WORK}/out/findings.jsonl jsonl)
string(REPLACE ";" "," jsonl "${jsonl}")  # CMake lists split at semicolons
string(REGEX MATCHALL "\n" lines "${jsonl}")
string(REGEX MATCHALL "\"doc\":\"003_cf8077a6ac8cfb1e[.]txt\"" with_003 "${jsonl}")
list(LENGTH lines count)
list(LENGTH with_003 count_003)
if(count EQUAL 0 OR NOT count EQUAL count_003)
  message(FATAL_ERROR "run --changed 003...: ${count} findings, ${count_003} involve 003")
endif()

# --since REV: the documents git sees as changed since REV, and untracked ones.
find_program(GIT git)
if(GIT)
  set(git ${GIT} -C ${corpus} -c user.name=crosscheck -c user.email=test@invalid)
  execute_process(COMMAND ${git} init -q RESULT_VARIABLE failed)
  execute_process(COMMAND ${git} add -A RESULT_VARIABLE failed2)
  execute_process(COMMAND ${git} commit -q -m corpus RESULT_VARIABLE failed3)
  if(failed OR failed2 OR failed3)
    message(FATAL_ERROR "git could not make a repository of the test corpus")
  endif()
  file(COPY ${SOURCE}/tests/fixtures/check/contradicting.txt DESTINATION ${corpus})
  expect(0 "only those involving 1 changed documents" run ${corpus} --out ${WORK}/since 
    --since HEAD --format jsonl)
  file(READ ${WORK}/since/findings.jsonl jsonl)
  if(NOT jsonl MATCHES "contradicting[.]txt")
    message(FATAL_ERROR "run --since HEAD: no finding names the new article")
  endif()
  expect(1 "${new_conflict}" check ${corpus} --baseline ${baseline} --since HEAD)
  file(REMOVE ${corpus}/contradicting.txt)
  expect(2 "--since no-such-rev: not a git revision of" check ${corpus} --baseline
    ${baseline} --since no-such-rev)
  # an option for git, given as a revision, is refused and never run: no file appears
  expect(2 "--since --output=${WORK}/planted: not a git revision of" check ${corpus}
    --baseline ${baseline} --since=--output=${WORK}/planted)
  if(EXISTS ${WORK}/planted)
    message(FATAL_ERROR "--since=--output=FILE made git write FILE")
  endif()
  file(REMOVE_RECURSE ${corpus}/.git)
else()
  message(FATAL_ERROR "git is needed for the --since test (scripts/setup.sh installs it)")
endif()

# Rules other than the baseline's: every document is compared again.
file(READ ${baseline} text)
string(REGEX REPLACE "\nrules [0-9a-f]+\n" "\nrules 0000000000000000\n" text "${text}")
file(WRITE ${WORK}/other-rules.baseline "${text}")
expect(0 "the rules changed since the baseline.*compared every document: 0 new conflicts"
  check ${corpus} --baseline ${WORK}/other-rules.baseline)

file(WRITE ${WORK}/bad.baseline "# a comment\nconflict 0123 too-short\n")
expect(2 "bad[.]baseline:2:1: error: not a baseline line" check ${corpus} --baseline ${WORK}/bad.baseline)
expect(2 "missing[.]baseline: error: cannot read the baseline file"
  check ${corpus} --baseline ${WORK}/missing.baseline)

# One event told two ways by five articles (three say 1992, two 1993): six conflict pairs.
# An event of more than four statements is listed as a spanning set of its pairs (four).
# The gate counts every pair, so checking any one article against the baseline of all five
# finds nothing new.
set(five ${WORK}/corpus/five)
file(MAKE_DIRECTORY ${five})
set(names a b c d e)
set(years 1992 1992 1992 1993 1993)
foreach(name year IN ZIP_LISTS names years)
  file(WRITE ${five}/${name}.txt
    "Archive report ${name}.\n\nThe ministry released the secret treaty files in ${year}.\n")
endforeach()
expect(0 "6 conflicts accepted" baseline ${five} --baseline ${WORK}/five.baseline)
expect(0 "0 new conflicts, 3 in the baseline" check ${five} --baseline ${WORK}/five.baseline
  --changed ${five}/e.txt)
expect(0 "4 conflicts" run ${five} --out ${WORK}/five-out --format jsonl)
file(READ ${WORK}/five-out/findings.jsonl text)
if(NOT text MATCHES "2 more pairs of statements tell this event so")
  message(FATAL_ERROR "the listed conflicts do not say what they stand for:\n${text}")
endif()
