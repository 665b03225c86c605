// Writes the synthetic region of region_generator.hpp, section by section, straight to the file. Draws
// come from two named streams of the run seed, "region" for the infrastructure and "tenants" for the
// tenants, so asking for more tenants leaves the region itself as it was.
#include "cli/region_generator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <string>
#include <string_view>
#include <vector>

#include "loader/yaml_scalar.hpp"
#include "sim/random_stream.hpp"

namespace outagesim::cli {

namespace {

enum ServiceKind { kCompute, kBlockStorage, kObjectStorage, kDatabase, kLoadBalancer, kControlPlane, kKinds };
constexpr const char* kServiceNames[kKinds] = {"compute",  "block-storage", "object-storage",
                                               "database", "load-balancer", "control-plane"};
constexpr const char* kServiceYamlKinds[kKinds] = {"compute",  "block_storage", "object_storage",
                                                   "database", "load_balancer", "control_plane"};
constexpr int kChillerKw = 2000;
constexpr int kBaseLoadKw = 50;

char zone_letter(int zone) {
  return static_cast<char>('a' + zone);
}
char zone_label(int zone) {
  return static_cast<char>('A' + zone);
}

// Service i stands in zone i % zones and is of kind (i / zones) % kKinds: the first `zones` services are
// one compute service per zone, the next a block storage per zone, and so on round the kinds.
struct ServiceSlot {
  int zone;
  ServiceKind kind;
  int number;  // from 1 within its zone and kind
};
ServiceSlot service_slot(int i, int zones) {
  const int round = i / zones;
  return {i % zones, static_cast<ServiceKind>(round % kKinds), round / kKinds + 1};
}
// Every second object storage of a region of three zones or more keeps its data in three zones and
// serves from any two (zone-redundant storage).
bool is_zone_redundant(const ServiceSlot& slot, int zones) {
  return slot.kind == kObjectStorage && zones >= 3 && slot.number % 2 == 0;
}
std::string service_name(const ServiceSlot& slot, int zones) {
  return fmt::format("{}{}-{}-{}", is_zone_redundant(slot, zones) ? "zrs-" : "", kServiceNames[slot.kind],
                     zone_letter(slot.zone), slot.number);
}
std::string pool_name(int zone, int pool) {
  return fmt::format("hosts-{}-{}", zone_letter(zone), pool + 1);
}
std::string room_name(int zone, int room) {
  return fmt::format("hall-{}-{}", zone_letter(zone), room + 1);
}

// A draw in [low, high], both included.
int draw_between(sim::RandomStream& rng, int low, int high) {
  assert(low <= high);
  return low + static_cast<int>(rng.uniform_int(static_cast<std::uint64_t>(high - low + 1)));
}

struct Pool {
  int hosts;
  int deciwatt_per_host;  // kW per host in tenths
  int power_on_min;
  int checks_min;
};

// Where the components go: the scenario's YAML list, or a JSON part that the scenario includes. Each is
// written as one JSON object, which YAML reads as a flow mapping, so that the two hold the same lines.
class ComponentList {
 public:
  // REQUIRES: `part` is nullptr or a file of its own, opened for writing.
  ComponentList(std::FILE* scenario, std::FILE* part) : out_(part ? part : scenario), json_(part != nullptr) {
    std::fputs(json_ ? "{\"components\": [" : "\ncomponents:", out_);
  }
  // A comment line in the YAML; JSON has none.
  void comment(std::string_view text) {
    if (!json_) fmt::print(out_, "\n  # {}", text);
  }
  void add(std::string_view object) {
    if (json_) {
      fmt::print(out_, "{}\n{}", first_ ? "" : ",", object);
    } else {
      fmt::print(out_, "\n  - {}", object);
    }
    first_ = false;
  }
  void close() { std::fputs(json_ ? "\n]}\n" : "\n", out_); }

