#include <nlohmann/json.hpp>

#include "summary_formats.h"
#include "summary_sections.h"

namespace nwaudit::report {


std::string render_summary_json(const FleetSummary& summary) {
  using Json = nlohmann::ordered_json;
  Json tables = Json::object();
  for (const Section& section : sections_of(summary)) {
    Json rows = Json::array();
    for (const auto& row : section.rows) {
      Json entry = {{"key", row.key}, {"macs", row.macs}};
      if (!row.detail.empty()) entry["detail"] = row.detail;
      rows.push_back(std::move(entry));
    }
    tables[section.id] = {{"title", section.title}, {"rows", std::move(rows)}, {"others", section.others}};
  }
  Json incomplete = Json::array();
  for (const NamedMac& mac : summary.incomplete_named) incomplete.push_back({{"name", mac.name}, {"why", mac.why}});
  Json skipped = Json::array();
  for (const Error& error : summary.skipped_named) {
    skipped.push_back({{"path", error.path}, {"line", error.line}, {"location", error.location}, {"reason", error.reason}});
  }
  Json verdicts = Json::object();
  for (std::size_t i = 0; i < kPaths.size(); ++i) verdicts[kPaths[i]] = summary.paths[i];
  const Json document = {{"schema", "nwaudit-summary/1"},
                         {"macs", summary.macs},
                         {"verdicts", std::move(verdicts)},
                         {"incomplete", summary.incomplete},
                         {"skipped", summary.skipped},
                         {"tables", std::move(tables)},
                         {"incomplete_macs", std::move(incomplete)},
                         {"skipped_reports", std::move(skipped)}};
  return document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace nwaudit::report
