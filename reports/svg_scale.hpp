// Placing numbers on an SVG chart: a linear map from a data range onto pixels, and the one way the report
// writes a coordinate, so that the same run always gives the same bytes.
#pragma once

#include <string>

namespace outagesim::reports {

// Maps [domain_lo, domain_hi] linearly onto [range_lo, range_hi]; range_hi may be below range_lo (a y axis
// grows upwards). An empty domain maps everything to range_lo.
struct LinearScale {
  double domain_lo = 0;
  double domain_hi = 1;
  double range_lo = 0;
  double range_hi = 1;

  double at(double value) const;
};

// A coordinate with one decimal ("12.5"); never "-0.0".
std::string svg_number(double value);

}  // namespace outagesim::reports