 private:
  std::FILE* out_;
  bool json_;
  bool first_ = true;
};

void write_zone(ComponentList& out, const RegionShape& shape, int zone, sim::RandomStream& rng) {
  const char z = zone_letter(zone);
  const char label = zone_label(zone);
  std::vector<Pool> pools(static_cast<std::size_t>(shape.pools_per_zone));
  std::vector<int> room_load_kw(static_cast<std::size_t>(shape.rooms_per_zone), kBaseLoadKw);
  for (int p = 0; p < shape.pools_per_zone; ++p) {
    Pool& pool = pools[static_cast<std::size_t>(p)];
    pool = {draw_between(rng, 50, 400), draw_between(rng, 5, 15), draw_between(rng, 10, 20),
            draw_between(rng, 20, 40)};
    room_load_kw[static_cast<std::size_t>(p % shape.rooms_per_zone)] +=
        (pool.hosts * pool.deciwatt_per_host + 9) / 10;
  }
  // Rooms are built with 30 % cooling headroom; the plant carries them all with one chiller on standby.
  std::vector<int> design_kw(room_load_kw.size());
  long long plant_kw = 0;
  for (std::size_t r = 0; r < room_load_kw.size(); ++r) {
    design_kw[r] = room_load_kw[r] * 13 / 10 + 100;
    plant_kw += design_kw[r];
  }
  const long long chillers = (plant_kw + kChillerKw - 1) / kChillerKw;

  out.comment(fmt::format("Zone {}", label));
  out.add(fmt::format(R"({{"name": "utility-{}", "kind": "power_feed", "zone": "{}"}})", z, label));
  out.add(fmt::format(R"({{"name": "generator-{}", "kind": "power_feed", "zone": "{}"}})", z, label));
  out.add(fmt::format(R"({{"name": "plant-{}", "kind": "cooling_plant", "zone": "{}", "chillers": {}, )"
                      R"("standby_chillers": 1, "chiller_kw": {}, )"
                      R"("power": {{"any_of": ["utility-{}", "generator-{}"]}}, )"
                      R"("auto_restart": {}, "auto_restart_delay": "5m"}})",
                      z, label, chillers, kChillerKw, z, z, chillers + 1));
  for (int r = 0; r < shape.rooms_per_zone; ++r) {
    const int design = design_kw[static_cast<std::size_t>(r)];
    // About 150 kJ/°C per kW of cooling: without cooling a full room warms from 24 °C to 40 °C in about an
    // hour.
    out.add(fmt::format(
        R"({{"name": "{}", "kind": "room", "zone": "{}", "cooling": "plant-{}", )"
        R"("power": {{"any_of": ["utility-{}", "generator-{}"]}}, "ups_ride_through": "10m", )"
        R"("design_cooling_kw": {}, "thermal_mass_kj_per_c": {}, "heat_loss_kw_per_c": 5, "base_load_kw": {}}})",
        room_name(zone, r), label, z, z, z, design, design * 150, kBaseLoadKw));
  }
  for (int p = 0; p < shape.pools_per_zone; ++p) {
    const Pool& pool = pools[static_cast<std::size_t>(p)];
    out.add(fmt::format(
        R"({{"name": "{}", "kind": "host_pool", "zone": "{}", "room": "{}", "hosts": {}, "kw_per_host": {}.{}, )"
        R"("shutdown_c": 40, "power_on": "{}m", "checks": "{}m", "crew": "ops-{}", "restart_priority": {}}})",
        pool_name(zone, p), label, room_name(zone, p % shape.rooms_per_zone), pool.hosts,
        pool.deciwatt_per_host / 10, pool.deciwatt_per_host % 10, pool.power_on_min, pool.checks_min, z,
        p % 3));
  }
}

void write_service(ComponentList& out, const RegionShape& shape, int i, sim::RandomStream& rng) {
  const ServiceSlot slot = service_slot(i, shape.zones);
  const int zones = shape.zones;
  const auto pool_in = [&](int zone) {
    return pool_name(zone, draw_between(rng, 0, shape.pools_per_zone - 1));
  };
  const std::string name = service_name(slot, zones);
  const char label = zone_label(slot.zone);
  const char* kind = kServiceYamlKinds[slot.kind];
  switch (slot.kind) {
    case kCompute:
    case kLoadBalancer:
      out.add(fmt::format(R"({{"name": "{}", "kind": "{}", "zone": "{}", "needs": "{}"}})", name, kind, label,
                          pool_in(slot.zone)));
      break;
    case kBlockStorage:
      out.add(fmt::format(R"({{"name": "{}", "kind": "{}", "zone": "{}", "needs": "{}", )"
                          R"("recovery": [{{"step": "volume checks", "duration": "{}m"}}]}})",
                          name, kind, label, pool_in(slot.zone), draw_between(rng, 10, 40)));
      break;
    case kObjectStorage:
      if (is_zone_redundant(slot, zones)) {
        out.add(fmt::format(
            R"({{"name": "{}", "kind": "{}", "needs": {{"k": 2, "of": ["{}", "{}", "{}"]}}}})", name, kind,
            pool_in(slot.zone), pool_in((slot.zone + 1) % zones), pool_in((slot.zone + 2) % zones)));
      } else {
        out.add(fmt::format(R"({{"name": "{}", "kind": "{}", "zone": "{}", "needs": "{}"}})", name, kind,
                            label, pool_in(slot.zone)));
      }
      break;
    case kDatabase:
      // Half the databases of a multi-zone region keep a standby in the next zone.
      if (zones >= 2 && rng.uniform_int(2) == 0) {
        out.add(fmt::format(R"({{"name": "{}", "kind": "{}", "zone": "{}", "primary": ["{}"], )"
                            R"("standby": ["{}"], "detect": "2m", "switchover": "{}m"}})",
                            name, kind, label, pool_in(slot.zone), pool_in((slot.zone + 1) % zones),
                            draw_between(rng, 5, 15)));
      } else {
        out.add(fmt::format(R"({{"name": "{}", "kind": "{}", "zone": "{}", "primary": ["{}"], )"
                            R"("recovery": [{{"step": "crash recovery", "duration": "{}m"}}]}})",
                            name, kind, label, pool_in(slot.zone), draw_between(rng, 10, 30)));
      }
      break;
    case kControlPlane:
      out.add(fmt::format(R"({{"name": "{}", "kind": "{}", "zone": "{}", )"
                          R"("nodes": [{{"needs": "{}", "rps": 1000}}], "baseline_rps": {}}})",
                          name, kind, label, pool_in(slot.zone), draw_between(rng, 300, 700)));
      break;
    case kKinds:
      assert(false);
  }
}

// Indices of the services of one kind in one zone, for the tenants to pick from.
class ServiceIndex {
 public:
  explicit ServiceIndex(const RegionShape& shape)
      : zones_(shape.zones), lists_(static_cast<std::size_t>(shape.zones * kKinds)) {
    for (int i = 0; i < shape.services; ++i) {
      const ServiceSlot slot = service_slot(i, zones_);
      if (!is_zone_redundant(slot, zones_)) lists_[list_of(slot.zone, slot.kind)].push_back(i);
    }
  }
  bool has(int zone, ServiceKind kind) const { return !lists_[list_of(zone, kind)].empty(); }
  // REQUIRES: has(zone, kind).
  std::string pick(int zone, ServiceKind kind, sim::RandomStream& rng) const {
    const auto& list = lists_[list_of(zone, kind)];
    return service_name(service_slot(list[rng.uniform_int(list.size())], zones_), zones_);
  }

