// Tenants from a JSON Lines table the scenario names (`tenant_table: tenants.jsonl`): one tenant per line,
// for regions too big for YAML, whose parse tree is 66-90 times its file (1.4 GB for 22 MB). The table is
// read into one buffer and each line is parsed with simdjson's On-Demand parser, which builds no tree:
// a million tenants cost their specs, not a document. Problems are reported at the table's own line and
// column, with the same words as in YAML.
#include <absl/container/flat_hash_map.h>
#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "loader/name_rules.hpp"
#include "loader/relative_paths.hpp"
#include "loader/requirement_rules.hpp"
#include "loader/scenario_reader.hpp"
#include "loader/spelling.hpp"
#include "loader/time_text.hpp"
#include "sim/stable_hash.hpp"

namespace outagesim::loader {

namespace m = outagesim::models;
namespace od = simdjson::ondemand;

namespace {

// A million tenants in the generator's proportions take about 110 MB; the cap only stops a wrong path
// (a disk image, /dev/zero) from being read whole.
constexpr std::uint64_t kMaxTableBytes = std::uint64_t{2} << 30;

// A problem keeps its line's text, to be shown with a caret, up to this length.
constexpr std::size_t kKeptLineBytes = 4096;

const std::vector<std::string> kTenantKeys{"name", "description", "sla", "needs", "recovery", "functions"};
const std::vector<std::string> kFunctionKeys{"name", "description", "needs", "recovery"};
const std::vector<std::string> kStepKeys{"step", "duration", "work_tb", "tb_per_hour"};

std::string_view type_name(od::json_type type) {
  switch (type) {
    case od::json_type::array:
      return "a list";
    case od::json_type::object:
      return "an object";
    case od::json_type::number:
      return "a number";
    case od::json_type::string:
      return "a string";
    case od::json_type::boolean:
      return "true or false";
    case od::json_type::null:
      return "null";
  }
  return "a value";
}

// Why a value of `type` could not be read as a string: its type, or for a string that failed to read, its
// text (an escape that makes no character, such as a lone \ud800 half of a surrogate pair).
std::string_view string_problem(od::json_type type) {
  return type == od::json_type::string ? "a string with an escape that makes no character (a lone surrogate?)"
                                       : type_name(type);
}

// Reads the lines of one table. Each read_* returns nothing after reporting the first problem of its line
// (On-Demand cannot go on past a malformed value); the next line is read afresh.
class TableReader {
 public:
  // What a line may name; shared, read-only, by the readers of one table.
  struct Names {
    const ComponentIds& component_ids;
    const std::vector<std::string>& component_names;
    const std::vector<std::string>& sla_names;
  };

  TableReader(DiagnosticSink& sink, std::string shown, Names names)
      : sink_(sink), shown_(std::move(shown)), names_(names), component_ids_(names.component_ids) {}

  // One tenant from the line `text` (number `line`, padded: `capacity` bytes may be read from it).
  std::optional<m::TenantSpec> read_line(od::parser& parser, const char* text, std::size_t length,
                                         std::size_t capacity, int line) {
    line_ = line;
    line_begin_ = text;
    line_length_ = length;
    // A byte order mark before the first line is allowed (RFC 8259 lets a reader skip it); columns still
    // count its three bytes, as an editor shows them.
    if (line == 1 && std::string_view(text, length).substr(0, 3) == "\xEF\xBB\xBF") {
      text += 3;
      length -= 3;
      capacity -= 3;
    }
    od::document doc;
    if (const auto error = parser.iterate(text, length, capacity).get(doc)) {
      return fail(text, fmt::format("the line is not JSON ({})", simdjson::error_message(error)),
                  "one tenant per line as a JSON object");
    }
    od::object object;
    if (const auto error = doc.get_object().get(object)) {
      // On-Demand checks a root object's last byte, so one followed by more text reads as cut short.
      if (const char* rest = text_after_object(parser, text, length, capacity); rest != nullptr)
        return fail(rest, "text follows the tenant's object", "one object per line");
      return fail(text, fmt::format("the line is not one JSON object ({})", simdjson::error_message(error)),
                  "one tenant per line as a JSON object, and nothing else on the line");
    }
    auto tenant = read_tenant(object);
    if (!tenant) return std::nullopt;
    // Nothing may follow the object on its line: past the end, On-Demand has no current location.
    if (const char* rest = location(doc.current_location()); rest != nullptr) {
      return fail(rest, "text follows the tenant's object", "one object per line");
    }
    return tenant;
  }

