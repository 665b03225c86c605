// Checked scalar conversions and unknown-key reporting.
#include "loader/yaml_map.hpp"

#include <absl/container/flat_hash_set.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "loader/diagnostic.hpp"
#include "loader/display_controls.hpp"
#include "loader/spelling.hpp"
#include "loader/time_text.hpp"
#include "loader/uncertain_number.hpp"

namespace outagesim::loader {

namespace {

std::string_view describe(const YamlNode& node) {
  switch (node.kind()) {
    case YamlNode::Kind::kMap:
      return "a mapping";
    case YamlNode::Kind::kSequence:
      return "a list";
    case YamlNode::Kind::kNull:
      return "nothing";
    case YamlNode::Kind::kScalar:
      return "a scalar";
    case YamlNode::Kind::kUndefined:
      break;
  }
  return "nothing";
}

std::string quote(std::string_view s) {
  return fmt::format("'{}'", shown_text(s));
}

// A bound as a person writes it: 1000000 up to a million, then 1e9 rather than 1e+09.
std::string bound_text(double v) {
  if (std::abs(v) < 1e7) return fmt::format("{}", v);
  std::string text = fmt::format("{:g}", v);
  if (const auto e = text.find("e+"); e != std::string::npos) text.erase(e + 1, 1);
  if (const auto e = text.find("e0"); e != std::string::npos) text.erase(e + 1, 1);
  return text;
}

// What a number in `range` must be, for messages.
std::string range_text(const Range& range) {
  if (range.min <= -1e300 && range.max >= 1e300) return "a number";
  if (range.max >= 1e300)
    return fmt::format("a number {} {}", range.above ? ">" : ">=", bound_text(range.min));
  if (range.above)
    return fmt::format("a number above {}, at most {}", bound_text(range.min), bound_text(range.max));
  return fmt::format("a number from {} to {}", bound_text(range.min), bound_text(range.max));
}

// Whether `text` is a whole number in plain decimal digits, with a '-' before it or none. YAML would
// also read 0x12C, 0o17, +300 or 1_000 (YAML 1.1) as numbers; a scenario spells counts one way.
bool is_decimal_whole_number(std::string_view text) {
  if (text.starts_with('-')) text.remove_prefix(1);
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

void DiagnosticSink::error(const YAML::Mark& mark, std::string message, std::string expected) {
  if (mark.is_null()) {
    error_without_place(std::move(message), std::move(expected));
    return;
  }
  // A value that several mappings take (a template merged with `<<`, a profile) is read once by each of
  // them: its problem is the same for all, so it is reported once, for the first.
  if (!expected.empty() &&
      !reported_.insert(fmt::format("{}:{}:{}", mark.line, mark.column, expected)).second)
    return;
  const Part* part = part_of(mark);
  places_.insert(place_key(mark));
  diagnostics_.push_back(Diagnostic{part ? part->file : file_, mark.line + 1 - (part ? part->first_line : 0),
                                    mark.column + 1, std::move(message), std::move(expected)});
}

void DiagnosticSink::replace(std::size_t index, const YAML::Mark& mark, std::string message,
                             std::string expected) {
  Diagnostic& d = diagnostics_.at(index);
  const Part* part = part_of(mark);
  places_.insert(place_key(mark));
  d.file = part ? part->file : file_;
  d.line = mark.line + 1 - (part ? part->first_line : 0);
  d.column = mark.column + 1;
  d.message = std::move(message);
  d.expected = std::move(expected);
}

void DiagnosticSink::warning(const YAML::Mark& mark, std::string message, std::string expected) {
  Diagnostic d;
  if (!mark.is_null()) {
    const Part* part = part_of(mark);
    d.file = part ? part->file : file_;
    d.line = mark.line + 1 - (part ? part->first_line : 0);
    d.column = mark.column + 1;
  } else {
    d.file = file_;
  }
  d.message = std::move(message);
  d.expected = std::move(expected);
  d.warning = true;
  warnings_.push_back(std::move(d));
}

std::uint64_t DiagnosticSink::place_key(const YAML::Mark& mark) {
  // A mark's line is unique across the parts of a scenario (each part's lines are shifted past the
  // others'), so line and column name one place.
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(mark.line)) << 32) |
         static_cast<std::uint32_t>(mark.column);
}

bool DiagnosticSink::reported_at(const YAML::Mark& mark) const {
  return !mark.is_null() && places_.count(place_key(mark)) > 0;
}

void DiagnosticSink::add_read_file(std::string path, std::optional<std::uint64_t> content_hash) {
  // A file read again (a distribution reused through a profile or an alias) counts once.
  if (std::find(read_files_.begin(), read_files_.end(), path) != read_files_.end()) return;
  read_files_.push_back(std::move(path));
  if (content_hash) read_file_hashes_.push_back(*content_hash);
}

void DiagnosticSink::add_part(std::string file, int first_line) {
  parts_.push_back(Part{std::move(file), first_line});
}

const DiagnosticSink::Part* DiagnosticSink::part_of(const YAML::Mark& mark) const {
  const Part* found = nullptr;
  for (const Part& part : parts_) {
    if (part.first_line > mark.line) break;
    found = &part;
  }
  return found;
}

const std::string& DiagnosticSink::file_of(const YAML::Mark& mark) const {
  const Part* part = part_of(mark);
  return part ? part->file : file_;
}

std::string DiagnosticSink::earlier_place(const YAML::Mark& earlier, const YAML::Mark& here) const {
  const Part* part = part_of(earlier);
  if (part == part_of(here))
    return fmt::format("on line {}", earlier.line + 1 - (part ? part->first_line : 0));
  return "at " + place_of(earlier);
}

std::string DiagnosticSink::place_of(const YAML::Mark& mark) const {
  const Part* part = part_of(mark);
  return fmt::format("{}:{}:{}", part ? part->file : file_, mark.line + 1 - (part ? part->first_line : 0),
                     mark.column + 1);
}

void DiagnosticSink::error_without_place(std::string message, std::string expected) {
  diagnostics_.push_back(Diagnostic{file_, 0, 0, std::move(message), std::move(expected)});
}

void DiagnosticSink::error_in_file(std::string file, int line, int column, std::string message,
                                   std::string expected, std::string source_line) {
  diagnostics_.push_back(Diagnostic{std::move(file), line, column, std::move(message), std::move(expected),
                                    std::move(source_line)});
}

void DiagnosticSink::fan_out_inputs(std::size_t first, std::function<void(models::ScenarioSpec&)> then) {
  for (std::size_t i = first; i < inputs_.size(); ++i) {
    inputs_[i].set = [set = std::move(inputs_[i].set), then](models::ScenarioSpec& spec, double value) {
      set(spec, value);
      then(spec);
    };
  }
}

namespace {
// Where an input was written, to tell apart two alike: " (line 15, column 10)".
std::string place_suffix(const std::string& where) {
  // `where` is file:line:column; the file may itself hold colons.
  const std::size_t col = where.rfind(':');
  const std::size_t line =
      col == std::string::npos || col == 0 ? std::string::npos : where.rfind(':', col - 1);
  if (line == std::string::npos) return " (" + where + ")";
  return fmt::format(" (line {}, column {})", where.substr(line + 1, col - line - 1), where.substr(col + 1));
}
}  // namespace

void DiagnosticSink::name_inputs_for(std::size_t first, std::string_view general, std::string_view specific) {
  for (std::size_t i = first; i < inputs_.size(); ++i) {
    std::string& name = inputs_[i].name;
    // Named after the general owner, perhaps with its place when another was alike: named afresh.
    const std::string place = place_suffix(inputs_[i].where);
    std::string base = name.ends_with(place) ? name.substr(0, name.size() - place.size()) : name;
    const std::size_t at = base.find(general);
    if (at == std::string::npos) continue;
    base.replace(at, general.size(), specific);
    const auto taken = [&](const std::string& candidate) {
      for (std::size_t j = 0; j < inputs_.size(); ++j) {
        if (j != i && inputs_[j].name == candidate) return true;
      }
      return false;
    };
    name = taken(base) ? base + place : base;
  }
}

bool DiagnosticSink::add_input(models::UncertainInput input, bool may_join) {
  const auto taken = [&](const std::string& name) {
    return std::any_of(inputs_.begin(), inputs_.end(), [&](const auto& i) { return i.name == name; });
  };
  if (!may_join && taken(input.name)) {
    input.name += place_suffix(input.where);
    if (taken(input.name)) return false;
  }
  for (auto& existing : inputs_) {
    if (existing.name != input.name) continue;
    // The same name twice is one input written into two fields (one draw for both), if it is the same
    // distribution.
    if (existing.unit != input.unit || existing.nominal != input.nominal ||
        existing.distribution.describe() != input.distribution.describe())
      return false;
    existing.set = [first = std::move(existing.set), second = std::move(input.set)](
                       models::ScenarioSpec& spec, double value) {
      first(spec, value);
      second(spec, value);
    };
    existing.lowest = std::max(existing.lowest, input.lowest);
    existing.highest = std::min(existing.highest, input.highest);
    return true;
  }
  inputs_.push_back(std::move(input));
  return true;
}

std::optional<std::string> scalar_at(const YamlNode& map, const char* key) {
  if (!map.is_map()) return std::nullopt;
  const YamlNode value = map[key];
  if (!value.defined() || !value.is_scalar()) return std::nullopt;
  return std::string(value.scalar());
}

std::string entry_what(std::string_view kind, const YamlNode& entry) {
  const auto name = scalar_at(entry, "name");
  return name ? fmt::format("{} '{}'", kind, shown_text(*name)) : fmt::format("a {}", kind);
}

std::string shown_name(const YamlNode& entry) {
  return shown_text(scalar_at(entry, "name").value_or("?"));
}

std::optional<std::string> read_string(DiagnosticSink& sink, const YamlNode& node, std::string_view what) {
  if (!node.is_scalar()) {
    sink.error(node.mark(), fmt::format("{} is {}", what, describe(node)), "a string");
    return std::nullopt;
  }
  const std::string_view text = node.scalar();
  if (holds_display_control(text, true)) {
    sink.error(node.mark(), fmt::format("{} holds a control character: {}", what, quote(text)),
               "text without control characters (a newline or a tab aside): no terminal escapes, line "
               "separators or bidirectional controls");
    return std::nullopt;
  }
  return std::string(text);
}

std::optional<double> read_number(DiagnosticSink& sink, const YamlNode& node, std::string_view what,
                                  Range range) {
  if (is_distribution(node)) return read_uncertain(sink, node, std::string(what), {}, range, {}, {});
  const std::string expected = range_text(range);
  if (!node.is_scalar()) {
    sink.error(node.mark(), fmt::format("{} is {}", what, describe(node)), expected);
    return std::nullopt;
  }
  const std::string_view text = node.scalar();
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    sink.error(node.mark(), fmt::format("{} is {}, not a number", what, quote(text)), expected);
    return std::nullopt;
  }
  if (value < range.min || (range.above && value == range.min) || value > range.max) {
    sink.error(node.mark(), fmt::format("{} is {}, out of range", what, shown_text(text)), expected);
    return std::nullopt;
  }
  return value;
}

