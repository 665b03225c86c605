#include "cli/non_empty.hpp"

#include <string>

namespace outagesim::cli {

CLI::Validator non_empty() {
  return CLI::Validator(
      [](const std::string& value) {
        return value.empty() ? std::string("must not be empty") : std::string();
      },
      "NONEMPTY");
}

}  // namespace outagesim::cli
