# Fuzzes one target for SECONDS: new inputs go to WORK (in the build tree), the committed
# SEEDS are only read, a crashing input is saved in CRASHES; any crash fails.
file(MAKE_DIRECTORY ${WORK} ${CRASHES})
get_filename_component(name ${PROGRAM} NAME)
execute_process(
  COMMAND ${PROGRAM} -max_total_time=${SECONDS} -rss_limit_mb=2560 -max_len=65536 -timeout=30
          -print_final_stats=1 -artifact_prefix=${CRASHES}/${name}- ${WORK} ${SEEDS}
  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REGEX MATCH "stat::number_of_executed_units: *[0-9]+" runs "${err}")
string(REGEX MATCHALL "cov: [0-9]+ ft: [0-9]+ corp: [0-9/]+[a-zA-Z]*" coverages "${err}")
set(coverage "")
if(coverages)
  list(GET coverages -1 coverage)
endif()
message(STATUS "${name}: ${runs}; last ${coverage}")
if(NOT code EQUAL 0)
  string(LENGTH "${err}" n)
  math(EXPR from "${n} - 4000")
  if(from LESS 0)
    set(from 0)
  endif()
  string(SUBSTRING "${err}" ${from} -1 tail)
  message(FATAL_ERROR "${name} failed (exit ${code}); inputs saved in ${CRASHES}\n${tail}")
endif()
