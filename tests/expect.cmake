# expect(CODE PATTERN ARG...): runs PROGRAM ARG... (then EXPECT_EXTRA, in EXPECT_DIR when
# set) and stops the test unless it exits with CODE (or one of a list: "0;2") and its output
# matches PATTERN.
function(expect code pattern)
  if(NOT DEFINED EXPECT_DIR)
    set(EXPECT_DIR ${CMAKE_CURRENT_BINARY_DIR})
  endif()
  execute_process(COMMAND ${PROGRAM} ${ARGN} ${EXPECT_EXTRA} RESULT_VARIABLE got
    OUTPUT_VARIABLE out ERROR_VARIABLE err WORKING_DIRECTORY ${EXPECT_DIR})
  list(FIND code "${got}" listed)
  if(listed EQUAL -1)
    message(FATAL_ERROR "crosscheck ${ARGN}: exit ${got}, expected ${code}\n${out}\n${err}")
  endif()
  if(NOT "${out}${err}" MATCHES "${pattern}")
    message(FATAL_ERROR "crosscheck ${ARGN}: output lacks '${pattern}':\n${out}\n${err}")
  endif()
  message(STATUS "ok: exit ${got}: crosscheck ${ARGN}")
endfunction()
