#pragma once

#include <string>

#include "nwaudit/fleet/fleet_summary.h"

// One renderer of a fleet summary per format, each in its own file; render_summary() picks one.
namespace nwaudit::report {

std::string render_summary_text(const fleet::FleetSummary& summary);
std::string render_summary_json(const fleet::FleetSummary& summary);
std::string render_summary_markdown(const fleet::FleetSummary& summary);
std::string render_summary_html(const fleet::FleetSummary& summary);

}  // namespace nwaudit::report
