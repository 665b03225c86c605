// Following causes back through the journal: from a state change to the change that triggered it, and
// so on to a root (an injected fault or action, or a change with no recorded trigger).
#pragma once

#include <vector>

#include "models/results/run_result.hpp"

namespace outagesim::models {

// `change` first, then each trigger in turn, oldest last. Triggers always point to earlier changes,
// so the walk ends; it is also cut at `max_links`.
std::vector<ChangeId> cause_chain(const RunResult& result, ChangeId change, std::size_t max_links = 64);

// The injection at the root of the chain from `change`, or kNoInjection.
InjectionId root_injection(const RunResult& result, ChangeId change);

}  // namespace outagesim::models
