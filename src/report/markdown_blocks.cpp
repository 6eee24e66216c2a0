#include "markdown_blocks.h"

#include "markdown_escape.h"
#include "report_model.h"
#include "report_text.h"

namespace nwaudit::report {

std::string markdown_fixes(const std::vector<Fix>& fixes, int heading_level, ShownOnce* shown) {
  const std::string hashes(static_cast<std::size_t>(heading_level), '#');
  std::string out;
  std::string repeated;
  for (const FixGroup& group : fixes_by_audience(fixes)) {
    const std::string heading = markdown_inline(fixes_heading(group.audience));
    for (const Fix* fix : group.fixes) {
      if (shown != nullptr && !shown->first_time(*fix)) {
        repeated += "- " + heading + ": " + markdown_inline(fix->title) + "\n";
        continue;
      }
      out += hashes + " " + heading + ": " + markdown_inline(fix->title) + "\n\n";
      const std::string needs = needs_label(*fix);
      if (!needs.empty()) out.append("_").append(markdown_inline(needs)).append("_\n\n");
      if (!fix->description.empty()) out += markdown_text(fix->description) + "\n\n";
      if (!fix->command.empty()) out += markdown_fence(fix->command, "sh") + "\n";
      if (!fix->side_effects.empty()) out += "**Side effects:** " + markdown_text(fix->side_effects) + "\n\n";
    }
  }
  if (!repeated.empty()) out += "**Also, as above:**\n\n" + repeated + "\n";
  return out;
}

std::string markdown_references(const std::vector<Reference>& references, ShownOnce* shown) {
  std::string list;
  std::size_t repeated = 0;
  for (const Reference& reference : references) {
    if (shown != nullptr && !shown->first_time(reference)) ++repeated;
    else list += "- " + markdown_link(reference.title, reference.url) + "\n";
  }
  if (repeated > 0) {
    list += "- " + std::to_string(repeated) + (repeated == 1 ? " reference" : " references") + " given above\n";
  }
  return list.empty() ? "" : "**References**\n\n" + list + "\n";
}

}  // namespace nwaudit::report
