# Coverage instrumentation for libFuzzer plus AddressSanitizer + UndefinedBehaviorSanitizer on every target
# when OUTAGESIM_FUZZ is on; fuzz/CMakeLists.txt links libFuzzer's main into the fuzz target only.
if(OUTAGESIM_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "OUTAGESIM_FUZZ needs clang (libFuzzer): use `cmake --preset fuzz`")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
