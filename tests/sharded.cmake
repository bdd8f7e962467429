# A sharded run end to end, on a copy of the bundled corpus with one file that cannot be
# read (not UTF-8):
#   analyse 3 shards, align 2 parts, merge -> the same five reports as one run, byte for byte
#   4 shards by 1 part                     -> the same again
#   a shard or a part left out             -> 2, naming the one missing
#   a shard given twice                    -> 2
#   a damaged documents.bin (bytes changed, or cut short) -> 2, naming the document or the file
#   a shard of other rules                 -> 2, saying so
#   a part aligned from other shards       -> 2, saying so
#   a killed analyse                       -> no folder, or a whole one
#   bad --shard and --part values          -> 2 with the usage error
# Needs PROGRAM, SOURCE (the repository) and WORK (a scratch folder).
set(corpus ${WORK}/corpus/korea-1950)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/corpus)
file(COPY ${SOURCE}/corpus/korea-1950 DESTINATION ${WORK}/corpus)
# Latin-1 bytes: refused as not UTF-8, listed as skipped in every report
string(ASCII 233 e_acute)
file(WRITE ${corpus}/latin1.txt "Caf${e_acute} au lait.")
include(${SOURCE}/tests/expect.cmake)
set(EXPECT_DIR ${WORK})
set(formats csv,jsonl,sarif,html,pairs)
set(reports findings.csv findings.jsonl findings.sarif report.html aligned.csv manifest.sha256)

function(same_reports a b)
  foreach(f ${reports})
    execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${a}/${f} ${b}/${f}
      RESULT_VARIABLE differ)
    if(differ)
      message(FATAL_ERROR "${b}/${f} differs from ${a}/${f}")
    endif()
  endforeach()
  message(STATUS "ok: ${b} holds the same reports as ${a}")
endfunction()

expect(2 "latin1.txt.*skipped" run ${corpus} --out one --no-cache --format ${formats})

foreach(i 1 2 3)
  expect("0;2" "shard ${i} of 3: [0-9]+ of 6 documents" analyse ${corpus} --shard ${i}/3
    --out s${i} --no-cache)
endforeach()
foreach(k 1 2)
  expect(0 "part ${k} of 2: [0-9]+ candidate pairs judged" align s1 s2 s3 --part ${k}/2
    --out p${k})
endforeach()
expect(2 "korea-1950: 5 documents, 254 statements.*latin1.txt.*skipped" merge s1 s2 s3 p1 p2 --out merged
  --format ${formats})
same_reports(${WORK}/one ${WORK}/merged)

foreach(i 1 2 3 4)
  expect("0;2" "" analyse ${corpus} --shard ${i}/4 --out q${i} --no-cache -q)
endforeach()
expect(0 "part 1 of 1" align q4 q3 q2 q1 --part 1/1 --out r1)
expect(2 "" merge q1 q2 q3 q4 r1 --out merged4 --format ${formats} -q)
same_reports(${WORK}/one ${WORK}/merged4)

# What is missing, twice, damaged or foreign is named, and nothing is written.
expect(2 "error: shard 2 of 3 is missing: no folder given holds it" merge s1 s3 p1 p2 --out bad)
expect(2 "error: part 2 of 2 is missing" merge s1 s2 s3 p1 --out bad)
expect(2 "s3: error: shard 3 of 3 is given twice [(]also .*s3[)]" align s1 s2 s3 s3 --part 1/1
  --out bad)
expect(2 "no shard folder among those given" align p1 --part 1/1 --out bad)
expect(2 "r1: error: part 1 of 1 was aligned from other shards" merge s1 s2 s3 r1 --out bad)
expect(2 "q1: error: shard 1 of 4 is of another run than shard 1 of 3" align s1 s2 s3 q1
  --part 1/1 --out bad)
file(COPY ${WORK}/s1/ DESTINATION ${WORK}/damaged)
execute_process(COMMAND dd if=/dev/zero of=${WORK}/damaged/documents.bin bs=1 seek=2000
  count=8 conv=notrunc RESULT_VARIABLE dd_failed ERROR_QUIET)
if(dd_failed)
  message(FATAL_ERROR "dd could not damage the copy")
endif()
expect(2 "damaged: error: documents.bin is damaged: document [^ ]+[.]txt does not match its SHA-256"
  align damaged s2 s3 --part 1/1 --out bad)