  bool names_component(std::string_view name) const {
    return component_ids_.contains(absl::string_view(name.data(), name.size()));
  }

 private:
  std::nullopt_t fail(const char* at, std::string message, std::string expected) {
    const int column = at != nullptr && at >= line_begin_ ? static_cast<int>(at - line_begin_) + 1 : 1;
    // The line goes with the problem (the table's text is gone when problems are printed), unless it is
    // too long to be worth keeping: a message then names the place without showing it.
    std::string source_line;
    if (line_length_ <= kKeptLineBytes) source_line.assign(line_begin_, line_length_);
    sink_.error_in_file(shown_, line_, column, std::move(message), std::move(expected),
                        std::move(source_line));
    return std::nullopt;
  }
  bool refuse(const char* at, std::string message, std::string expected) {
    fail(at, std::move(message), std::move(expected));
    return false;
  }
  // Where the text after a whole JSON object starts, when the line `text` is one followed by more; else
  // nullptr. Tries the line up to each '}' in turn (a few: this is only for the message).
  static const char* text_after_object(od::parser& parser, const char* text, std::size_t length,
                                       std::size_t capacity) {
    const std::string_view line(text, length);
    const std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] != '{') return nullptr;
    std::size_t brace = first;
    for (int tries = 0; tries < 64; ++tries) {
      brace = line.find('}', brace + 1);
      if (brace == std::string_view::npos) return nullptr;
      od::document doc;
      od::object object;
      std::size_t fields = 0;
      if (!parser.iterate(text, brace + 1, capacity).get(doc) && !doc.get_object().get(object) &&
          !object.count_fields().get(fields)) {
        const std::size_t rest = line.find_first_not_of(" \t", brace + 1);
        return rest == std::string_view::npos ? nullptr : text + rest;
      }
    }
    return nullptr;
  }
  static const char* location(simdjson::simdjson_result<const char*> at) {
    const char* p = nullptr;
    return std::move(at).get(p) ? nullptr : p;
  }

  // A key of `object` checked against `known`, or nothing after reporting it. `seen` has bit i set once
  // known[i] was read (no list of strings per object: a table has millions of objects).
  std::optional<std::string_view> key_of(od::field& field, const std::vector<std::string>& known,
                                         std::uint32_t& seen, std::string_view what) {
    std::string_view key;
    const char* at = field.key().raw() - 1;  // the key's opening quote
    if (field.unescaped_key().get(key))
      return fail(at, fmt::format("a key of {} is not text", what), "a key");
    const auto found = std::find(known.begin(), known.end(), key);
    if (found == known.end()) {
      std::string message = fmt::format("unknown key '{}' in {}", key, what);
      if (const std::string hint = did_you_mean(key, known); !hint.empty()) message += "; " + hint;
      return fail(at, std::move(message), fmt::format("one of {}", fmt::join(known, ", ")));
    }
    const std::uint32_t bit = std::uint32_t{1} << (found - known.begin());
    if ((seen & bit) != 0)
      return fail(at, fmt::format("duplicate key '{}' in {}", key, what), "each key once");
    seen |= bit;
    return key;
  }

  std::optional<std::string_view> string_of(od::value value, std::string_view what) {
    const char* at = location(value.current_location());
    std::string_view text;
    if (value.get_string().get(text)) {
      od::json_type type{};
      const std::string_view is = value.type().get(type) ? "not a string" : string_problem(type);
      return fail(at, fmt::format("{} is {}", what, is), "a string");
    }
    return text;
  }

  std::optional<std::string> name_of(od::value value, std::string_view what) {
    const char* at = location(value.current_location());
    std::string_view text;
    if (value.get_string().get(text)) {  // string_of's message, worded only when needed
      od::json_type type{};
      const std::string_view is = value.type().get(type) ? "not a string" : string_problem(type);
      return fail(at, fmt::format("the name of {} is {}", what, is), "a string");
    }
    if (const std::string why = name_problem(text, false); !why.empty()) {
      return fail(at, fmt::format("the name of {} ('{}') {}", what, shown_text(text, 60), why),
                  fmt::format("{}, and no '/'", kNameRules));
    }
    return std::string(text);
  }

