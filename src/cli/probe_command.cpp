#include "cli_support.h"
#include "measure_support.h"
#include "exit_codes.h"
#include "nwaudit/report/report.h"
#include "nwaudit/version.h"

namespace nwaudit::cli {

int run_probe_command(const ProbeOptions& options) {
  const auto format = report_format_from(options.format);
  const bool of_one_audit = format && (*format == ReportFormat::sarif || *format == ReportFormat::ndjson ||
                                       *format == ReportFormat::jamf);
  if (!format || of_one_audit) {
    complain("unknown --format " + options.format + " for probe (text, json or markdown)");
    return exit_code::kUsage;
  }
  const MeasureOptions& measure = options.measure;
  if (measure.pid && measure.lsof) {
    complain("--pid and --lsof are two processes to count: give one");
    return exit_code::kUsage;
  }
  if (measure.target && (measure.pid || measure.lsof)) {
    complain("--probe-target is where the probe connects; it does not go with --pid or --lsof");
    return exit_code::kUsage;
  }
  int status = exit_code::kOk;
  // An lsof listing may come from another Mac: this one's settings say nothing of it.
  const MeasurementContext context = measure.lsof ? MeasurementContext{} : live_measurement_context();
  auto measurement = take_measurement(measure, context, status);
  if (!measurement) return status;
  ReportOptions report_options;
  report_options.color = use_color(options.output);
  const std::string report = render_measurement_report(*measurement, *format, report_options, kVersion);
  if (const int written = emit(report, options.output); written != exit_code::kOk) return written;
  return measurement->problems.empty() ? exit_code::kOk : exit_code::kIncomplete;
}

}  // namespace nwaudit::cli
