// libFuzzer target: arbitrary bytes as a scenario file, through the loader and, when they load, a run cut
// to a few days (tests/support/short_run.hpp). Sanitizers catch memory and undefined-behaviour bugs;
// a broken promise (a diagnostic without its place, a time outside the horizon, a temperature that is
// not finite) aborts, so the fuzzer keeps the input. Run it with `bash .ci/fuzz SECONDS` (docs/fuzzing.md).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "tests/support/short_run.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string problem = outagesim::testing::check_scenario_input(text, "fuzz.yaml");
  if (!problem.empty()) {
    std::fprintf(stderr, "broken promise: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
