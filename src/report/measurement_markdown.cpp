#include "measurement_markdown.h"

#include "census_fields.h"
#include "markdown_escape.h"
#include "measurement_wording.h"

namespace nwaudit::report {
namespace {

std::string item(std::string_view label, std::string_view text) {
  return "- **" + std::string(label) + ":** " + markdown_inline(text) + "\n";
}

std::string census_table(const DescriptorCensus& census, const std::optional<DescriptorCensus>& before) {
  std::string table = before ? "| Descriptors | Before | After |\n|---|---:|---:|\n" : "| Descriptors | Count |\n|---|---:|\n";
  for (const CensusField& field : kCensusFields) {
    table += "| " + std::string(field.table_label) + " | ";
    if (before) table += std::to_string((*before).*field.count) + " | ";
    table += std::to_string(census.*field.count) + " |\n";
  }
  return table;
}

}  // namespace

std::string markdown_measurement(const Measurement& measurement, int heading_level) {
  const Observation& observed = measurement.observed;
  std::string out = std::string(static_cast<std::size_t>(heading_level), '#') + " " +
                    markdown_inline(observed_headline(observed)) + "\n\n";
  out += item("How", measurement_method(observed));
  if (measurement.outcome) {
    out += item("Connections", connections_phrase(*measurement.outcome));
    for (const std::string& error : measurement.outcome->errors) out += item("Error", error);
  }
  if (measurement.census) out.append("\n").append(census_table(*measurement.census, measurement.before));
  std::string notes;
  if (measurement.limits) notes += item("Limits", limits_phrase(*measurement.limits, measurement.census));
  if (auto unknown = unknown_limits_phrase(measurement)) notes += item("Limits", *unknown);
  for (const std::string& warning : limit_warnings(measurement)) notes += item("Warning", warning);
  for (const std::string& sentence : observed.evidence) notes += "- " + markdown_inline(sentence) + "\n";
  for (const std::string& problem : measurement.problems) notes += item("Problem", problem);
  // After the table the notes start a list of their own; without one they continue the list above.
  if (measurement.census && !notes.empty()) out += "\n";
  return out + notes + "\n";
}

}  // namespace nwaudit::report
