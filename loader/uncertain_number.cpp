// Reading distributions: their keys, their parameters in the field's unit, empirical samples from a list
// or a CSV file, and the check that no draw can leave the field's range.
#include "loader/uncertain_number.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "loader/relative_paths.hpp"
#include "loader/spelling.hpp"
#include "loader/time_text.hpp"
#include "sim/stable_hash.hpp"

namespace outagesim::loader {

namespace {

namespace m = outagesim::models;
using sim::Distribution;
using sim::DistributionKind;

constexpr std::size_t kMaxSamples = 1'000'000;
constexpr std::uintmax_t kMaxCsvBytes = 64ull << 20;
// A draw outside the field's range may be this likely at most; the distribution is then cut at the
// range (a change nobody could measure). Anything likelier is an error the user must resolve with min/max.
constexpr double kNegligibleMass = 1e-9;

std::string range_text(const Range& r) {
  if (r.min <= -1e300 && r.max >= 1e300) return "any number";
  if (r.max >= 1e300) return fmt::format("{} {}", r.above ? "above" : "at least", r.min);
  // An open lower bound says so (blind trial M: "from 35 to 60" for a limit that must be above 35).
  if (r.above) return fmt::format("above {}, at most {}", r.min, r.max);
  return fmt::format("from {} to {}", r.min, r.max);
}

// Samples of the column `column` (or the first) of a CSV file, each read by `read_value`. Problems are
// reported at the CSV's own line and column.
std::optional<std::vector<double>> read_csv_samples(DiagnosticSink& sink, const YamlNode& file_node,
                                                    const std::string& file_text, const std::string& column,
                                                    const ValueReader& read_value, const std::string& what) {
  namespace fs = std::filesystem;
  const fs::path path = folder_for_relative_paths(sink.file_of(file_node.mark())) / file_text;
  const std::string shown = path.lexically_normal().string();
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec || !fs::is_regular_file(path, ec)) {
    sink.error(file_node.mark(), fmt::format("{}: no such file '{}'", what, shown),
               "a CSV file, relative to the scenario's folder");
    return std::nullopt;
  }
  if (size > kMaxCsvBytes) {
    sink.error(file_node.mark(),
               fmt::format("{}: '{}' is {} bytes, over the limit of {}", what, shown, size, kMaxCsvBytes));
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  sink.add_read_file(path.string(), sim::fnv1a64(text));  // the samples are part of the scenario
  // A byte-order mark (as spreadsheets write "UTF-8 CSV") is not part of the first cell.
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  std::vector<double> samples;
  int line_no = 0;
  std::optional<std::size_t> index;          // of the column, once known
  std::optional<std::size_t> header_fields;  // with a header, every row has as many fields
  bool ok = true;
  YamlTree cells_read;  // each cell as a scalar node, for read_value
  // Lines end at LF, CR LF or a lone CR (old Mac files), as in the YAML reader.
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find_first_of("\r\n", at), text.size());
    const std::string line = text.substr(at, end - at);
    at = end + (text.compare(end, 2, "\r\n") == 0 ? 2 : 1);
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::vector<int> columns;
    std::size_t start = 0;
    while (true) {
      const std::size_t comma = line.find(',', start);
      std::string cell = line.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      const std::size_t first = cell.find_first_not_of(" \t");
      const std::size_t last = cell.find_last_not_of(" \t");
      columns.push_back(static_cast<int>(start + (first == std::string::npos ? 0 : first)) + 1);
      cells.push_back(first == std::string::npos ? std::string() : cell.substr(first, last - first + 1));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    if (!index) {
      if (!column.empty()) {
        const auto it = std::find(cells.begin(), cells.end(), column);
        if (it == cells.end()) {
          const std::string hint = did_you_mean(column, cells);
          sink.error_in_file(shown, line_no, 1, fmt::format("no column '{}' in the header", column),
                             fmt::format("a header naming '{}'{}{}", column, hint.empty() ? "" : "; ", hint));
          return std::nullopt;
        }
        if (const auto again = std::find(it + 1, cells.end(), column); again != cells.end()) {
          sink.error_in_file(shown, line_no, columns[static_cast<std::size_t>(again - cells.begin())],
                             fmt::format("the header names column '{}' twice", column),
                             "each column named once");
          return std::nullopt;
        }
        index = static_cast<std::size_t>(it - cells.begin());
        header_fields = cells.size();
        continue;
      }
      index = 0;
      // A first row that is not a value is a header.
      DiagnosticSink probe(shown);
      if (!read_value(probe, cells_read.make_scalar(cells[0], YAML::Mark::null_mark()), "a sample")) {
        header_fields = cells.size();
        continue;
      }
    }
    if (header_fields && cells.size() != *header_fields) {
      sink.error_in_file(shown, line_no, 1,
                         fmt::format("the row has {} fields and the header {}", cells.size(), *header_fields),
                         "as many fields as the header (no quoting: a comma always separates)");
      ok = false;
      continue;
    }
    if (*index >= cells.size()) {
      sink.error_in_file(shown, line_no, static_cast<int>(line.size()) + 1,
                         fmt::format("the row has no column {}", *index + 1), "a value in every row");
      ok = false;
      continue;
    }
    DiagnosticSink probe(shown);
    const auto value =
        read_value(probe, cells_read.make_scalar(cells[*index], YAML::Mark::null_mark()), "the sample");
    if (!value) {
      const Diagnostic& d = probe.diagnostics().front();
      sink.error_in_file(shown, line_no, columns[*index], d.message, d.expected);
      ok = false;
      continue;
    }
    samples.push_back(*value);
    if (samples.size() > kMaxSamples) {
      sink.error_in_file(shown, line_no, 1, fmt::format("more than {} samples", kMaxSamples));
      return std::nullopt;
    }
  }
  if (!ok) return std::nullopt;
  return samples;
}

}  // namespace

