# ctest script: installs the already-built tree into a fresh prefix (no rebuild), builds
# tests/install/consumer against it with find_package(outagesim), and runs it on a shipped scenario.
# Variables: BINARY_DIR (the build tree), SOURCE_DIR, WORK_DIR (scratch), CXX, LAUNCHER (may be empty).
cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)

function(run_step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${what} failed (${status}):\n${out}\n${err}")
  endif()
  set(step_output "${out}" PARENT_SCOPE)
endfunction()

run_step("cmake --install" ${CMAKE_COMMAND} --install ${BINARY_DIR} --prefix ${prefix})
foreach(expected bin/outagesim include/outagesim/models/core/action.hpp include/outagesim/loader/scenario_loader.hpp
                 include/outagesim/sim/time.hpp include/outagesim/reports/fis_export.hpp share/doc/outagesim/README.md
                 share/outagesim/scenarios/hk-2022-zone-c.yaml)
  if(NOT EXISTS ${prefix}/${expected})
    message(FATAL_ERROR "the installed tree has no ${expected}")
  endif()
endforeach()
file(GLOB_RECURSE config ${prefix}/*/outagesimConfig.cmake)
if(NOT config)
  message(FATAL_ERROR "the installed tree has no outagesimConfig.cmake")
endif()

set(configure_args -S ${SOURCE_DIR}/tests/install/consumer -B ${WORK_DIR}/build -DCMAKE_PREFIX_PATH=${prefix}
                   -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE=Release)
if(LAUNCHER)
  list(APPEND configure_args -DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER})
endif()
run_step("configuring the consumer" ${CMAKE_COMMAND} ${configure_args})
run_step("building the consumer" ${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run_step("running the consumer" ${WORK_DIR}/build/tenant_downtime
         ${prefix}/share/outagesim/scenarios/power-feed-loss.yaml single-zone-app)
# The single-zone tenant is down from the room's dark at 10:15 for hours: a positive whole count.
if(NOT step_output MATCHES "^single-zone-app down [1-9][0-9]*s\n$")
  message(FATAL_ERROR "unexpected consumer output: '${step_output}'")
endif()
message(STATUS "consumer: ${step_output}")
file(REMOVE_RECURSE ${WORK_DIR})
