// `profiles`: named sets of a component kind's keys, which components take with `profile: NAME`. Unlike a
// YAML anchor, a profile is found by name, so one written in a part of constants serves every scenario
// that includes the part: the shared constants of a site are written once for all incidents.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "loader/scenario_reader.hpp"
#include "loader/spelling.hpp"

namespace outagesim::loader {

namespace m = outagesim::models;

namespace {
// The profile's own keys, never given to a component (a component's name and kind are its own).
constexpr std::array<std::string_view, 4> kProfileOwnKeys = {"name", "kind", "profile", "description"};
}  // namespace

std::optional<std::size_t> ScenarioReader::profile_ref(const YamlNode& node, const std::string& what) {
  const auto name = read_string(sink_, node, what);
  if (!name) return std::nullopt;
  if (const auto it = profile_ids_.find(*name); it != profile_ids_.end()) return it->second;
  std::vector<std::string> names;
  names.reserve(profiles_.size());
  for (const Profile& p : profiles_) names.push_back(p.name);
  std::string message = fmt::format("{} names no profile: '{}'", what, shown_text(*name));
  if (const std::string hint = did_you_mean(*name, names); !hint.empty()) message += "; " + hint;
  sink_.error(node.mark(), std::move(message),
              names.empty() ? std::string("a profile under the top-level key 'profiles' (there is none)")
                            : fmt::format("the name of an entry of 'profiles'"));
  return std::nullopt;
}

void ScenarioReader::read_profiles(const YamlNode& list) {
  std::vector<YamlNode> parents;
  for (const YamlNode& item : list_items(list, "'profiles'")) {
    YamlMap p(sink_, item, entry_what("profile", item));
    if (!p.valid()) continue;
    Profile profile;
    profile.node = item;
    profile.name = p.name(false).value_or("");
    p.string("description");
    if (const YamlNode kind_node = p.get("kind", true); kind_node.defined()) {
      if (const auto kind = read_string(sink_, kind_node, "'kind' of " + p.what())) {
        profile.kind = m::parse_kind(*kind);
        if (!profile.kind) {
          std::vector<std::string> kinds;
          for (const auto k : m::declarable_kinds()) kinds.emplace_back(m::kind_name(k));
          std::string message = fmt::format("unknown component kind '{}' in {}", shown_text(*kind), p.what());
          if (const std::string hint = did_you_mean(*kind, kinds); !hint.empty()) message += "; " + hint;
          sink_.error(kind_node.mark(), std::move(message), fmt::format("one of {}", fmt::join(kinds, ", ")));
        }
      }
    }
    // The other keys are the kind's: each is read, and checked, where a component takes the profile.
    const YamlNode parent = p.get("profile");
    if (!profile.name.empty() && !profile_ids_.emplace(profile.name, profiles_.size()).second) {
      sink_.error(p.mark_of("name"), fmt::format("duplicate profile name '{}'", profile.name),
                  "a name used once");
      continue;
    }
    profiles_.push_back(std::move(profile));
    parents.push_back(parent);
  }

  // A profile may take another of its kind (`profile:`), whose keys come after its own.
  for (std::size_t i = 0; i < profiles_.size(); ++i) {
    if (!parents[i].defined()) continue;
    const std::string what = fmt::format("'profile' of profile '{}'", profiles_[i].name);
    const auto parent = profile_ref(parents[i], what);
    if (!parent) continue;
    const Profile& base = profiles_[*parent];
    if (profiles_[i].kind && base.kind && base.kind != profiles_[i].kind) {
      sink_.error(parents[i].mark(),
                  fmt::format("{} names profile '{}', which is for {} components, not {}", what, base.name,
                              m::kind_name(*base.kind), m::kind_name(*profiles_[i].kind)),
                  fmt::format("a profile of kind {}", m::kind_name(*profiles_[i].kind)));
      continue;
    }
    profiles_[i].parent = parent;
  }
  // Chains must end: one that comes back to where it started is refused, once per cycle.
  std::vector<bool> in_cycle(profiles_.size(), false);
  for (std::size_t i = 0; i < profiles_.size(); ++i) {
    if (in_cycle[i]) continue;
    std::vector<std::size_t> chain{i};
    std::optional<std::size_t> next = profiles_[i].parent;
    while (next && chain.size() <= profiles_.size() && *next != i) {
      chain.push_back(*next);
      next = profiles_[*next].parent;
    }
    if (!next || *next != i) continue;
    std::vector<std::string> names;
    for (const std::size_t k : chain) {
      in_cycle[k] = true;
      names.push_back(profiles_[k].name);
    }
    names.push_back(profiles_[i].name);
    sink_.error(parents[i].mark(),
                fmt::format("profiles take each other in a cycle: {}", fmt::join(names, " -> ")),
                "a chain of profiles that ends");
  }
  for (std::size_t i = 0; i < profiles_.size(); ++i) {
    if (in_cycle[i]) profiles_[i].parent.reset();
  }
}

void ScenarioReader::apply_profile(YamlMap& c, std::size_t index) {
  const YamlNode node = c.get("profile");
  if (!node.defined()) return;
  const auto found = profile_ref(node, "'profile' of " + c.what());
  if (!found) return;
  const std::optional<m::ComponentKind> kind = component_kinds_[index];
  const Profile& profile = profiles_[*found];
  if (kind && profile.kind && *kind != *profile.kind) {
    sink_.error(node.mark(),
                fmt::format("'profile' of {} names profile '{}', which is for {} components, not {}",
                            c.what(), profile.name, m::kind_name(*profile.kind), m::kind_name(*kind)),
                fmt::format("a profile of kind {}", m::kind_name(*kind)));
    return;
  }
  // The component's own keys win, then its merges' (`<<`), then its profile's, then that one's profile's.
  std::optional<std::size_t> next = found;
  for (std::size_t depth = 0; next && depth < profiles_.size(); ++depth) {
    c.merge_defaults(profiles_[*next].node, kProfileOwnKeys);
    next = profiles_[*next].parent;
  }
}

}  // namespace outagesim::loader