bool is_distribution(const YamlNode& node) {
  return node.is_map() && node["dist"].defined();
}

ValueReader number_reader() {
  return [](DiagnosticSink& sink, const YamlNode& node, const std::string& what) {
    return read_number(sink, node, what, {});
  };
}

std::optional<sim::Time> read_uncertain_duration(DiagnosticSink& sink, const YamlNode& node,
                                                 const std::string& what, const models::InputSetter& set) {
  if (!is_distribution(node)) return read_duration(sink, node, what);
  const auto nominal =
      read_uncertain(sink, node, what, models::InputUnit::kDuration,
                     Range::between(0, static_cast<double>(kMaxDuration.count_ms())), duration_reader(), set);
  if (!nominal) return std::nullopt;
  return sim::Time::ms(std::llround(*nominal));
}

ValueReader duration_reader() {
  return [](DiagnosticSink& sink, const YamlNode& node, const std::string& what) -> std::optional<double> {
    const auto t = read_duration(sink, node, what);
    if (!t) return std::nullopt;
    return static_cast<double>(t->count_ms());
  };
}

namespace {

// The distribution's kind and parameters as read from `d`, before its checks; nullopt when the kind is
// missing or unknown (reported). Reads every key a distribution may have except those of its users.
struct Parameters {
  sim::MadeDistribution made = std::string("incomplete");
  std::optional<double> lower, upper;  // a truncation
  bool point = false;                  // a uniform or triangular narrowed to one value (min = max)
};

std::optional<Parameters> read_parameters(DiagnosticSink& sink, YamlMap& d, const std::string& what,
                                          const ValueReader& read_value) {
  const auto kind_text = d.string("dist", true);
  DistributionKind kind{};
  if (!kind_text) return std::nullopt;
  if (!sim::parse_distribution_kind(*kind_text, kind)) {
    std::vector<std::string> names;
    for (const DistributionKind k : sim::all_distribution_kinds())
      names.emplace_back(sim::distribution_kind_name(k));
    std::string message = fmt::format("{}: unknown distribution '{}'", what, *kind_text);
    if (const std::string hint = did_you_mean(*kind_text, names); !hint.empty()) message += "; " + hint;
    sink.error(d.mark_of("dist"), std::move(message), fmt::format("one of {}", fmt::join(names, ", ")));
    return std::nullopt;
  }
  const std::string of = fmt::format("of {}", what);
  const auto value = [&](std::string_view key, bool required = true) -> std::optional<double> {
    const YamlNode n = d.get(key, required);
    if (!n.defined()) return std::nullopt;
    return read_value(sink, n, fmt::format("'{}' {}", key, of));
  };
  const auto plain = [&](std::string_view key) { return d.number(key, true); };

  Parameters p;
  sim::MadeDistribution& made = p.made;
  bool truncatable = true;
  switch (kind) {
    case DistributionKind::kConstant: {
      const auto v = value("value");
      truncatable = false;
      if (v) made = Distribution::constant(*v);
      break;
    }
    case DistributionKind::kUniform: {
      const auto lo = value("min"), hi = value("max");
      truncatable = false;
      if (lo && hi) made = Distribution::uniform(*lo, *hi);
      p.point = lo && hi && *lo == *hi;
      break;
    }
    case DistributionKind::kTriangular: {
      const auto lo = value("min"), mode = value("mode"), hi = value("max");
      truncatable = false;
      if (lo && mode && hi) made = Distribution::triangular(*lo, *mode, *hi);
      p.point = lo && hi && *lo == *hi;
      break;
    }
    case DistributionKind::kExponential: {
      const auto mean = value("mean");
      if (mean) made = Distribution::exponential(*mean);
      break;
    }
    case DistributionKind::kNormal: {
      const auto mean = value("mean"), sd = value("sd");
      if (mean && sd) made = Distribution::normal(*mean, *sd);
      break;
    }
    case DistributionKind::kLognormal: {
      const auto median = value("median");
      const auto sigma = plain("sigma");
      if (median && sigma) made = Distribution::lognormal(*median, *sigma);
      break;
    }
    case DistributionKind::kWeibull:
    case DistributionKind::kGamma:
    case DistributionKind::kPareto: {
      const auto shape = plain("shape");
      const auto scale = value("scale");
      if (shape && scale) {
        made = kind == DistributionKind::kWeibull ? Distribution::weibull(*shape, *scale)
               : kind == DistributionKind::kGamma ? Distribution::gamma(*shape, *scale)
                                                  : Distribution::pareto(*shape, *scale);
      }
      break;
    }
    case DistributionKind::kEmpirical: {
      truncatable = false;
      const YamlNode samples = d.get("samples");
      const YamlNode file = d.get("file");
      const auto column = d.string("column");
      std::optional<std::vector<double>> values;
      if (samples.defined() == file.defined()) {
        sink.error(d.mark(), fmt::format("{}: an empirical distribution needs 'samples' or 'file'", what),
                   "samples: [..] or file: data.csv, not both");
      } else if (samples.defined()) {
        if (!samples.is_sequence()) {
          sink.error(samples.mark(), fmt::format("'samples' {} is not a list", of), "a list of values");
        } else {
          values.emplace();
          for (const YamlNode& s : samples) {
            if (const auto v = read_value(sink, s, fmt::format("a sample {}", of))) values->push_back(*v);
          }
        }
      } else if (const auto path = read_string(sink, file, fmt::format("'file' {}", of))) {
        values = read_csv_samples(sink, file, *path, column.value_or(""), read_value, what);
      }
      if (column && !file.defined())
        sink.error(d.mark_of("column"), fmt::format("'column' {} needs 'file'", of));
      if (values) made = Distribution::empirical(std::move(*values));
      break;
    }
  }
  if (truncatable) {
    p.lower = value("min", false);
    p.upper = value("max", false);
  }
  return p;
}

// The distribution the parameters make, truncated as asked and checked against the field's range.
std::optional<Distribution> checked_distribution(DiagnosticSink& sink, const YamlMap& d,
                                                 const std::string& what, Parameters p, const Range& range) {
  if (auto* why = std::get_if<std::string>(&p.made)) {
    // A range narrowed to a point (a what-if pinning an input) is a constant (blind trial L); one
    // upside down is not (review 10).
    sink.error(d.mark(), fmt::format("{}: {}", what, *why),
               p.point ? "min below max; for a single value, {dist: constant, value: N}"
                       : "valid parameters of the distribution");
    return std::nullopt;
  }
  Distribution dist = std::get<Distribution>(p.made);
  if (p.lower || p.upper) {
    auto cut =
        dist.truncated(p.lower.value_or(-Distribution::kInfinity), p.upper.value_or(Distribution::kInfinity));
    if (auto* why = std::get_if<std::string>(&cut)) {
      sink.error(d.mark_of(p.lower ? "min" : "max"), fmt::format("{}: {}", what, *why),
                 "min below max, inside the distribution");
      return std::nullopt;
    }
    dist = std::get<Distribution>(cut);
  }

  // Draws must stay in the field's range: cut a negligible tail off, refuse a real one.
  const double outside = dist.mass_outside(range.min, range.max);
  if (outside > kNegligibleMass) {
    sink.error(d.mark(),
               fmt::format("{}: {} gives values out of range with probability {:.3g}", what, dist.describe(),
                           outside),
               fmt::format("draws {}: narrow the parameters, or cut with min/max", range_text(range)));
    return std::nullopt;
  }
  if (dist.lowest() < range.min || dist.highest() > range.max) {
    if (auto cut = dist.truncated(std::max(dist.lowest(), range.min), std::min(dist.highest(), range.max));
        std::holds_alternative<Distribution>(cut)) {
      dist = std::get<Distribution>(cut);
    }
  }
  return dist;
}

}  // namespace

