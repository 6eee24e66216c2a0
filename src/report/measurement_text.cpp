#include "measurement_text.h"

#include <string>
#include <vector>

#include "census_fields.h"
#include "measurement_wording.h"

namespace nwaudit::report {
namespace {

constexpr std::size_t kIndent = 2;

std::string count_text(const CensusField& field, const DescriptorCensus& census,
                       const std::optional<DescriptorCensus>& before) {
  const std::uint64_t now = census.*field.count;
  if (!before || (*before).*field.count == now) return std::to_string(now);
  return std::to_string((*before).*field.count) + " \u2192 " + std::to_string(now);
}

// "TCP 2 → 10,", "UDP 0,", ..., "channels 1 (1 flow-switch),", ..., "total 40": one token each.
std::vector<std::string> census_tokens(const DescriptorCensus& census, const std::optional<DescriptorCensus>& before) {
  std::vector<std::string> tokens;
  for (const CensusField& field : kCensusFields) {
    const std::string count = count_text(field, census, before);
    if (field.part_of_previous && !tokens.empty()) tokens.back() += " (" + count + " " + std::string(field.label) + ")";
    else tokens.push_back(std::string(field.label) + " " + count);
  }
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) tokens[i] += ",";
  return tokens;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : std::string(separator)) + part;
  return text;
}

}  // namespace

void write_measurement(TextOutput& out, const Measurement& measurement) {
  const Observation& observed = measurement.observed;
  out.heading(0, observed_headline(observed), path_tone(observed.path));
  out.paragraph(kIndent, measurement_method(observed), "How: ");
  if (measurement.outcome) {
    out.paragraph(kIndent, connections_phrase(*measurement.outcome), "Connections: ");
    if (!measurement.outcome->errors.empty()) out.paragraph(kIndent, joined(measurement.outcome->errors, "; "), "Errors: ");
  }
  if (measurement.census) out.tokens(kIndent, census_tokens(*measurement.census, measurement.before), "Descriptors: ");
  if (measurement.limits) out.paragraph(kIndent, limits_phrase(*measurement.limits, measurement.census), "Limits: ");
  if (auto unknown = unknown_limits_phrase(measurement)) out.paragraph(kIndent, *unknown, "Limits: ");
  for (const std::string& warning : limit_warnings(measurement)) {
    out.paragraph(kIndent, warning, "Warning: ", Tone::yellow);
  }
  for (const std::string& sentence : observed.evidence) out.paragraph(kIndent, sentence, "- ");
  for (const std::string& problem : measurement.problems) out.paragraph(kIndent, problem, "Problem: ", Tone::yellow);
}

}  // namespace nwaudit::report
