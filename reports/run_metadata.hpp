// What produced a result: printed at the top of every report so a result file says where it came from.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace outagesim::reports {

struct RunMetadata {
  std::string version;              // of outagesim
  std::string file;                 // the scenario file as given
  std::uint64_t scenario_hash = 0;  // FNV-1a 64 of its bytes
  std::uint64_t seed = 0;
  // The strategy variant put in place for this result (rank, sweep, sensitivity --variant); empty: as
  // written.
  std::string variant = {};
  // The scenario's warnings ("file:line:column: message"): what loaded but likely does not do what its
  // author meant. Printed in the text header and kept in the JSON (`warnings`) when there are any.
  std::vector<std::string> warnings = {};
};

}  // namespace outagesim::reports
