#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "nwaudit/fleet/fleet_summary.h"

namespace nwaudit {

enum class SummaryFormat { text, json, markdown, html };

// text, json, markdown or html; nullopt for any other name.
std::optional<SummaryFormat> summary_format_named(std::string_view name);

// What `nwaudit summarize` prints, ending in a newline. The JSON has schema
// "nwaudit-summary/1" (nwaudit(1) describes it). The HTML is one page that needs nothing
// else: its style and its charts (SVG, one <rect class="bar"> per bar) are inline, it loads
// nothing and runs no script.
std::string render_summary(const fleet::FleetSummary& summary, SummaryFormat format);

}  // namespace nwaudit
