#pragma once
// Order statistics for benchmark samples, and the one-line row format scripts/bench.sh turns
// into the table.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace rk::bench {

/// The q-quantile (0..1) by the nearest-rank method; NaN for no samples.
inline double quantile(std::vector<double> samples, double q) {
  if (samples.empty()) return std::nan("");
  std::sort(samples.begin(), samples.end());
  const double rank = std::ceil(q * static_cast<double>(samples.size()));
  const auto index = static_cast<std::size_t>(std::clamp(rank, 1.0, static_cast<double>(samples.size()))) - 1;
  return samples[index];
}

/// The median (mean of the middle two for an even count); NaN for no samples.
inline double median(std::vector<double> samples) {
  if (samples.empty()) return std::nan("");
  std::sort(samples.begin(), samples.end());
  const std::size_t n = samples.size();
  return n % 2 == 1 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2.0;
}

inline double min_of(const std::vector<double>& samples) {
  return samples.empty() ? std::nan("") : *std::min_element(samples.begin(), samples.end());
}
inline double max_of(const std::vector<double>& samples) {
  return samples.empty() ? std::nan("") : *std::max_element(samples.begin(), samples.end());
}

/// "ROW|figure|median|min|max|runs|target|reference": one row of the benchmark table.
inline void print_row(const std::string& figure, const std::vector<double>& samples,
                      const std::string& target, const std::string& reference, int precision = 1) {
  std::printf("ROW|%s|%.*f|%.*f|%.*f|%zu|%s|%s\n", figure.c_str(), precision, median(samples), precision,
              min_of(samples), precision, max_of(samples), samples.size(), target.c_str(), reference.c_str());
  std::fflush(stdout);
}

}  // namespace rk::bench
