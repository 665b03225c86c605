# Every target of ours builds warning-clean with these; CI adds -Werror through OUTAGESIM_WERROR.
option(OUTAGESIM_WERROR "Treat warnings as errors" OFF)

function(outagesim_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow)
  if(OUTAGESIM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
