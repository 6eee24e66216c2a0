#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "nwaudit/fleet/fleet_summary.h"

namespace nwaudit::report {

using fleet::CountTable;
using fleet::FleetSummary;
using fleet::kPaths;
using fleet::NamedMac;

// Most bars in one chart of the HTML page; its table lists every row.
inline constexpr std::size_t kMaxBars = 15;

// One table of a summary, as every format shows it.
struct Section {
  const char* id;       // its key in JSON, and the chart's name in HTML
  std::string title;
  std::string about;    // one sentence: what is counted
  const char* column;   // what a row's key is
  std::vector<CountTable::Row> rows;
  std::uint64_t others = 0;  // Macs counted past kMaxTableKeys
  bool chart = false;        // drawn as a bar chart in HTML
};

// The sections of a summary, in the order every format shows them.
std::vector<Section> sections_of(const FleetSummary& summary);

// "12.5%" of Macs; "0%" of none.
std::string percent(std::uint64_t part, std::uint64_t whole);

// The first lines of every format: how many Macs, skipped, not fully read.
std::string headline(const FleetSummary& summary);

// "why" of a skipped report: "FILE: line 3: reason".
inline std::string skipped_text(const Error& error) { return error.describe(); }

}  // namespace nwaudit::report
