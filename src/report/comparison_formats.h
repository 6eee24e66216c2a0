#pragma once

#include <string>
#include <string_view>

#include "nwaudit/compare/comparison.h"

// One renderer of a comparison per format, each in its own file; render_comparison() picks one.
namespace nwaudit::report {

std::string render_comparison_text(const Comparison& comparison, bool color, std::string_view tool_version);
std::string render_comparison_markdown(const Comparison& comparison, std::string_view tool_version);
std::string render_comparison_json(const Comparison& comparison, std::string_view tool_version);

}  // namespace nwaudit::report