namespace {

// A whole number of type T from min to max, in decimal digits only.
template <typename T>
std::optional<T> read_whole(DiagnosticSink& sink, const YamlNode& node, std::string_view what, T min, T max) {
  if (is_distribution(node)) {
    read_uncertain(sink, node, std::string(what), {}, {}, {}, {});
    return std::nullopt;
  }
  const std::string expected = fmt::format("a whole number from {} to {}", min, max);
  if (!node.is_scalar()) {
    sink.error(node.mark(), fmt::format("{} is {}", what, describe(node)), expected);
    return std::nullopt;
  }
  const std::string_view text = node.scalar();
  if (!is_decimal_whole_number(text)) {
    sink.error(node.mark(), fmt::format("{} is {}, not a decimal whole number", what, quote(text)),
               expected + ", in digits only (as 300)");
    return std::nullopt;
  }
  T value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || value < min || value > max) {
    sink.error(node.mark(), fmt::format("{} is {}, out of range", what, quote(text)), expected);
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::optional<std::int64_t> read_integer(DiagnosticSink& sink, const YamlNode& node, std::string_view what,
                                         std::int64_t min, std::int64_t max) {
  return read_whole<std::int64_t>(sink, node, what, min, max);
}

std::optional<std::uint64_t> read_seed(DiagnosticSink& sink, const YamlNode& node, std::string_view what) {
  return read_whole<std::uint64_t>(sink, node, what, 0, std::numeric_limits<std::uint64_t>::max());
}

std::optional<bool> read_bool(DiagnosticSink& sink, const YamlNode& node, std::string_view what) {
  if (node.is_scalar()) {
    const std::string_view text = node.scalar();
    if (text == "true") return true;
    if (text == "false") return false;
  }
  sink.error(node.mark(),
             fmt::format("{} is {}", what, node.is_scalar() ? quote(node.scalar()) : describe(node)),
             "true or false");
  return std::nullopt;
}

std::optional<sim::Time> read_duration(DiagnosticSink& sink, const YamlNode& node, std::string_view what) {
  if (is_distribution(node)) {
    read_uncertain(sink, node, std::string(what), {}, {}, {}, {});
    return std::nullopt;
  }
  if (!node.is_scalar()) {
    sink.error(node.mark(), fmt::format("{} is {}", what, describe(node)), "a duration such as 2h15m");
    return std::nullopt;
  }
  auto parsed = parse_duration(node.scalar());
  if (auto* expected = std::get_if<std::string>(&parsed)) {
    sink.error(node.mark(), fmt::format("{} is {}, not a valid duration", what, quote(node.scalar())),
               *expected);
    return std::nullopt;
  }
  return std::get<sim::Time>(parsed);
}

std::optional<std::optional<sim::Time>> read_duration_or_never(DiagnosticSink& sink, const YamlNode& node,
                                                               std::string_view what) {
  if (node.is_scalar() && node.scalar() == "never") return std::optional<sim::Time>();
  if (node.is_scalar() && !std::holds_alternative<sim::Time>(parse_duration(node.scalar()))) {
    sink.error(node.mark(), fmt::format("{} is {}, not a valid duration", what, quote(node.scalar())),
               "a duration such as 2h15m, or never");
    return std::nullopt;
  }
  const auto t = read_duration(sink, node, what);
  if (!t) return std::nullopt;
  return std::optional<sim::Time>(*t);
}

YamlMap::YamlMap(DiagnosticSink& sink, const YamlNode& node, std::string what)
    : sink_(&sink), what_(std::move(what)), mark_(node.mark()) {
  if (!node.is_map()) {
    sink.error(node.mark(), fmt::format("{} is {}", what_, describe(node)), "a mapping of keys to values");
    return;
  }
  valid_ = true;
  // A big map's keys go into a hash index (first entry of each key), so that a map of 200,000 keys is
  // checked, and later read, in linear time; a small one (most maps) is scanned, which costs less.
  const bool indexed = node.size() > kIndexFrom;
  entries_.reserve(node.size());
  YamlNode merge_value;
  for (const auto& entry : node) {
    if (!entry.first.is_scalar()) {
      sink.error(entry.first.mark(), fmt::format("a key in {} is {}", what_, describe(entry.first)),
                 "a plain key");
      continue;
    }
    const std::string_view key = entry.first.scalar();
    if (key == kMergeKey) {
      if (merge_value.defined()) {
        sink.error(entry.first.mark(), fmt::format("duplicate key '{}' in {}", key, what_),
                   "one '<<', with a list of mappings to merge several");
      } else {
        merge_value = entry.second;
      }
      continue;
    }
    const bool repeated = indexed ? !index_.emplace(key, entries_.size()).second
                                  : std::any_of(entries_.begin(), entries_.end(),
                                                [key](const Entry& e) { return e.key == key; });
    if (repeated) {
      sink.error(entry.first.mark(), fmt::format("duplicate key '{}' in {}", key, what_), "each key once");
    }
    entries_.push_back(Entry{key, entry.first, entry.second, false, {}});
  }
  node_ = node;
  if (merge_value.defined()) {
    merged_.push_back(node);
    merge(merge_value, 0, merged_);
  }
}

void YamlMap::merge_defaults(const YamlNode& source, std::span<const std::string_view> skip,
                             std::string_view origin) {
  if (!valid_) return;
  if (merged_.empty()) merged_.push_back(node_);
  const std::size_t first = entries_.size();
  merge(source, 0, merged_, skip);
  for (std::size_t i = first; i < entries_.size(); ++i) entries_[i].origin = origin;
}

std::string YamlMap::taken_from(std::string_view origin) const {
  return fmt::format("{} (taken by {})", origin, what_);
}

std::string YamlMap::owner_of(std::string_view key) const {
  const Entry* entry = nullptr;
  if (!index_.empty()) {
    if (const auto it = index_.find(key); it != index_.end()) entry = &entries_[it->second];
  } else {
    const auto it =
        std::find_if(entries_.begin(), entries_.end(), [key](const Entry& e) { return e.key == key; });
    if (it != entries_.end()) entry = &*it;
  }
  return entry == nullptr || entry->origin.empty() ? what_ : taken_from(entry->origin);
}

void YamlMap::merge(const YamlNode& source, int depth, std::vector<YamlNode>& seen,
                    std::span<const std::string_view> skip) {
  if (depth >= kMaxMergeDepth) {
    sink_->error(source.mark(), fmt::format("the mappings merged into {} nest too deep", what_),
                 fmt::format("merges ('<<') at most {} deep", kMaxMergeDepth));
    return;
  }
  if (source.is_sequence()) {
    for (std::size_t i = 0; i < source.size(); ++i) {
      if (source.item(i).is_map()) {
        merge(source.item(i), depth + 1, seen, skip);
      } else {
        sink_->error(source.item(i).mark(),
                     fmt::format("an item of '<<' in {} is {}", what_, describe(source.item(i))),
                     "a mapping to merge (an alias such as *name)");
      }
    }
    return;
  }
  if (!source.is_map()) {
    sink_->error(source.mark(), fmt::format("'<<' in {} is {}", what_, describe(source)),
                 "a mapping to merge, or a list of them (an alias such as *name)");
    return;
  }
  if (std::find(seen.begin(), seen.end(), source) != seen.end()) return;
  seen.push_back(source);
  // The merged mapping is checked as a mapping of its own (a template is never read as itself): a key
  // it holds twice, or a second '<<', is an error at its place, as in any mapping; each is reported once
  // however many mappings merge it.
  const std::string in = "the mapping merged into " + what_;
  YamlNode nested;
  std::vector<std::string_view> own_keys;
  absl::flat_hash_set<std::string_view> own_index;
  const bool big = source.size() > kIndexFrom;
  for (const auto& entry : source) {
    if (!entry.first.is_scalar()) {
      sink_->error(entry.first.mark(), fmt::format("a key in {} is {}", in, describe(entry.first)),
                   "a plain key");
      continue;
    }
    const std::string_view key = entry.first.scalar();
    if (key == kMergeKey) {
      if (nested.defined()) {
        sink_->error(entry.first.mark(), fmt::format("duplicate key '{}' in {}", key, in),
                     "one '<<', with a list of mappings to merge several");
      } else {
        nested = entry.second;
      }
      continue;
    }
    const bool repeated = big ? !own_index.insert(key).second
                              : std::find(own_keys.begin(), own_keys.end(), key) != own_keys.end();
    if (!big) own_keys.push_back(key);
    if (repeated) {
      sink_->error(entry.first.mark(), fmt::format("duplicate key '{}' in {}", key, in), "each key once");
      continue;
    }
    if (std::find(skip.begin(), skip.end(), key) != skip.end()) continue;
    if (find(key).defined()) continue;  // the map's own key, or an earlier merge's, wins
    add_entry(Entry{key, entry.first, entry.second, true, {}});
  }
  if (nested.defined()) merge(nested, depth + 1, seen, skip);
}

void YamlMap::add_entry(const Entry& entry) {
  // A small map is scanned; once merges make it big, it is indexed, so merging a template of many keys
  // stays linear.
  if (index_.empty() && entries_.size() >= kIndexFrom) {
    for (std::size_t i = 0; i < entries_.size(); ++i) index_.emplace(entries_[i].key, i);
  }
  if (!index_.empty()) index_.emplace(entry.key, entries_.size());
  entries_.push_back(entry);
}

void YamlMap::allow_prefix(std::string_view prefix) {
  allowed_prefixes_.push_back(prefix);
}

YamlNode YamlMap::find(std::string_view key) const {
  if (!index_.empty()) {
    const auto it = index_.find(key);
    return it == index_.end() ? YamlNode() : entries_[it->second].value;
  }
  for (const Entry& entry : entries_) {
    if (entry.key == key) return entry.value;
  }
  return YamlNode();
}

YamlNode YamlMap::get(std::string_view key, bool required) {
  known_.emplace_back(key);
  YamlNode value = find(key);
  if (value.defined() || !valid_ || !required || quiet_missing_) return value;
  // Reported now, so that no reader's default stands in for it unsaid; finish() moves the report to a
  // key of the mapping that is a typo of it, if one is left unknown once every key has been asked for.
  const std::size_t at = sink_->diagnostics().size();
  sink_->error(mark_, fmt::format("{} lacks the required key '{}'", what_, key),
               fmt::format("'{}: ...' in this mapping", key));
  if (sink_->diagnostics().size() > at) missing_.push_back(Missing{std::string(key), at});
  return value;
}

std::vector<YamlNode> YamlMap::keys() const {
  std::vector<YamlNode> out;
  out.reserve(entries_.size());
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const std::string_view key = entries_[i].key;
    const bool first = index_.empty()
                           ? std::none_of(entries_.begin(), entries_.begin() + static_cast<std::ptrdiff_t>(i),
                                          [key](const Entry& e) { return e.key == key; })
                           : index_.at(key) == i;
    if (first) out.push_back(entries_[i].key_node);
  }
  return out;
}

bool YamlMap::has(std::string_view key) const {
  return find(key).defined();
}

YAML::Mark YamlMap::mark_of(std::string_view key) const {
  const YamlNode value = find(key);
  return value.defined() ? value.mark() : mark_;
}

std::optional<std::string> YamlMap::string(std::string_view key, bool required) {
  const YamlNode n = get(key, required);
  if (!n.defined()) return std::nullopt;
  return read_string(*sink_, n, fmt::format("'{}' of {}", key, owner_of(key)));
}

std::optional<std::string> YamlMap::name(bool slash_allowed) {
  auto text = string("name", true);
  if (!text) return text;
  const std::string why = name_problem(*text, slash_allowed);
  if (why.empty()) return text;
  sink_->error(mark_of("name"), fmt::format("the name of {} {}", what_, why),
               slash_allowed ? std::string(kNameRules) : fmt::format("{}, and no '/'", kNameRules));
  return std::string();  // reported; an empty name keeps later checks quiet
}

std::optional<double> YamlMap::number(std::string_view key, bool required, Range range,
                                      const models::InputSetter& set) {
  const YamlNode n = get(key, required);
  if (!n.defined()) return std::nullopt;
  const std::string what = fmt::format("'{}' of {}", key, owner_of(key));
  if (is_distribution(n)) {
    return read_uncertain(*sink_, n, what, models::InputUnit::kNumber, range, number_reader(), set);
  }
  return read_number(*sink_, n, what, range);
}

std::optional<std::int64_t> YamlMap::integer(std::string_view key, bool required, std::int64_t min,
                                             std::int64_t max, const models::InputSetter& set) {
  const YamlNode n = get(key, required);
  if (!n.defined()) return std::nullopt;
  const std::string what = fmt::format("'{}' of {}", key, owner_of(key));
  if (is_distribution(n)) {
    const auto nominal = read_uncertain(*sink_, n, what, models::InputUnit::kCount,
                                        Range::between(static_cast<double>(min), static_cast<double>(max)),
                                        number_reader(), set);
    if (!nominal) return std::nullopt;
    return std::llround(*nominal);
  }
  return read_integer(*sink_, n, what, min, max);
}

std::optional<bool> YamlMap::boolean(std::string_view key, bool required) {
  const YamlNode n = get(key, required);
  if (!n.defined()) return std::nullopt;
  return read_bool(*sink_, n, fmt::format("'{}' of {}", key, owner_of(key)));
}

std::optional<sim::Time> YamlMap::duration(std::string_view key, bool required,
                                           const models::InputSetter& set) {
  const YamlNode n = get(key, required);
  if (!n.defined()) return std::nullopt;
  return read_uncertain_duration(*sink_, n, fmt::format("'{}' of {}", key, owner_of(key)), set);
}

std::optional<std::optional<sim::Time>> YamlMap::duration_or_never(std::string_view key, bool required) {
  const YamlNode n = get(key, required);
  if (!n.defined()) return std::nullopt;
  return read_duration_or_never(*sink_, n, fmt::format("'{}' of {}", key, owner_of(key)));
}

void YamlMap::finish() {
  if (!valid_) return;
  const auto unknown = [this](const Entry& entry) {
    const std::string key(entry.key);
    if (std::find(known_.begin(), known_.end(), key) != known_.end()) return false;
    return std::none_of(allowed_prefixes_.begin(), allowed_prefixes_.end(),
                        [&key](std::string_view prefix) { return key.starts_with(prefix); });
  };
  // A required key missing and an unknown key of the mapping that is a typo of it are one mistake: one
  // error, at the typo (the closest unknown key to each missing one, each key taken once).
  std::vector<std::string_view> typos;
  for (const Missing& m : missing_) {
    const Entry* best = nullptr;
    std::size_t best_distance = 0;
    for (const Entry& entry : entries_) {
      if (entry.merged || !unknown(entry) ||
          std::find(typos.begin(), typos.end(), entry.key) != typos.end() ||
          !closest_match(entry.key, std::span<const std::string>(&m.key, 1)))
        continue;
      const std::size_t d = edit_distance(entry.key, m.key);
      if (best == nullptr || d < best_distance) {
        best = &entry;
        best_distance = d;
      }
    }
    if (best == nullptr) continue;
    typos.push_back(best->key);
    sink_->replace(
        m.diagnostic, best->key_node.mark(),
        fmt::format("{} lacks the required key '{}'; is '{}' meant to be it?", what_, m.key, best->key),
        fmt::format("'{}: ...' in this mapping", m.key));
  }
  for (const Entry& entry : entries_) {
    const std::string key(entry.key);
    if (!unknown(entry) || std::find(typos.begin(), typos.end(), entry.key) != typos.end()) continue;
    if (entry.merged && sink_->reported_at(entry.key_node.mark())) continue;
    std::vector<std::string> candidates = known_;
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::string message =
        fmt::format("unknown key '{}' in {}", key, entry.origin.empty() ? what_ : taken_from(entry.origin));
    const std::string hint = did_you_mean(key, known_);
    if (!hint.empty()) message += "; " + hint;
    sink_->error(entry.key_node.mark(), std::move(message),
                 fmt::format("one of {}", fmt::join(candidates, ", ")));
  }
}

}  // namespace outagesim::loader