  std::optional<m::TenantSpec> read_tenant(od::object& object) {
    m::TenantSpec tenant;
    std::uint32_t seen = 0;
    std::optional<m::Requirement> needs;
    std::vector<m::RecoveryStep> recovery;
    bool has_functions = false;
    const char* begin = line_begin_;
    for (auto each : object) {
      od::field field;
      if (std::move(each).get(field)) return fail(begin, "the tenant's object is malformed", "a JSON object");
      const auto key = key_of(field, kTenantKeys, seen, "a tenant");
      if (!key) return std::nullopt;
      od::value value = field.value();
      if (*key == "name") {
        auto name = name_of(value, "a tenant");
        if (!name) return std::nullopt;
        tenant.name = std::move(*name);
      } else if (*key == "description") {
        if (!string_of(value, "'description'")) return std::nullopt;
      } else if (*key == "sla") {
        const char* at = location(value.current_location());
        const auto sla = string_of(value, "'sla'");
        if (!sla) return std::nullopt;
        const auto it = std::find(names_.sla_names.begin(), names_.sla_names.end(), *sla);
        if (it == names_.sla_names.end()) {
          std::string message = fmt::format("'sla' names '{}', which is not in 'slas'", *sla);
          if (const std::string hint = did_you_mean(*sla, names_.sla_names); !hint.empty())
            message += "; " + hint;
          return fail(at, std::move(message), "a name declared under 'slas'");
        }
        tenant.sla = static_cast<std::uint32_t>(it - names_.sla_names.begin());
      } else if (*key == "needs") {
        entries_ = 0;
        static const std::string kWhat = "'needs'";
        needs = requirement(value, kWhat, 0);
        if (!needs) return std::nullopt;
      } else if (*key == "recovery") {
        auto steps = recovery_steps(value);
        if (!steps) return std::nullopt;
        recovery = std::move(*steps);
      } else if (*key == "functions") {
        has_functions = true;
        if (!read_functions(value, tenant)) return std::nullopt;
      }
    }
    if (tenant.name.empty()) return fail(begin, "a tenant lacks the required key 'name'", "a 'name'");
    if (has_functions) {
      if (needs || !recovery.empty()) {
        return fail(begin,
                    fmt::format("tenant '{}' has 'functions' and also 'needs' or 'recovery'", tenant.name),
                    "either 'functions', or 'needs' (and 'recovery') for a tenant with one function");
      }
      return tenant;
    }
    if (!needs)
      return fail(begin, fmt::format("tenant '{}' lacks the required key 'needs'", tenant.name), "'needs'");
    m::TenantFunctionSpec service;
    service.name = "service";
    service.needs = std::move(*needs);
    service.recovery = std::move(recovery);
    tenant.functions.push_back(std::move(service));
    return tenant;
  }

  bool read_functions(od::value value, m::TenantSpec& tenant) {
    const char* list_at = location(value.current_location());
    od::array list;
    if (value.get_array().get(list))
      return refuse(list_at, "'functions' is not a list", "a list of functions");
    std::vector<std::string> function_names;
    for (auto item : list) {
      od::value element;
      od::object object;
      const char* at = location(item.current_location());
      if (std::move(item).get(element) || element.get_object().get(object)) {
        return refuse(at, "a function is not an object", "{\"name\": ..., \"needs\": ...}");
      }
      m::TenantFunctionSpec function;
      std::uint32_t seen = 0;
      bool has_needs = false;
      for (auto each : object) {
        od::field field;
        if (std::move(each).get(field))
          return refuse(at, "a function's object is malformed", "a JSON object");
        const auto key = key_of(field, kFunctionKeys, seen, "a function");
        if (!key) return false;
        od::value v = field.value();
        if (*key == "name") {
          auto name = name_of(v, "a function");
          if (!name) return false;
          function.name = std::move(*name);
        } else if (*key == "description") {
          if (!string_of(v, "'description'")) return false;
        } else if (*key == "needs") {
          entries_ = 0;
          static const std::string kWhat = "'needs' of a function";
          auto needs = requirement(v, kWhat, 0);
          if (!needs) return false;
          function.needs = std::move(*needs);
          has_needs = true;
        } else if (*key == "recovery") {
          auto steps = recovery_steps(v);
          if (!steps) return false;
          function.recovery = std::move(*steps);
        }
      }
      if (function.name.empty()) return refuse(at, "a function lacks the required key 'name'", "a 'name'");
      if (!has_needs) {
        return refuse(at, fmt::format("function '{}' lacks the required key 'needs'", function.name),
                      "'needs'");
      }
      if (std::find(function_names.begin(), function_names.end(), function.name) != function_names.end()) {
        return refuse(at, fmt::format("duplicate function name '{}'", function.name), "a name used once");
      }
      function_names.push_back(function.name);
      tenant.functions.push_back(std::move(function));
    }
    if (tenant.functions.empty())
      return refuse(list_at, "'functions' is an empty list", "at least one function");
    return true;
  }

