#include "formats.h"
#include "json_output.h"
#include "markdown_escape.h"
#include "measurement_json.h"
#include "measurement_markdown.h"
#include "measurement_text.h"
#include "report_text.h"

namespace nwaudit::report {
namespace {

constexpr const char* kSchema = "nwaudit-probe/1";

}  // namespace

std::string render_measurement_text(const Measurement& measurement, bool color, std::string_view tool_version) {
  TextOutput out(color);
  write_measurement(out, measurement);
  out.blank();
  out.heading(0, footer_line(tool_version, {}), Tone::dim);
  return out.text();
}

std::string render_measurement_json(const Measurement& measurement, std::string_view tool_version) {
  Json report = {{"schema", kSchema}, {"tool", {{"name", "nwaudit"}, {"version", std::string(tool_version)}}}};
  add_measurement_json(report, measurement, "problems");
  return json_text(report);
}

std::string render_measurement_markdown(const Measurement& measurement, std::string_view tool_version) {
  return markdown_measurement(measurement, 2) + "---\n\n_" + markdown_inline(footer_line(tool_version, {})) + "_\n";
}

}  // namespace nwaudit::report
