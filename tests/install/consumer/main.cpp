// tenant_downtime SCENARIO TENANT: loads a scenario with the installed loader, runs it once with the
// installed model and prints "TENANT down Ns". Exit 1 on a scenario problem or an unknown tenant.
#include <cstdio>
#include <string>

#include "loader/scenario_loader.hpp"
#include "models/scenario/simulation.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: tenant_downtime SCENARIO TENANT\n");
    return 2;
  }
  const outagesim::loader::LoadResult loaded = outagesim::loader::load_scenario_file(argv[1]);
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s", loaded.render().c_str());
    return 1;
  }
  const outagesim::models::ScenarioSpec& spec = *loaded.spec;
  const outagesim::models::RunResult result = outagesim::models::simulate(spec);
  for (const outagesim::models::TenantSpec& tenant : spec.tenants) {
    if (tenant.name != argv[2]) continue;
    std::printf("%s down %llds\n", tenant.name.c_str(),
                static_cast<long long>(result.downtime(tenant.id).floor_seconds()));
    return 0;
  }
  std::fprintf(stderr, "no tenant named %s\n", argv[2]);
  return 1;
}