  std::optional<sim::Time> duration_of(od::value value, std::string_view what) {
    const char* at = location(value.current_location());
    const auto text = string_of(value, what);
    if (!text) return std::nullopt;
    auto parsed = parse_duration(*text);
    if (auto* expected = std::get_if<std::string>(&parsed)) {
      return fail(at, fmt::format("{} is '{}', not a valid duration", what, *text), *expected);
    }
    return std::get<sim::Time>(parsed);
  }

  std::optional<double> amount_of(od::value value, std::string_view what, bool zero_allowed) {
    const char* at = location(value.current_location());
    double x = 0;
    if (value.get_double().get(x) || x > 1e9 || x < 0 || (!zero_allowed && x == 0)) {
      return fail(at, fmt::format("{} is not a number in range", what),
                  zero_allowed ? "a number from 0 to 1e9" : "a number above 0, at most 1e9");
    }
    return x;
  }

  // "30m" for one step named recovery, or a list of {step, duration} or {step, work_tb, tb_per_hour}.
  std::optional<std::vector<m::RecoveryStep>> recovery_steps(od::value value) {
    const char* list_at = location(value.current_location());
    std::vector<m::RecoveryStep> steps;
    od::json_type type{};
    if (value.type().get(type))
      return fail(list_at, "'recovery' is malformed", "a duration or a list of steps");
    if (type == od::json_type::string) {
      const auto d = duration_of(value, "'recovery'");
      if (!d) return std::nullopt;
      steps.push_back({"recovery", *d});
      return steps;
    }
    od::array list;
    if (value.get_array().get(list)) {
      return fail(list_at, fmt::format("'recovery' is {}", type_name(type)), "a duration or a list of steps");
    }
    for (auto item : list) {
      od::value element;
      od::object object;
      const char* at = location(item.current_location());
      if (std::move(item).get(element) || element.get_object().get(object)) {
        return fail(at, "a recovery step is not an object", "{\"step\": ..., \"duration\": ...}");
      }
      std::uint32_t seen = 0;
      std::string name;
      std::optional<sim::Time> duration;
      std::optional<double> work_tb;
      std::optional<double> tb_per_hour;
      for (auto each : object) {
        od::field field;
        if (std::move(each).get(field)) return fail(at, "a step's object is malformed", "a JSON object");
        const auto key = key_of(field, kStepKeys, seen, "a recovery step");
        if (!key) return std::nullopt;
        od::value v = field.value();
        if (*key == "step") {
          const auto text = string_of(v, "'step'");
          if (!text) return std::nullopt;
          name = std::string(*text);
        } else if (*key == "duration") {
          if (!(duration = duration_of(v, "'duration'"))) return std::nullopt;
        } else if (*key == "work_tb") {
          if (!(work_tb = amount_of(v, "'work_tb'", true))) return std::nullopt;
        } else if (!(tb_per_hour = amount_of(v, "'tb_per_hour'", false))) {
          return std::nullopt;
        }
      }
      if (name.empty()) return fail(at, "a recovery step lacks the required key 'step'", "'step'");
      if (duration && (work_tb || tb_per_hour)) {
        return fail(at, fmt::format("step '{}' has both 'duration' and work", name),
                    "either 'duration', or 'work_tb' with 'tb_per_hour'");
      }
      if (duration) {
        steps.push_back({name, *duration});
      } else if (work_tb && tb_per_hour) {
        steps.push_back({name, sim::Time(), m::ThroughputWork{*work_tb, *tb_per_hour}});
      } else {
        return fail(at, fmt::format("step '{}' has no duration", name),
                    "'duration', or 'work_tb' with 'tb_per_hour'");
      }
    }
    return steps;
  }

