// Walking trigger links in the journal.
#include "models/results/cause_chain.hpp"

namespace outagesim::models {

std::vector<ChangeId> cause_chain(const RunResult& result, ChangeId change, std::size_t max_links) {
  std::vector<ChangeId> chain;
  while (change != kNoChange && change < result.journal.size() && chain.size() < max_links) {
    chain.push_back(change);
    const ChangeId next = result.journal[change].cause.trigger;
    if (next >= change) break;  // only earlier changes can be causes
    change = next;
  }
  return chain;
}

InjectionId root_injection(const RunResult& result, ChangeId change) {
  const auto chain = cause_chain(result, change);
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if (result.journal[*it].cause.injection != kNoInjection) return result.journal[*it].cause.injection;
  }
  return kNoInjection;
}

}  // namespace outagesim::models
