// Linear scales and coordinate text for the report's charts.
#include "reports/svg_scale.hpp"

#include <fmt/format.h>

namespace outagesim::reports {

double LinearScale::at(double value) const {
  if (domain_hi == domain_lo) return range_lo;
  return range_lo + (value - domain_lo) * (range_hi - range_lo) / (domain_hi - domain_lo);
}

std::string svg_number(double value) {
  std::string text = fmt::format("{:.1f}", value);
  if (text == "-0.0") text = "0.0";
  return text;
}

}  // namespace outagesim::reports