  // The same forms as in YAML: a component's name, a list (all of), {all_of}, {any_of}, {k, of}.
  std::optional<m::Requirement> requirement(od::value value, const std::string& what, int depth) {
    const char* at = location(value.current_location());
    if (const auto problem = check_depth(what, depth)) return fail(at, problem->message, problem->expected);
    if (const auto problem = check_entries(what, ++entries_))
      return fail(at, problem->message, problem->expected);
    od::json_type type{};
    if (value.type().get(type)) return fail(at, fmt::format("{} is malformed", what), "a requirement");
    switch (type) {
      case od::json_type::string: {
        std::string_view name;
        if (value.get_string().get(name)) return fail(at, fmt::format("{} is malformed", what), "a string");
        const auto it = component_ids_.find(absl::string_view(name.data(), name.size()));
        if (it == component_ids_.end()) {
          std::string message = fmt::format("{} names '{}', which is no component", what, name);
          if (const std::string hint = did_you_mean(name, names_.component_names); !hint.empty()) {
            message += "; " + hint;
          }
          return fail(at, std::move(message), "the name of a component");
        }
        return m::Requirement::of(it->second);
      }
      case od::json_type::array: {
        auto children = list(value, what, depth);
        if (!children) return std::nullopt;
        return m::Requirement::all_of(std::move(*children));
      }
      case od::json_type::object:
        break;
      default:
        return fail(at, fmt::format("{} is {}", what, type_name(type)),
                    "a component name, a list (all of), or {\"all_of\": [...]}, {\"any_of\": [...]}, "
                    "{\"k\": 2, \"of\": [...]}");
    }
    od::object object;
    if (value.get_object().get(object)) return fail(at, fmt::format("{} is malformed", what), "an object");
    std::optional<std::vector<m::Requirement>> all, any, of;
    std::optional<std::int64_t> k;
    int forms = 0;
    std::uint32_t seen = 0;
    static const std::vector<std::string> kKeys{"all_of", "any_of", "k", "of"};
    for (auto each : object) {
      od::field field;
      if (std::move(each).get(field)) return fail(at, fmt::format("{} is malformed", what), "a JSON object");
      const auto key = key_of(field, kKeys, seen, what);
      if (!key) return std::nullopt;
      od::value v = field.value();
      if (*key == "all_of") {
        ++forms;
        if (!(all = list(v, what + " all_of", depth))) return std::nullopt;
      } else if (*key == "any_of") {
        ++forms;
        if (!(any = list(v, what + " any_of", depth))) return std::nullopt;
      } else if (*key == "of") {
        if (!(of = list(v, what + " of", depth))) return std::nullopt;
      } else {
        const char* k_at = location(v.current_location());
        std::int64_t n = 0;
        if (v.get_int64().get(n)) {
          return fail(k_at, fmt::format("'k' of {} is not a whole number from 1", what),
                      "a whole number from 1");
        }
        k = n;
      }
    }
    forms += (k || of) ? 1 : 0;
    if (forms != 1) {
      return fail(at, fmt::format("{} must use exactly one of all_of, any_of, or k with of", what),
                  "{\"all_of\": [...]}, {\"any_of\": [...]} or {\"k\": 2, \"of\": [...]}");
    }
    if (all) return m::Requirement::all_of(std::move(*all));
    if (any) return m::Requirement::any_of(std::move(*any));
    if (!k || !of)
      return fail(at, fmt::format("{} needs both 'k' and 'of'", what), "{\"k\": 2, \"of\": [...]}");
    if (const auto problem = check_k(what, *k, of->size()))
      return fail(at, problem->message, problem->expected);
    return m::Requirement::k_of_n(static_cast<std::uint32_t>(*k), std::move(*of));
  }

  std::optional<std::vector<m::Requirement>> list(od::value value, const std::string& what, int depth) {
    const char* at = location(value.current_location());
    od::array array;
    if (value.get_array().get(array))
      return fail(at, fmt::format("{} is not a list", what), "a list of requirements");
    std::vector<m::Requirement> children;
    for (auto item : array) {
      od::value element;
      const char* item_at = location(item.current_location());
      if (std::move(item).get(element))
        return fail(item_at, fmt::format("{} is malformed", what), "a list of requirements");
      auto child = requirement(element, what, depth + 1);
      if (!child) return std::nullopt;
      const std::string_view shown = child->mode == m::Requirement::Mode::kComponent
                                         ? std::string_view(names_.component_names[child->component])
                                         : std::string_view();
      if (const auto problem = check_not_repeated(what, children, *child, shown))
        return fail(item_at, problem->message, problem->expected);
      children.push_back(std::move(*child));
    }
    if (const auto problem = check_not_empty(what, children.size()))
      return fail(at, problem->message, problem->expected);
    return children;
  }

  DiagnosticSink& sink_;
  std::string shown_;
  Names names_;
  // The same names, hashed: looked up once per need of every tenant.
  const ComponentIds& component_ids_;
  int line_ = 0;
  const char* line_begin_ = nullptr;
  std::size_t line_length_ = 0;
  std::size_t entries_ = 0;
};