std::optional<Distribution> read_distribution(DiagnosticSink& sink, const YamlNode& node,
                                              const std::string& what, Range range,
                                              const ValueReader& read_value) {
  const std::size_t before = sink.diagnostics().size();
  YamlMap d(sink, node, what);
  auto p = read_parameters(sink, d, what, read_value);
  if (!p) return std::nullopt;
  d.finish();
  if (sink.diagnostics().size() != before) return std::nullopt;
  return checked_distribution(sink, d, what, std::move(*p), range);
}

std::optional<double> read_uncertain(DiagnosticSink& sink, const YamlNode& node, const std::string& what,
                                     m::InputUnit unit, Range range, const ValueReader& read_value,
                                     const m::InputSetter& set) {
  if (!set) {
    sink.error(node.mark(), fmt::format("{} is a distribution, but it takes one value", what),
               "a plain value (this field cannot be uncertain)");
    return std::nullopt;
  }
  const std::size_t before = sink.diagnostics().size();
  YamlMap d(sink, node, what);
  auto p = read_parameters(sink, d, what, read_value);
  if (!p) return std::nullopt;
  const std::string of = fmt::format("of {}", what);
  const YamlNode nominal_node = d.get("nominal");
  const auto name = d.string("name");
  d.finish();
  if (sink.diagnostics().size() != before) return std::nullopt;
  const auto checked = checked_distribution(sink, d, what, std::move(*p), range);
  if (!checked) return std::nullopt;
  const Distribution& dist = *checked;

  double nominal = m::round_for_unit(dist.median(), unit);
  if (nominal_node.defined()) {
    const auto v = read_value(sink, nominal_node, fmt::format("'nominal' {}", of));
    if (!v) return std::nullopt;
    if (*v < range.min || *v > range.max || (range.above && *v == range.min)) {
      sink.error(nominal_node.mark(), fmt::format("'nominal' {} is out of range", of), range_text(range));
      return std::nullopt;
    }
    if (*v < dist.lowest() || *v > dist.highest()) {
      sink.error(nominal_node.mark(),
                 fmt::format("'nominal' {} is a value {} never draws", of, dist.describe()),
                 fmt::format("a value from {} to {}", dist.lowest(), dist.highest()));
      return std::nullopt;
    }
    if (dist.kind() == sim::DistributionKind::kEmpirical && !dist.has_sample(*v)) {
      sink.error(nominal_node.mark(),
                 fmt::format("'nominal' {} is a value {} never draws", of, dist.describe()),
                 "one of its samples");
      return std::nullopt;
    }
    // As a draw is: a count or a time is a whole number (2.5 people would be 2 in every report and 3 in
    // the run otherwise).
    const double lowest = range.above ? std::nextafter(range.min, 1e300) : range.min;
    nominal = std::clamp(m::round_for_unit(*v, unit), lowest, range.max);
  }
  m::UncertainInput input{.name = name.value_or(what),
                          .where = sink.place_of(node.mark()),
                          .distribution = dist,
                          .unit = unit,
                          .nominal = nominal,
                          .lowest = range.above ? std::nextafter(range.min, 1e300) : range.min,
                          .highest = range.max,
                          .set = set};
  if (!sink.add_input(std::move(input), name.has_value())) {
    sink.error(d.mark_of("name"),
               fmt::format("{}: another uncertain input is named '{}' with a different distribution", what,
                           name.value_or(what)),
               "the same distribution and nominal value (to share one draw), or a name of its own");
    return std::nullopt;
  }
  return nominal;
}

}  // namespace outagesim::loader