file(COPY ${WORK}/s1/ DESTINATION ${WORK}/short)
file(READ ${WORK}/short/shard.toml manifest)
file(WRITE ${WORK}/short/documents.bin "cut")
expect(2 "short: error: documents.bin is damaged: 3 bytes where shard.toml lists [0-9]+"
  merge short s2 s3 p1 p2 --out bad)
file(COPY ${WORK}/s1/ DESTINATION ${WORK}/edited)
file(APPEND ${WORK}/edited/shard.toml "\n")
expect(2 "edited: error: shard.toml is damaged" merge edited s2 s3 p1 p2 --out bad)

expect("0;2" "korea-1950: shard 1 of 3" analyse ${corpus} --shard 1/3 --out other-rules
  --no-cache --rules ${SOURCE}/rules/en)
expect(2 "other-rules: error: the shard made with other rules" align other-rules s2 s3 --part 1/1
  --out bad)

# Shards of other caps are not read with the others.
expect("0;2" "" analyse ${corpus} --shard 3/3 --out other-cap
  --no-cache --max-document-mb 1 -q)
expect(2 "other-cap: error: the shard made with another --max-document-mb" align s1 s2 other-cap
  --part 1/1 --out bad)
if(EXISTS ${WORK}/bad)
  message(FATAL_ERROR "a refused merge or align wrote ${WORK}/bad")
endif()

# From a warm cache (the words still encoded), the same reports again.
foreach(pass cold warm)
  foreach(i 1 2)
    expect("0;2" "" analyse ${corpus} --shard ${i}/2 --out w${i} --cache ${WORK}/cache -q)
  endforeach()
endforeach()
expect(0 "" align w1 w2 --part 1/1 --out wp -q)
expect(2 "" merge w1 w2 wp --out merged-warm --format ${formats} -q)
same_reports(${WORK}/one ${WORK}/merged-warm)

# A killed analyse leaves no folder or a whole one (write_report_set's staging), and the
# next analyse to that folder removes what the killed one left.
execute_process(COMMAND timeout -s KILL 0.4 ${PROGRAM} analyse ${corpus} --shard 1/1 --out killed
  --no-cache WORKING_DIRECTORY ${WORK} RESULT_VARIABLE killed OUTPUT_QUIET ERROR_QUIET)
if(EXISTS ${WORK}/killed)
  expect(0 "part 1 of 1: [0-9]+ candidate pairs" align killed --part 1/1 --out killed-part)
  message(STATUS "ok: the analyse (exit ${killed}) left a whole shard folder")
else()
  message(STATUS "ok: the killed analyse (exit ${killed}) left no shard folder")
endif()
expect(2 "shard 1 of 1" analyse ${corpus} --shard 1/1 --out killed --no-cache)
file(GLOB staging ${WORK}/.killed.crosscheck-staging-*)
if(staging)
  message(FATAL_ERROR "the staging of a killed analyse was not removed: ${staging}")
endif()
expect(0 "part 1 of 1" align killed --part 1/1 --out killed-part)

expect(2 "--shard must be I/N with 1 <= I <= N, not '0/3'" analyse ${corpus} --shard 0/3 --out x)
expect(2 "--shard must be I/N with 1 <= I <= N, not '4/3'" analyse ${corpus} --shard 4/3 --out x)
expect(2 "--part must be I/N with 1 <= I <= N, not '1'" align s1 --part 1 --out x)
expect(2 "--out DIR is required" align s1 --part 1/1)

# analyse reads the corpus folder's crosscheck.toml as run does (here a sentence cap that
# cuts sentences, with warnings in the reports); keys it does not take (format) are left
# to run.
file(COPY ${corpus}/ DESTINATION ${WORK}/configured/korea-1950)
file(WRITE ${WORK}/configured/korea-1950/crosscheck.toml
  "max-sentence-tokens = 12\nformat = \"csv,jsonl\"\n")
expect(2 "cut into" run configured/korea-1950 --out configured-one --no-cache -q)
expect(2 "cut into" analyse configured/korea-1950 --shard 1/1 --out configured-s --no-cache -q)
expect(0 "" align configured-s --part 1/1 --out configured-p -q)
expect(2 "" merge configured-s configured-p --out configured-merged --format csv,jsonl -q)
foreach(f findings.csv findings.jsonl manifest.sha256)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${WORK}/configured-one/${f}
    ${WORK}/configured-merged/${f} RESULT_VARIABLE differ)
  if(differ)
    message(FATAL_ERROR "with crosscheck.toml, the merged ${f} differs from run's")
  endif()
endforeach()
message(STATUS "ok: analyse took the corpus's crosscheck.toml")
