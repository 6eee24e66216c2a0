#pragma once

#include <string>
#include <vector>

#include "nwaudit/rules/rule.h"
#include "report_model.h"

// Markdown sections shared by the Markdown report and SARIF's help texts.
namespace nwaudit::report {

// One heading per fix at `heading_level` ("Fixes on the Mac: title"), Mac fixes before app
// fixes, then what it needs, its description, its command in a fenced block and its side
// effects. With `shown`, fixes shown before are only listed by title, after the others.
std::string markdown_fixes(const std::vector<Fix>& fixes, int heading_level, ShownOnce* shown = nullptr);

// "**References**" and a list of links; empty when there are none. With `shown`, those shown
// before are only counted.
std::string markdown_references(const std::vector<Reference>& references, ShownOnce* shown = nullptr);

}  // namespace nwaudit::report
