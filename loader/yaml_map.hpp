// Typed, checked reading of YAML mappings. Every key a reader asks for becomes a known key; finish()
// then reports the keys nobody asked for, with the nearest known one. Problems go to a DiagnosticSink
// and reading goes on, so one pass reports every problem of a file.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "loader/diagnostic.hpp"
#include "loader/name_rules.hpp"
#include "loader/yaml_tree.hpp"
#include "models/scenario/uncertain_input.hpp"
#include "sim/time.hpp"

namespace outagesim::loader {

// What reading a file collects besides values: its problems, and its uncertain inputs (numbers written
// as distributions, see uncertain_number.hpp).
class DiagnosticSink {
 public:
  explicit DiagnosticSink(std::string file) : file_(std::move(file)) {}

  void error(const YAML::Mark& mark, std::string message, std::string expected = {});
  void error_without_place(std::string message, std::string expected = {});
  // Rewrites report `index` (of diagnostics()) to be about `mark`: a finding made clearer once more of the
  // file has been read.
  void replace(std::size_t index, const YAML::Mark& mark, std::string message, std::string expected);
  // Something that loads but likely does not do what the author meant: reported, not refused.
  void warning(const YAML::Mark& mark, std::string message, std::string expected = {});
  std::vector<Diagnostic> take_warnings() { return std::move(warnings_); }
  // Whether a problem was reported at `mark` already (a merged mapping's key is read by every mapping
  // that merges it, and one report of a problem there is enough).
  bool reported_at(const YAML::Mark& mark) const;
  // A problem in another file the scenario names (a CSV of samples, a tenant table), with the text of
  // its line when the renderer will not have the file's.
  void error_in_file(std::string file, int line, int column, std::string message, std::string expected = {},
                     std::string source_line = {});

  // An input with a name already taken joins it (one draw written into both fields) when its
  // distribution, unit and nominal value are the same; otherwise it is refused (false).
  // Only inputs named by the user may join: an unnamed one whose derived name is taken is told apart by
  // its place in the file instead.
  bool add_input(models::UncertainInput input, bool may_join);
  const std::vector<models::UncertainInput>& inputs() const { return inputs_; }
  // Inputs from `first` on named for their owner in general ("'at' of a fault") are named for the one
  // they belong to ("'at' of fault fail on plant-c"), which is known only once it is read.
  void name_inputs_for(std::size_t first, std::string_view general, std::string_view specific);
  // Makes every input added since `first` also run `then` after writing its field (to copy the field's
  // struct where the spec holds it twice).
  void fan_out_inputs(std::size_t first, std::function<void(models::ScenarioSpec&)> then);
  std::vector<models::UncertainInput> take_inputs() { return std::move(inputs_); }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  std::vector<Diagnostic> take() {
    reported_.clear();
    places_.clear();
    return std::move(diagnostics_);
  }
  bool empty() const { return diagnostics_.empty(); }
  const std::string& file() const { return file_; }

  // A scenario made of parts (scenario_parts.hpp) parses each part with its lines shifted past those
  // of the parts before it, so that one line number tells both the part and the line in it. A part
  // from `first_line` (0-based, as yaml-cpp counts) on is `file`; parts are added in line order.
  void add_part(std::string file, int first_line);
  // The file a mark is in, and "file:line:column" for messages that name another place.
  const std::string& file_of(const YAML::Mark& mark) const;
  std::string place_of(const YAML::Mark& mark) const;
  // Where `earlier` is, told to a reader at `here`: "on line 6" in the same file, else "at file:6:3".
  std::string earlier_place(const YAML::Mark& earlier, const YAML::Mark& here) const;

  // Another file the scenario reads (a tenant table, a CSV of samples), so that a command does not
  // overwrite it. `content_hash`, for a file whose bytes nothing else hashes, is folded into the scenario's
  // hash: a result names every byte that made it.
  void add_read_file(std::string path, std::optional<std::uint64_t> content_hash = std::nullopt);
  const std::vector<std::string>& read_files() const { return read_files_; }
  const std::vector<std::uint64_t>& read_file_hashes() const { return read_file_hashes_; }