// From this size on, a table is read in two parts on two threads.
constexpr std::size_t kParallelTableFrom = std::size_t{1} << 20;

// What a thread reading part of a table found, to be taken in line order: a row per line that was not
// blank (with how many problems the chunk had once the line was read, and whether it gave a tenant), the
// tenants, and the problems.
struct TableChunk {
  struct Row {
    int line = 0;
    std::size_t problems_end = 0;
    bool has_tenant = false;
    bool names_component = false;  // the tenant has a component's name (looked up on the chunk's thread)
  };
  DiagnosticSink sink;
  std::vector<Row> rows;
  std::vector<m::TenantSpec> tenants;
};

// Reads the lines of data[from, to) (numbered from `first_line`), passing each line that is not blank, and
// what it gave, to `take`. `total` is the whole table's size; the padding after it may be read.
template <typename Take>
void read_table_lines(TableReader& reader, const char* data, std::size_t total, std::size_t from,
                      std::size_t to, int first_line, Take&& take) {
  od::parser parser;
  std::size_t begin = from;
  int line = first_line - 1;
  while (begin < to) {
    ++line;
    const char* newline = static_cast<const char*>(std::memchr(data + begin, '\n', to - begin));
    const std::size_t end = newline == nullptr ? to : static_cast<std::size_t>(newline - data);
    std::size_t length = end - begin;
    if (length > 0 && data[begin + length - 1] == '\r') --length;
    const std::string_view content(data + begin, length);
    if (content.find_first_not_of(" \t") != std::string_view::npos) {
      // The rest of the buffer, padding included, may be read past this line's end.
      const std::size_t capacity = total + simdjson::SIMDJSON_PADDING - begin;
      take(line, reader.read_line(parser, content.data(), length, capacity, line));
    }
    begin = end + 1;
  }
}

// Chunks of a big table, cut at line ends: enough of them that the two readers meet close to where each
// has as much left as the other, few enough that each is worth a hand-over.
constexpr std::size_t kChunkBytes = std::size_t{1} << 20;

}  // namespace

// A big tenant table read on two threads. The file is cut into chunks at line ends; a second thread
// loads it and reads chunks from the last one backwards, each into a TableChunk of its own, while the
// reader's thread reads them from the first one forwards, straight into the spec, until the two meet.
// The second thread's chunks are then taken in line order, with their problems where one thread would
// have reported them, so neither the spec nor the messages depend on where the two met. It starts as
// soon as the names a line may use are known: the second core reads the table's end while the first is
// still reading the components.
class TableReading {
 public:
  struct Span {
    std::size_t from = 0;
    std::size_t to = 0;
    int first_line = 1;
  };

