// The stream name of a failure group.
#include "models/operations/random_failure_spec.hpp"

namespace outagesim::models {

std::string failure_stream_name(std::string_view process, std::string_view group) {
  std::string name = "failures/";
  name += process;
  name += '/';
  name += group;
  return name;
}

}  // namespace outagesim::models
