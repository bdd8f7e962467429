# Runs PROGRAM with ARGS (a ;-list) and fails unless it exits with EXPECTED.
execute_process(COMMAND ${PROGRAM} ${ARGS} RESULT_VARIABLE code OUTPUT_QUIET ERROR_QUIET)
if(NOT code EQUAL EXPECTED)
  message(FATAL_ERROR "${PROGRAM} ${ARGS}: exit ${code}, expected ${EXPECTED}")
endif()