  TableReading(std::string path, const std::string& shown, TableReader::Names names)
      : path_(std::move(path)), shown_(shown), names_(names) {
    reading_ = std::async(std::launch::async, [this] {
      const SuggestionBudget suggestions(kSuggestionCandidates);  // this thread's, as the loader's
      read_back();
    });
  }
  TableReading(const TableReading&) = delete;
  TableReading& operator=(const TableReading&) = delete;
  ~TableReading() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
      back_ = front_;  // nothing more to take
    }
    if (reading_.valid()) reading_.wait();
  }

  const std::string& path() const { return path_; }
  // Waits for the file to be loaded; false when it could not be (error() says why).
  bool loaded() { return loaded_.get_future().get(); }
  simdjson::error_code error() const { return error_; }
  const simdjson::padded_string& text() const { return text_; }
  std::size_t line_count() const { return line_count_; }

  // The next chunk from the front, or nothing once the two threads have met.
  std::optional<Span> take_front() {
    std::lock_guard lock(mutex_);
    if (front_ >= back_) return std::nullopt;
    return spans_[front_++];
  }
  // Waits for the second thread to meet this one; its chunks, in line order (what it threw is rethrown
  // here).
  std::span<TableChunk> finish_back() {
    met_.get_future().get();
    return std::span<TableChunk>(chunks_).subspan(back_);
  }
  // The table's content hash, taken by the second thread once it has met the first.
  // REQUIRES: finish_back() returned.
  std::uint64_t hash() {
    reading_.get();
    return hash_;
  }

 private:
  void read_back() {
    bool loaded = false;
    try {
      error_ = simdjson::padded_string::load(path_).get(text_);
      if (!error_) cut();
      loaded = true;
      loaded_.set_value(!error_);
      if (error_) return;
      read_back_chunks();
    } catch (...) {
      if (loaded) {
        met_.set_exception(std::current_exception());
      } else {
        loaded_.set_exception(std::current_exception());
      }
      return;
    }
    met_.set_value();
    // While the first thread takes this one's chunks.
    hash_ = sim::fnv1a64(std::string_view(text_.data(), text_.size()));
  }

  void read_back_chunks() {
    for (;;) {
      std::size_t chunk;
      {
        std::lock_guard lock(mutex_);
        if (back_ <= front_) return;
        chunk = --back_;
      }
      TableChunk& into = chunks_[chunk];
      TableReader reader(into.sink, shown_, names_);
      const Span& span = spans_[chunk];
      read_table_lines(reader, text_.data(), text_.size(), span.from, span.to, span.first_line,
                       [&into, &reader](int line, std::optional<m::TenantSpec> tenant) {
                         into.rows.push_back({line, into.sink.diagnostics().size(), tenant.has_value(),
                                              tenant && reader.names_component(tenant->name)});
                         if (tenant) into.tenants.push_back(std::move(*tenant));
                       });
    }
  }

  // The chunks' bounds and first lines, and the table's line count.
  void cut() {
    const char* const data = text_.data();
    const std::size_t total = text_.size();
    std::size_t from = 0;
    int line = 1;
    while (from < total) {
      std::size_t to = total;
      if (total - from > kChunkBytes) {
        if (const void* newline = std::memchr(data + from + kChunkBytes, '\n', total - from - kChunkBytes))
          to = static_cast<std::size_t>(static_cast<const char*>(newline) - data) + 1;
      }
      spans_.push_back({from, to, line});
      line += static_cast<int>(std::count(data + from, data + to, '\n'));
      from = to;
    }
    line_count_ = static_cast<std::size_t>(line);
    chunks_.reserve(spans_.size());
    for (std::size_t i = 0; i < spans_.size(); ++i) chunks_.push_back({DiagnosticSink(shown_), {}, {}});
    std::lock_guard lock(mutex_);
    if (!stop_) back_ = spans_.size();
  }

  std::string path_;
  std::string shown_;
  TableReader::Names names_;
  simdjson::padded_string text_;
  simdjson::error_code error_ = simdjson::SUCCESS;
  std::promise<bool> loaded_;
  std::promise<void> met_;  // the second thread has taken its last chunk and read it
  std::vector<Span> spans_;
  std::vector<TableChunk> chunks_;  // by chunk; those from back_ on were read by the second thread
  std::size_t line_count_ = 0;
  std::uint64_t hash_ = 0;
  std::mutex mutex_;
  std::size_t front_ = 0;      // chunks [0, front_) are taken from the front...
  std::size_t back_ = 0;       // ...and [back_, size) from the back
  bool stop_ = false;          // the reading is abandoned
  std::future<void> reading_;  // last: the thread uses everything above
};

namespace {
// The table `node` names: relative to the folder of the file that names it.
std::filesystem::path table_path(const DiagnosticSink& sink, const YamlNode& node, std::string_view file) {
  return folder_for_relative_paths(sink.file_of(node.mark())) / file;
}
}  // namespace

ScenarioReader::ScenarioReader(DiagnosticSink& sink) : sink_(sink) {}
ScenarioReader::~ScenarioReader() = default;

void ScenarioReader::start_tenant_table(const YamlNode& node) {
  // Reports nothing: read_tenant_table() checks the node and the file in its turn, as without this.
  if (!node.defined() || !node.is_scalar()) return;
  const std::filesystem::path path = table_path(sink_, node, node.scalar());
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || !std::filesystem::is_regular_file(path, ec) || size < kParallelTableFrom || size > kMaxTableBytes)
    return;
  table_reading_ =
      std::make_unique<TableReading>(path.string(), path.lexically_normal().string(),
                                     TableReader::Names{component_ids_, component_names_, sla_names_});
}

