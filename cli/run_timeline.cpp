// `outagesim run S --timeline`: one run drawn for the terminal (reports/terminal_timeline.hpp), fitted
// to its width: --width, else $COLUMNS, else the terminal's own size, else 100 columns.
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <string_view>

#include "cli/commands.hpp"
#include "models/scenario/simulation.hpp"
#include "reports/terminal_timeline.hpp"

namespace outagesim::cli {

namespace {

constexpr std::size_t kDefaultWidth = 100;
constexpr std::size_t kMaxWidth = 10'000;

std::size_t timeline_width(const RunOptions& options) {
  if (options.width) return *options.width;
  if (const char* env = std::getenv("COLUMNS")) {
    const std::string_view text(env);
    std::size_t columns = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), columns);
    if (ec == std::errc() && end == text.data() + text.size() && columns > 0)
      return std::clamp(columns, reports::kMinTimelineWidth, kMaxWidth);
  }
  // The terminal's size only when the timeline goes to it.
  winsize size{};
  if (options.output.empty() && ::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 &&
      size.ws_col > 0)
    return std::clamp<std::size_t>(size.ws_col, reports::kMinTimelineWidth, kMaxWidth);
  return kDefaultWidth;
}

// Whether the locale says UTF-8 (LC_ALL, else LC_CTYPE, else LANG): only then the block characters.
bool utf8_locale() {
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') continue;
    std::string lower(value);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return lower.find("utf-8") != std::string::npos || lower.find("utf8") != std::string::npos;
  }
  return false;
}

}  // namespace

int run_timeline_command(const RunOptions& options, const loader::LoadResult& loaded) {
  if (options.format != "text") {
    fmt::print(stderr, "outagesim run: --timeline draws text; it does not go with --format {}\n",
               options.format);
    return 2;
  }
  const models::ScenarioSpec& spec = *loaded.spec;
  const models::RunResult result = models::simulate(spec, options.seed.value_or(spec.seed));
  const reports::TimelineOptions timeline{.width = timeline_width(options),
                                          .ascii = options.ascii || !utf8_locale()};
  return write_output(options.output, reports::terminal_timeline(spec, result, timeline)) ? 0 : 2;
}

}  // namespace outagesim::cli
