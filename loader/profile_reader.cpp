// `profiles`: named sets of a component kind's keys, which components take with `profile: NAME`. Unlike a
// YAML anchor, a profile is found by name, so one written in a part of constants serves every scenario
// that includes the part: the shared constants of a site are written once for all incidents.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "loader/scenario_loader.hpp"
#include "loader/scenario_reader.hpp"
#include "loader/spelling.hpp"

namespace outagesim::loader {

namespace m = outagesim::models;

namespace {
// The profile's own keys, never given to a component (a component's name and kind are its own).
constexpr std::array<std::string_view, 4> kProfileOwnKeys = {"name", "kind", "profile", "description"};
// The nodes under `node`, each use of an alias counted again (as a component taking it reads them).
std::size_t tree_size(const YamlNode& node) {
  std::size_t count = 0;
  std::vector<YamlNode> pending{node};
  while (!pending.empty()) {
    const YamlNode next = pending.back();
    pending.pop_back();
    ++count;
    if (next.is_sequence()) {
      for (const YamlNode& child : next) pending.push_back(child);
    } else if (next.is_map()) {
      for (const auto& entry : next) {
        ++count;
        pending.push_back(entry.second);
      }
    }
  }
  return count;
}
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
    profile.what = fmt::format("profile '{}'", profile.name);
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
    if (const auto [it, added] = profile_ids_.emplace(profile.name, profiles_.size());
        !profile.name.empty() && !added) {
      sink_.error(p.mark_of("name"),
                  fmt::format("duplicate profile name '{}' (first declared {})", profile.name,
                              sink_.earlier_place(profiles_[it->second].node.mark(), p.mark_of("name"))),
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
  // Chains end, and within kMaxMergeDepth: each profile is walked once (its depth and size come from the
  // profile it takes), so a long list of profiles costs no more than its length.
  enum class Walk : std::uint8_t { kNew, kOnPath, kDone };
  std::vector<Walk> state(profiles_.size(), Walk::kNew);
  std::vector<int> depth(profiles_.size(), 1);
  bool too_deep = false;
  for (std::size_t start = 0; start < profiles_.size(); ++start) {
    std::vector<std::size_t> path;
    std::optional<std::size_t> at = start;
    while (at && state[*at] == Walk::kNew) {
      state[*at] = Walk::kOnPath;
      path.push_back(*at);
      at = profiles_[*at].parent;
    }
    if (at && state[*at] == Walk::kOnPath) {  // back to a profile on this path: a cycle
      const auto first = std::find(path.begin(), path.end(), *at);
      std::vector<std::string> names;
      for (auto it = first; it != path.end(); ++it) names.push_back(profiles_[*it].name);
      names.push_back(profiles_[*at].name);
      sink_.error(parents[path.back()].mark(),
                  fmt::format("profiles take each other in a cycle: {}", fmt::join(names, " -> ")),
                  "a chain of profiles that ends");
      profiles_[path.back()].parent.reset();
    }
    // Unwind: each profile's depth and size from those of the profile it takes.
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
      Profile& profile = profiles_[*it];
      profile.entries = tree_size(profile.node);
      if (profile.parent) {
        depth[*it] = depth[*profile.parent] + 1;
        profile.entries += profiles_[*profile.parent].entries;
        if (depth[*it] > kMaxMergeDepth) {
          // Once: a list of thousands of profiles, each taking the one before, is one mistake.
          if (!too_deep)
            sink_.error(parents[*it].mark(),
                        fmt::format("profile '{}' ends a chain of profiles more than {} deep", profile.name,
                                    kMaxMergeDepth),
                        fmt::format("profiles that take profiles at most {} deep", kMaxMergeDepth));
          too_deep = true;
          profile.parent.reset();
          depth[*it] = 1;
          profile.entries = tree_size(profile.node);
        }
      }
      state[*it] = Walk::kDone;
    }
  }
}

void ScenarioReader::apply_profile(YamlMap& c, std::size_t index) {
  const YamlNode node = c.get("profile");
  if (!node.defined()) return;
  const auto found = profile_ref(node, "'profile' of " + c.what());
  if (!found) {
    c.quiet_missing();  // the keys the profile would give are not missing: the profile is
    return;
  }
  const std::optional<m::ComponentKind> kind = component_kinds_[index];
  const Profile& profile = profiles_[*found];
  if (kind && profile.kind && *kind != *profile.kind) {
    sink_.error(node.mark(),
                fmt::format("'profile' of {} names profile '{}', which is for {} components, not {}",
                            c.what(), profile.name, m::kind_name(*profile.kind), m::kind_name(*kind)),
                fmt::format("a profile of kind {}", m::kind_name(*kind)));
    c.quiet_missing();
    return;
  }
  // Each component that takes a profile repeats its entries, as each use of an alias repeats a node: a
  // small file could otherwise make gigabytes of requirements. One budget with the aliases'.
  if (profile_budget_spent_) return;
  if (profile.entries > profile_budget_) {
    profile_budget_spent_ = true;
    sink_.error(node.mark(),
                fmt::format("profiles are taken so often that they repeat more than {} entries in the "
                            "components that take them; here profile '{}' passes that",
                            kMaxAliasExpansion, profile.name),
                fmt::format("at most {} entries added by profiles and aliases together, all parts together",
                            kMaxAliasExpansion));
    return;
  }
  profile_budget_ -= profile.entries;
  // The component's own keys win, then its merges' (`<<`), then its profile's, then that one's profile's.
  for (std::optional<std::size_t> next = found; next; next = profiles_[*next].parent)
    c.merge_defaults(profiles_[*next].node, kProfileOwnKeys, profiles_[*next].what);
}

}  // namespace outagesim::loader
