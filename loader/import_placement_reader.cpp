// Reads the region template's `import` key into an ImportPlacement (loader/import_placement.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <vector>

#include "loader/import_placement.hpp"
#include "loader/name_rules.hpp"
#include "loader/spelling.hpp"

namespace outagesim::loader {

const std::string* ImportPlacement::component(std::string_view service, std::string_view place) const {
  const auto s = services.find(std::string(service));
  if (s == services.end()) return nullptr;
  const auto p = s->second.find(std::string(place));
  return p == s->second.end() ? nullptr : &p->second;
}

namespace {

std::vector<std::string> words(std::span<const std::string_view> list) {
  return {list.begin(), list.end()};
}

// The places of one service: `{B: ecs-b, C: ecs-c1, regional: oss-zrs}`.
std::map<std::string, std::string> read_places(DiagnosticSink& sink, const YamlNode& node,
                                               const std::string& service,
                                               const std::vector<std::string>& places,
                                               const ComponentCheck& check_component) {
  std::map<std::string, std::string> out;
  const std::string what = fmt::format("import service '{}'", service);
  YamlMap m(sink, node, what);
  if (!m.valid()) return out;
  for (const YamlNode& key : m.keys()) {
    const auto place = read_string(sink, key, "a place");
    if (!place) continue;
    const YamlNode value = m.get(*place);
    if (std::find(places.begin(), places.end(), *place) == places.end()) {
      std::string message = fmt::format("{} names the place '{}', which is no zone of `import.zones`", what,
                                        shown_text(*place));
      if (const std::string hint = did_you_mean(*place, places); !hint.empty()) message += "; " + hint;
      sink.error(key.mark(), std::move(message), fmt::format("one of {}", fmt::join(places, ", ")));
      continue;
    }
    const std::string value_what = fmt::format("{} at '{}'", what, *place);
    const auto component = read_string(sink, value, value_what);
    if (!component) continue;
    if (check_component(value, value_what)) out.emplace(*place, *component);
  }
  m.finish();
  return out;
}

}  // namespace

std::optional<ImportPlacement> read_import_placement(DiagnosticSink& sink, const YamlNode& node,
                                                     const ComponentCheck& check_component) {
  const std::size_t problems = sink.diagnostics().size();
  YamlMap top(sink, node, "import");
  if (!top.valid()) return std::nullopt;
  ImportPlacement placement;
  if (const auto provider = top.string("provider", true)) {
    const auto known = words(kImportProviders);
    if (std::find(known.begin(), known.end(), *provider) == known.end()) {
      std::string message =
          fmt::format("import provider '{}' is not one the importer reads", shown_text(*provider));
      if (const std::string hint = did_you_mean(*provider, known); !hint.empty()) message += "; " + hint;
      sink.error(top.mark_of("provider"), std::move(message),
                 fmt::format("one of {}", fmt::join(known, ", ")));
    } else {
      placement.provider = *provider;
    }
  }
  if (const auto region = top.string("region", true)) {
    // Written into the tenant part's header and compared with the state's zones: a plain name.
    if (const std::string why = name_problem(*region, false); !why.empty()) {
      sink.error(top.mark_of("region"), fmt::format("the import region {}", why),
                 fmt::format("a region id such as ap-northeast-1: {}, and no '/'", kNameRules));
    } else {
      placement.region = *region;
    }
  }

  std::vector<std::string> places;
  if (const YamlNode zones = top.get("zones", true); zones.defined()) {
    YamlMap z(sink, zones, "import zones");
    if (z.valid()) {
      for (const YamlNode& key : z.keys()) {
        const auto provider_zone = read_string(sink, key, "a provider zone id");
        if (!provider_zone) continue;
        const auto zone = read_string(sink, z.get(*provider_zone), "the template zone of " + *provider_zone);
        if (!zone) continue;
        placement.zones.emplace(*provider_zone, *zone);
        if (std::find(places.begin(), places.end(), *zone) == places.end()) places.push_back(*zone);
      }
      z.finish();
    }
  }
  for (const std::string_view word : {kRegionalPlace, kLocalPlace, kElsewherePlace})
    places.emplace_back(word);

  if (const YamlNode services = top.get("services", true); services.defined()) {
    YamlMap s(sink, services, "import services");
    if (s.valid()) {
      for (const std::string_view service : kImportServices) {
        const YamlNode places_node = s.get(service);
        if (!places_node.defined()) continue;
        placement.services.emplace(std::string(service), read_places(sink, places_node, std::string(service),
                                                                     places, check_component));
      }
      s.finish();
    }
  }
  top.finish();
  if (sink.diagnostics().size() != problems) return std::nullopt;
  return placement;
}

}  // namespace outagesim::loader