 private:
  struct Part {
    std::string file;
    int first_line = 0;
  };
  const Part* part_of(const YAML::Mark& mark) const;

  std::string file_;
  std::vector<Part> parts_;  // empty for a scenario of one file
  std::vector<Diagnostic> diagnostics_;
  std::vector<Diagnostic> warnings_;
  static std::uint64_t place_key(const YAML::Mark& mark);
  // "line:column:expected" of each problem reported with an expectation; a repeat is not reported again.
  std::unordered_set<std::string> reported_;
  std::unordered_set<std::uint64_t> places_;  // place_key() of every problem reported at a mark
  std::vector<models::UncertainInput> inputs_;
  std::vector<std::string> read_files_;
  std::vector<std::uint64_t> read_file_hashes_;  // in the order read
};

// Inclusive bounds on a number; `above` makes the lower bound exclusive.
struct Range {
  double min = -1e300;
  double max = 1e300;
  bool above = false;

  static Range at_least(double v) { return {v, 1e300, false}; }
  static Range greater_than(double v) { return {v, 1e300, true}; }
  static Range between(double lo, double hi) { return {lo, hi, false}; }
};

// The entry's `name` for messages about it before it is read ("?" when it has none).
std::string shown_name(const YamlNode& entry);
// The scalar under `key` of a mapping, or nullopt.
std::optional<std::string> scalar_at(const YamlNode& map, const char* key);
// "component 'x'" for an entry named x, "a component" for one without a name.
std::string entry_what(std::string_view kind, const YamlNode& entry);

// Scalar readers for any node, shared by YamlMap and list readers.
std::optional<std::string> read_string(DiagnosticSink& sink, const YamlNode& node, std::string_view what);
std::optional<double> read_number(DiagnosticSink& sink, const YamlNode& node, std::string_view what,
                                  Range range);
std::optional<std::int64_t> read_integer(DiagnosticSink& sink, const YamlNode& node, std::string_view what,
                                         std::int64_t min, std::int64_t max);
// A seed: a whole number from 0 to 2^64 - 1, as `--seed` takes.
std::optional<std::uint64_t> read_seed(DiagnosticSink& sink, const YamlNode& node, std::string_view what);
std::optional<bool> read_bool(DiagnosticSink& sink, const YamlNode& node, std::string_view what);
std::optional<sim::Time> read_duration(DiagnosticSink& sink, const YamlNode& node, std::string_view what);
// A duration where "never" is meaningful: the outer nullopt on an error, the inner one for `never`.
std::optional<std::optional<sim::Time>> read_duration_or_never(DiagnosticSink& sink, const YamlNode& node,
                                                               std::string_view what);

class YamlMap {
 public:
  // `what` names the mapping in messages ("room 'c1'"). Reports when `node` is not a mapping, and any
  // duplicate or non-scalar key.
  YamlMap(DiagnosticSink& sink, const YamlNode& node, std::string what);

  bool valid() const { return valid_; }
  const YAML::Mark& mark() const { return mark_; }
  const std::string& what() const { return what_; }
  // Names the mapping better once its name is read ("a crew" becomes "crew 'night'"): later messages,
  // and the uncertain inputs read from it, say which one.
  void set_what(std::string what) { what_ = std::move(what); }
  DiagnosticSink& sink() { return *sink_; }

  // Marks `key` as known; returns its value node, or an invalid node when absent. When `required`,
  // absence is reported (and finish() moves the report to an unknown key of the mapping that is a typo of
  // it: one error for `outside_C`, not a missing key and an unknown one).
  YamlNode get(std::string_view key, bool required = false);
  bool has(std::string_view key) const;
  // The key node of every key it holds, once each: its own in file order, then the merged ones. For maps
  // whose keys are names (a reader asks for each with get(), so none is left unknown).
  std::vector<YamlNode> keys() const;
  // The mark of a key's value when present, else the mapping's.
  YAML::Mark mark_of(std::string_view key) const;

