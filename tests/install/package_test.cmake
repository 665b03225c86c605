# ctest script: `cpack -G DEB` from the already-built tree, then dpkg-deb --info and --contents must show
# the package's name, version, dependencies and files. Only as root with OUTAGESIM_TEST_DPKG=1 (a CI
# container) does it also dpkg -i, run `outagesim --version`, and dpkg -r; otherwise it says it skips that.
# Variables: BINARY_DIR, WORK_DIR, VERSION.
cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

function(run_step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${what} failed (${status}):\n${out}\n${err}")
  endif()
  set(step_output "${out}" PARENT_SCOPE)
endfunction()

find_program(CPACK cpack HINTS ${CMAKE_COMMAND}/..)
run_step("cpack" ${CPACK} -G DEB --config ${BINARY_DIR}/CPackConfig.cmake -B ${WORK_DIR})
file(GLOB debs ${WORK_DIR}/outagesim_*.deb)
list(LENGTH debs count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "expected one outagesim_*.deb in ${WORK_DIR}, found: ${debs}")
endif()

run_step("dpkg-deb --info" dpkg-deb --info ${debs})
foreach(field "Package: outagesim" "Version: ${VERSION}" "Maintainer: " "Depends: .*libc6" "Description: ")
  if(NOT step_output MATCHES "${field}")
    message(FATAL_ERROR "dpkg-deb --info has no '${field}':\n${step_output}")
  endif()
endforeach()
run_step("dpkg-deb --contents" dpkg-deb --contents ${debs})
foreach(path "./usr/bin/outagesim\n" "./usr/include/outagesim/models/core/action.hpp"
             "./usr/lib[^ ]*/liboutagesim_models.a" "./usr/lib[^ ]*/cmake/outagesim/outagesimConfig.cmake"
             "./usr/lib[^ ]*/cmake/outagesim/outagesimConfigVersion.cmake" "./usr/share/doc/outagesim/README.md"
             "./usr/share/outagesim/scenarios/hk-2022-zone-c.yaml")
  if(NOT step_output MATCHES "${path}")
    message(FATAL_ERROR "dpkg-deb --contents has no ${path}:\n${step_output}")
  endif()
endforeach()

execute_process(COMMAND id -u OUTPUT_VARIABLE uid OUTPUT_STRIP_TRAILING_WHITESPACE)
if(uid STREQUAL "0" AND "$ENV{OUTAGESIM_TEST_DPKG}" STREQUAL "1")
  run_step("dpkg -i" dpkg -i ${debs})
  execute_process(COMMAND /usr/bin/outagesim --version RESULT_VARIABLE status OUTPUT_VARIABLE version
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  run_step("dpkg -r" dpkg -r outagesim)
  if(NOT status EQUAL 0 OR NOT version MATCHES "outagesim ${VERSION}")
    message(FATAL_ERROR "the installed outagesim --version said '${version}' (${status})")
  endif()
  message(STATUS "dpkg -i, outagesim --version (${version}), dpkg -r: done")
else()
  message(STATUS "skipping dpkg -i / outagesim --version / dpkg -r: they need root and OUTAGESIM_TEST_DPKG=1 "
                 "(a throwaway CI container); the package was checked with dpkg-deb only")
endif()
file(REMOVE_RECURSE ${WORK_DIR})
