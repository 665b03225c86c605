// `outagesim generate`: writes a synthetic region scenario of the asked size, for scale tests.
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "cli/commands.hpp"
#include "cli/region_generator.hpp"

namespace outagesim::cli {

int generate_command(const GenerateOptions& options) {
  // The counts' ranges are checked while parsing; what remains is how they fit together.
  if (options.services < options.zones) {
    fmt::print(
        stderr,
        "outagesim generate: --services ({}) must be at least --zones ({}): every zone needs a compute "
        "service for its tenants\n",
        options.services, options.zones);
    return 2;
  }
  const RegionShape shape{options.zones,    options.rooms,   options.hosts,
                          options.services, options.tenants, options.seed};
  if (options.output.empty()) return write_region_scenario(shape, stdout) && std::fflush(stdout) == 0 ? 0 : 2;

  const auto fail = [&](int error) {
    fmt::print(stderr, "outagesim: cannot write {}: {}\n", options.output,
               std::strerror(error != 0 ? error : EIO));
    return 2;
  };
  errno = 0;
  std::FILE* out = std::fopen(options.output.c_str(), "wb");
  if (out == nullptr) return fail(errno);
  // A large buffer: the file is written in a few thousand large writes, never held whole in memory.
  std::setvbuf(out, nullptr, _IOFBF, 1 << 20);
  const bool written = write_region_scenario(shape, out);
  int error = written ? 0 : errno;
  if (std::fclose(out) != 0 && error == 0) error = errno;
  if (!written || error != 0) return fail(error);
  return 0;
}

}  // namespace outagesim::cli
