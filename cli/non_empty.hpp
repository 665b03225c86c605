// The check of an option whose empty value would read as "not given": a name ("" would mean every
// tenant) or a path ("" would mean stdout, or no file at all).
#pragma once

#include <CLI/CLI.hpp>

namespace outagesim::cli {

// Refuses "" with "must not be empty".
CLI::Validator non_empty();

}  // namespace outagesim::cli
