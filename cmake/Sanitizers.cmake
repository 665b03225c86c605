# AddressSanitizer + UndefinedBehaviorSanitizer for the whole build when OUTAGESIM_SANITIZE is on;
# ThreadSanitizer when OUTAGESIM_SANITIZE_THREAD is on (the two cannot share a process).
if(OUTAGESIM_SANITIZE AND OUTAGESIM_SANITIZE_THREAD)
  message(FATAL_ERROR "OUTAGESIM_SANITIZE and OUTAGESIM_SANITIZE_THREAD cannot both be on: pick the asan or the tsan preset")
endif()
if(OUTAGESIM_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
if(OUTAGESIM_SANITIZE_THREAD)
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
endif()
# Builds whose libraries need a sanitizer runtime: no mimalloc (the sanitizers bring their own allocator),
# no install test (a consumer project does not link the runtime).
if(OUTAGESIM_SANITIZE OR OUTAGESIM_SANITIZE_THREAD)
  set(OUTAGESIM_ANY_SANITIZER ON)
else()
  set(OUTAGESIM_ANY_SANITIZER OFF)
endif()