 private:
  std::size_t list_of(int zone, ServiceKind kind) const {
    return static_cast<std::size_t>(zone * kKinds + kind);
  }
  int zones_;
  std::vector<std::vector<int>> lists_;
};

// Half the tenants live in one zone and wait for repair; three in ten spread over two or three zones and
// need all but one of them (k of n); one in ten keeps a warm standby in the next zone, one in ten runs
// active-active in two zones. The name says which and where: zonal-a-17, spread-abc-18, standby-ab-19.
// With a table: JSON names in quotes, joined by commas; in YAML: bare names.
std::string name_list(const std::vector<std::string>& names, bool json) {
  std::string text;
  for (const std::string& name : names) {
    if (!text.empty()) text += ", ";
    text += json ? fmt::format("\"{}\"", name) : name;
  }
  return text;
}

void write_tenant(std::FILE* out, const RegionShape& shape, const ServiceIndex& services,
                  std::uint64_t number, sim::RandomStream& rng, const SideFiles& output,
                  std::uint64_t& strategy_tenants) {
  const int zones = shape.zones;
  const int zone = static_cast<int>(rng.uniform_int(static_cast<std::uint64_t>(zones)));
  const int next = (zone + 1) % zones;
  const auto draw = rng.uniform_int(10);
  int shape_kind = zones == 1 ? 0 : static_cast<int>(draw);
  // A table holds no strategies: past the first few, a tenant with a strategy spreads over zones instead.
  if (shape_kind >= 8 && output.table != nullptr && strategy_tenants >= kMaxYamlStrategyTenants)
    shape_kind = 5;
  const bool json = output.table != nullptr && shape_kind < 8;
  std::FILE* to = json ? output.table : out;
  if (shape_kind < 5) {
    std::vector<std::string> needs{services.pick(zone, kCompute, rng)};
    if (services.has(zone, kBlockStorage) && rng.uniform_int(2) == 0)
      needs.push_back(services.pick(zone, kBlockStorage, rng));
    if (services.has(zone, kDatabase) && rng.uniform_int(3) == 0)
      needs.push_back(services.pick(zone, kDatabase, rng));
    const auto minutes = draw_between(rng, 5, 30);
    if (json) {
      fmt::print(to,
                 "{{\"name\": \"zonal-{}-{}\", \"sla\": \"standard\", \"needs\": [{}], \"recovery\": "
                 "[{{\"step\": \"warm caches\", \"duration\": \"{}m\"}}]}}\n",
                 zone_letter(zone), number, name_list(needs, true), minutes);
    } else {
      fmt::print(to,
                 "  - {{name: zonal-{}-{}, sla: standard, needs: [{}], recovery: [{{step: warm caches, "
                 "duration: {}m}}]}}\n",
                 zone_letter(zone), number, name_list(needs, false), minutes);
    }
  } else if (shape_kind < 8) {
    const int spread = zones >= 3 && rng.uniform_int(2) == 0 ? 3 : 2;
    std::string letters;
    std::vector<std::string> sites;
    for (int s = 0; s < spread; ++s) {
      const int site_zone = (zone + s) % zones;
      letters += zone_letter(site_zone);
      sites.push_back(services.pick(site_zone, kCompute, rng));
    }
    std::sort(letters.begin(), letters.end());
    if (json) {
      fmt::print(to,
                 "{{\"name\": \"spread-{}-{}\", \"sla\": \"standard\", \"needs\": [{{\"k\": {}, \"of\": "
                 "[{}]}}], \"recovery\": \"5m\"}}\n",
                 letters, number, spread - 1, name_list(sites, true));
    } else {
      fmt::print(to,
                 "  - {{name: spread-{}-{}, sla: standard, needs: [{{k: {}, of: [{}]}}], recovery: 5m}}\n",
                 letters, number, spread - 1, name_list(sites, false));
    }
  } else if (shape_kind == 8) {
    fmt::print(
        out,
        "  - {{name: standby-{}{}-{}, needs: [{}], strategy: {{kind: standby, needs: [{}], detection: 2m, "
        "decision: 5m, switchover: 10m}}}}\n",
        zone_letter(zone), zone_letter(next), number, services.pick(zone, kCompute, rng),
        services.pick(next, kCompute, rng));
  } else {
    const std::string here = services.pick(zone, kCompute, rng);
    fmt::print(
        out,
        "  - {{name: active-{}{}-{}, needs: [{}], strategy: {{kind: active_active, sites: [{{needs: [{}]}}, "
        "{{needs: [{}]}}], detection: 1m}}}}\n",
        zone_letter(zone), zone_letter(next), number, here, here, services.pick(next, kCompute, rng));
  }
  if (shape_kind >= 8) ++strategy_tenants;
}

}  // namespace

bool write_region_scenario(const RegionShape& shape, std::FILE* out, const SideFiles& output) {
  assert(shape.zones >= 1 && shape.zones <= kMaxZones && shape.rooms_per_zone >= 1 &&
         shape.pools_per_zone >= 1);
  assert(shape.services >= shape.zones && shape.tenants >= 1);
  const sim::RandomStreams streams(shape.seed);
  sim::RandomStream region = streams.stream("region");
  sim::RandomStream tenants = streams.stream("tenants");

  fmt::print(
      out,
      "# Generated by `outagesim generate --zones {} --rooms {} --hosts {} --services {} --tenants {} --seed "
      "{}`.\n"
      "# A synthetic region, not a real one: sizes and times are drawn to look plausible. The cooling plant\n"
      "# of zone a fails an hour in and is repaired six hours later.\n",
      shape.zones, shape.rooms_per_zone, shape.pools_per_zone, shape.services, shape.tenants, shape.seed);
  fmt::print(
      out,
      "scenario: generated-region\ntitle: Synthetic region of {} zones, cooling plant of zone a lost for 6h\n"
      "start: 2025-01-06T00:00:00+00:00\nhorizon: 24h\nseed: {}\n",
      shape.zones, shape.seed);

  fmt::print(out, "\ncrews:\n");
  for (int zone = 0; zone < shape.zones; ++zone)
    fmt::print(out, "  - {{name: ops-{}, headcount: {}}}\n", zone_letter(zone),
               std::max(2, shape.pools_per_zone / 5));
  fmt::print(out,
             "\nslas:\n  - name: standard\n    target_pct: 99.9\n    period: 30d\n    credits:\n"
             "      - {{below_pct: 99.9, credit_pct: 10}}\n      - {{below_pct: 99.0, credit_pct: 25}}\n");

  if (output.component_part != nullptr)
    fmt::print(out, "\ninclude: [{}]\n", loader::yaml_scalar(output.component_part_name));
  ComponentList components(out, output.component_part);
  for (int zone = 0; zone < shape.zones; ++zone) write_zone(components, shape, zone, region);
  components.comment("Services");
  for (int i = 0; i < shape.services; ++i) write_service(components, shape, i, region);
  components.close();

  fmt::print(out, "\ntenants:\n");
  const ServiceIndex services(shape);
  std::uint64_t strategy_tenants = 0;
  for (std::uint64_t t = 1; t <= shape.tenants; ++t)
    write_tenant(out, shape, services, t, tenants, output, strategy_tenants);
  if (output.table != nullptr) fmt::print(out, "tenant_table: {}\n", loader::yaml_scalar(output.table_name));

  fmt::print(
      out,
      "\nfaults:\n  - {{at: \"+1h\", target: plant-a, action: fail, note: cooling plant of zone a fails}}\n"
      "operator_actions:\n  - {{at: \"+7h\", target: plant-a, action: repair, note: cooling plant "
      "repaired}}\n");
  return std::ferror(out) == 0 && (output.table == nullptr || std::ferror(output.table) == 0) &&
         (output.component_part == nullptr || std::ferror(output.component_part) == 0);
}

}  // namespace outagesim::cli
