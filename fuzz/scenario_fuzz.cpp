// libFuzzer target: arbitrary bytes as a scenario file, through the loader and, when they load, a run cut
// to a few days (tests/support/short_run.hpp). Sanitizers catch memory and undefined-behaviour bugs;
// a broken promise (a diagnostic without its place, a time outside the horizon, a temperature that is
// not finite) aborts, so the fuzzer keeps the input. An input that starts as a JSON object is checked
// a second time as a .json file, through the JSON reader. Run it with `bash .ci/fuzz SECONDS`
// (docs/fuzzing.md).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "tests/support/short_run.hpp"

namespace {

void check(std::string_view text, const char* file_name) {
  const std::string problem = outagesim::testing::check_scenario_input(text, file_name);
  if (!problem.empty()) {
    std::fprintf(stderr, "broken promise (%s): %s\n", file_name, problem.c_str());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check(text, "fuzz.yaml");
  // A file named .json that holds a JSON object is read by the JSON reader (loader/json_document.hpp).
  if (const std::size_t first = text.find_first_not_of(" \t\r\n");
      first != std::string_view::npos && text[first] == '{') {
    check(text, "fuzz.json");
  }
  return 0;
}
