#include <algorithm>

#include "nwaudit/fleet/fleet_summary.h"

namespace nwaudit::fleet {

void CountTable::add(const std::string& key, const std::string& detail) {
  auto found = counts_.find(key);
  if (found == counts_.end()) {
    if (counts_.size() == kMaxTableKeys) {
      ++others_;
      return;
    }
    found = counts_.emplace(key, Row{key, 0, detail}).first;
  }
  ++found->second.macs;
  if (found->second.detail.empty()) found->second.detail = detail;
}

std::vector<CountTable::Row> CountTable::rows() const {
  std::vector<Row> rows;
  rows.reserve(counts_.size());
  for (const auto& [key, row] : counts_) rows.push_back(row);
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.macs != b.macs) return a.macs > b.macs;
    return a.key < b.key;
  });
  return rows;
}

}  // namespace nwaudit::fleet