  std::optional<std::string> string(std::string_view key, bool required = false);
  // The entry's required `name`, checked as names must be (see kNameRules): reports print names, so a
  // newline or an escape sequence in one would forge a line of a report or reach the terminal. A '/'
  // joins a tenant and its function, so components, tenants and functions may not hold one.
  std::optional<std::string> name(bool slash_allowed = true);
  // Numbers may be written as distributions (uncertain_number.hpp) where the caller gives the setter
  // that writes a draw into its field; the nominal value is returned. Without a setter a distribution is
  // reported.
  std::optional<double> number(std::string_view key, bool required, Range range = {},
                               const models::InputSetter& set = {});
  std::optional<std::int64_t> integer(std::string_view key, bool required, std::int64_t min, std::int64_t max,
                                      const models::InputSetter& set = {});
  std::optional<bool> boolean(std::string_view key, bool required = false);
  std::optional<sim::Time> duration(std::string_view key, bool required = false,
                                    const models::InputSetter& set = {});
  // See read_duration_or_never(); nullopt when absent as well.
  std::optional<std::optional<sim::Time>> duration_or_never(std::string_view key, bool required = false);

  // From now on a required key that is absent is not reported: what would have given it (a profile
  // that could not be found) is reported instead.
  void quiet_missing() { quiet_missing_ = true; }
  // Reports every key that no reader asked for. Call once, after all get()s.
  void finish();
  // Takes every key that starts with `prefix` (a literal) as known, without offering those keys to
  // suggestions or the list of expected keys (the scenario's `x-` keys, which hold anchors).
  void allow_prefix(std::string_view prefix);
  // Adds the entries of the mapping `source` (its own `<<` merges included) that this map lacks so far,
  // but for the keys in `skip`, as merged entries: a component's `profile`, whose keys come after the
  // component's own and its merges'. A mapping already merged into this one adds nothing.
  // `origin` names the source in messages about its keys ("profile 'x'"); it must outlive the map.
  void merge_defaults(const YamlNode& source, std::span<const std::string_view> skip,
                      std::string_view origin);

 private:
  // Maps with more keys than this are looked up through index_; smaller ones are scanned.
  static constexpr std::size_t kIndexFrom = 16;

  // A scalar key and its value, taken once: a component's reader asks for a dozen keys.
  struct Entry {
    std::string_view key;  // into the tree, which outlives the map
    YamlNode key_node;
    YamlNode value;
    bool merged = false;      // from a mapping that `<<` names (kMergeKey), or a profile
    std::string_view origin;  // a profile's entries: the profile, as merge_defaults() was told
  };

  // Adds the entries of the mapping (or list of mappings) a `<<` names that this map lacks so far.
  // `seen`: the mappings merged already, each merged once (an alias may even name the map itself).
  // Keys in `skip` are left out.
  void merge(const YamlNode& source, int depth, std::vector<YamlNode>& seen,
             std::span<const std::string_view> skip = {});

  // Whose key `key` is, for messages: the map's, or "profile 'x' (taken by ...)".
  std::string owner_of(std::string_view key) const;
  std::string taken_from(std::string_view origin) const;
  // Appends a merged entry, indexing the map once it grows past kIndexFrom.
  void add_entry(const Entry& entry);
  // The value of `key`'s first occurrence, or an invalid node.
  YamlNode find(std::string_view key) const;

  DiagnosticSink* sink_;
  std::string what_;
  YAML::Mark mark_;
  bool valid_ = false;
  bool quiet_missing_ = false;
  std::vector<std::string> known_;
  // Required keys found missing, each with its report (an index into the sink's diagnostics), which
  // finish() moves to a key of the mapping that is a typo of it ("lacks the required key 'outside_c'; is
  // 'outside_C' meant to be it?") and then does not report as unknown.
  struct Missing {
    std::string key;
    std::size_t diagnostic;
  };
  std::vector<Missing> missing_;
  std::vector<std::string_view> allowed_prefixes_;  // allow_prefix(): taken, but not offered as known keys
  std::vector<Entry> entries_;                      // in file order, repeated keys included
  std::unordered_map<std::string_view, std::size_t> index_;  // a key's first entry, for big maps
  YamlNode node_;                                            // the mapping itself
  std::vector<YamlNode> merged_;  // once anything is merged: the mapping and each one merged into it
};

}  // namespace outagesim::loader