void ScenarioReader::read_tenant_table(const YamlNode& node) {
  // A reading started early is used only for the file it started on; otherwise it is abandoned.
  std::unique_ptr<TableReading> reading = std::move(table_reading_);
  if (!node.defined()) return;  // a key with no value is refused by read_string: every tenant would vanish
  const auto file = read_string(sink_, node, "'tenant_table'");
  if (!file) return;
  const std::filesystem::path path = table_path(sink_, node, *file);
  const std::string shown = path.lexically_normal().string();
  std::error_code ec;
  const std::filesystem::file_status status = std::filesystem::status(path, ec);
  const char* const kWhatTable = "a JSON Lines file, relative to the scenario's folder";
  if (!std::filesystem::exists(status)) {
    sink_.error(node.mark(), fmt::format("'tenant_table': no such file '{}'", shown), kWhatTable);
    return;
  }
  if (std::filesystem::is_directory(status)) {
    sink_.error(node.mark(), fmt::format("'tenant_table': '{}' is a folder, not a file", shown), kWhatTable);
    return;
  }
  // A table is read whole, its size known first: a device or a pipe has none (and /dev/zero no end).
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || !std::filesystem::is_regular_file(status)) {
    sink_.error(
        node.mark(),
        fmt::format("'tenant_table': '{}' is not a regular file (a device, a pipe or a socket)", shown),
        kWhatTable);
    return;
  }
  sink_.add_read_file(path.string());  // its bytes are hashed with the table (table_hash())
  if (size > kMaxTableBytes) {
    sink_.error(node.mark(), fmt::format("'tenant_table': '{}' is {} bytes, over the limit of {}", shown,
                                         size, kMaxTableBytes));
    return;
  }
  const TableReader::Names names{component_ids_, component_names_, sla_names_};
  if (reading && reading->path() != path.string()) reading.reset();
  if (!reading && size >= kParallelTableFrom)
    reading = std::make_unique<TableReading>(path.string(), shown, names);
  simdjson::padded_string own_text;
  const auto error = reading ? (reading->loaded() ? simdjson::SUCCESS : reading->error())
                             : simdjson::padded_string::load(path.string()).get(own_text);
  if (error) {
    sink_.error(node.mark(),
                fmt::format("'tenant_table': cannot read '{}': {}", shown, simdjson::error_message(error)));
    return;
  }
  const simdjson::padded_string& text = reading ? reading->text() : own_text;
  const char* const data = text.data();
  const std::size_t total = text.size();
  const std::size_t before = spec_.tenants.size();
  // One tenant per line, near enough: room for them all at once, not a doubling per growth.
  const std::size_t lines =
      reading ? reading->line_count() : static_cast<std::size_t>(std::count(data, data + total, '\n')) + 1;
  spec_.tenants.reserve(before + lines);
  tenant_index_.reserve(spec_.tenants.capacity());

  // Tenants are taken in line order, and indexed as they are (this thread's only extra work).
  const auto add = [&](int line, m::TenantSpec tenant, bool names_component) {
    spec_.tenants.push_back(std::move(tenant));
    const m::TenantSpec& added = spec_.tenants.back();
    if (!tenant_index_.add(static_cast<std::uint32_t>(spec_.tenants.size() - 1)) || names_component) {
      sink_.error_in_file(shown, line, 1, fmt::format("tenant name '{}' is already used", added.name),
                          "a name no other tenant or component has");
    }
  };
  TableReader reader(sink_, shown, names);
  const auto take = [&](int line, std::optional<m::TenantSpec> tenant) {
    if (tenant) add(line, std::move(*tenant), reader.names_component(tenant->name));
  };
  if (!reading) {
    read_table_lines(reader, data, total, 0, total, 1, take);
    table_hash_ = sim::fnv1a64(std::string_view(data, total));
  } else {
    while (const auto span = reading->take_front())
      read_table_lines(reader, data, total, span->from, span->to, span->first_line, take);
    // The second thread's chunks, each with its problems where one thread would have reported them.
    for (TableChunk& chunk : reading->finish_back()) {
      const std::vector<Diagnostic>& problems = chunk.sink.diagnostics();
      std::size_t shown_problems = 0;
      std::size_t next_tenant = 0;
      const auto show_problems_to = [&](std::size_t end) {
        for (; shown_problems < end; ++shown_problems) {
          const Diagnostic& d = problems[shown_problems];
          sink_.error_in_file(d.file, d.line, d.column, d.message, d.expected, d.source_line);
        }
      };
      for (const TableChunk::Row& row : chunk.rows) {
        show_problems_to(row.problems_end);
        if (row.has_tenant) add(row.line, std::move(chunk.tenants[next_tenant++]), row.names_component);
      }
      show_problems_to(problems.size());
    }
    table_hash_ = reading->hash();
  }
  if (spec_.tenants.size() == before && sink_.empty()) {
    sink_.error(node.mark(), fmt::format("'tenant_table': '{}' has no tenants", shown),
                "one tenant per line");
  }
}

}  // namespace outagesim::loader
