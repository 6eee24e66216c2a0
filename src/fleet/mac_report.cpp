#include "nwaudit/fleet/mac_report.h"

#include <nlohmann/json.hpp>

namespace nwaudit::fleet {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kFullSchema = "nwaudit-report/1";
constexpr std::string_view kLineSchema = "nwaudit-ndjson/1";

// Where in a report the parser is: the parts a summary reads, and `skip` for the rest.
enum class Where { top, tool, host, verdict, causes, blind_spots, findings, finding, evidence, skip };

// Keeps what a summary counts out of the parser's events, and nothing else: the report
// is never built as a document.
class ReportReader final : public nlohmann::json_sax<Json> {
 public:
  explicit ReportReader(MacReport& into) : into_(into) {}

  bool null() override { return scalar(); }
  bool boolean(bool) override { return scalar(); }
  bool number_integer(number_integer_t) override { return scalar(); }
  bool number_unsigned(number_unsigned_t) override { return scalar(); }
  bool number_float(number_float_t, const string_t&) override { return scalar(); }
  bool binary(binary_t&) override { return scalar(); }
  bool string(string_t& value) override;
  bool key(string_t& name) override {
    key_ = name;
    return true;
  }
  bool start_object(std::size_t) override;
  bool end_object() override { return leave(); }
  bool start_array(std::size_t) override;
  bool end_array() override { return leave(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& exception) override;

  // After a parse that succeeded: an Error when it is not a report nwaudit reads.
  Expected<void> check() const;
  const Error& error() const { return error_; }

 private:
  bool scalar() { return !stack_.empty() || refuse("it is not a JSON object"); }
  bool enter(Where where);
  bool leave() {
    stack_.pop_back();
    return true;
  }
  bool refuse(std::string reason) {
    error_ = Error{ErrorKind::malformed, {}, {}, std::move(reason)};
    return false;
  }
  bool add_item(std::vector<std::string>& list, string_t& value, const char* what);

  MacReport& into_;
  std::vector<Where> stack_;
  std::string key_;
  std::string schema_;
  bool has_verdict_ = false;
  Error error_;
};

bool ReportReader::enter(Where where) {
  if (stack_.size() == kMaxReportDepth) {
    return refuse("it nests deeper than " + std::to_string(kMaxReportDepth) + " levels");
  }
  stack_.push_back(where);
  return true;
}

bool ReportReader::start_object(std::size_t) {
  if (stack_.empty()) return enter(Where::top);
  switch (stack_.back()) {
    case Where::top:
      if (key_ == "tool") return enter(Where::tool);
      if (key_ == "host") return enter(Where::host);
      if (key_ == "verdict") {
        has_verdict_ = true;
        return enter(Where::verdict);
      }
      break;
    case Where::findings:
      if (into_.findings.size() == kMaxReportItems) {
        return refuse("it has more than " + std::to_string(kMaxReportItems) + " findings");
      }
      into_.findings.emplace_back();
      return enter(Where::finding);
    case Where::finding:
      if (key_ == "evidence") return enter(Where::evidence);
      break;
    default:
      break;
  }
  return enter(Where::skip);
}

bool ReportReader::start_array(std::size_t) {
  if (stack_.empty()) return refuse("it is not a JSON object");
  if (stack_.back() == Where::top && key_ == "findings") return enter(Where::findings);
  if (stack_.back() == Where::verdict && key_ == "causes") return enter(Where::causes);
  if (stack_.back() == Where::verdict && key_ == "blind_spots") return enter(Where::blind_spots);
  return enter(Where::skip);
}

bool ReportReader::add_item(std::vector<std::string>& list, string_t& value, const char* what) {
  if (list.size() == kMaxReportItems) {
    return refuse("it has more than " + std::to_string(kMaxReportItems) + " " + what);
  }
  list.push_back(std::move(value));
  return true;
}

bool ReportReader::string(string_t& value) {
  if (stack_.empty()) return refuse("it is not a JSON object");
  switch (stack_.back()) {
    case Where::top:
      if (key_ == "schema") schema_ = value;
      if (key_ == "machine") into_.machine = value;
      break;
    case Where::tool:
      if (key_ == "version") into_.tool_version = value;
      break;
    case Where::host:
      if (key_ == "product") into_.product = value;
      if (key_ == "version") into_.version = value;
      break;
    case Where::verdict:
      if (key_ == "path") into_.path = value;
      if (key_ == "confidence") into_.confidence = value;
      if (key_ == "decided_by") into_.decided_by = value;
      break;
    case Where::causes: return add_item(into_.causes, value, "causes");
    case Where::blind_spots: return add_item(into_.blind_spots, value, "blind spots");
    case Where::finding: {
      MacFinding& finding = into_.findings.back();
      if (key_ == "rule") finding.rule = value;
      if (key_ == "effect") finding.effect = value;
      if (key_ == "cause") finding.kind = value;
      if (key_ == "subject") finding.subject = value;
      if (key_ == "vendor") finding.vendor = value;
      if (key_ == "product") finding.product = value;
      break;
    }
    case Where::evidence: {
      MacFinding& finding = into_.findings.back();
      if (key_ == "vendor") finding.vendor = value;
      if (key_ == "product") finding.product = value;
      break;
    }
    default:
      break;
  }
  return true;
}

bool ReportReader::parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& exception) {
  // "[json.exception.parse_error.101] parse error at line 1, column 7: ...": the words after the tag.
  std::string_view what = exception.what();
  if (auto tag_end = what.find("] "); tag_end != std::string_view::npos) what.remove_prefix(tag_end + 2);
  error_ = Error{ErrorKind::malformed, {}, "byte offset " + std::to_string(position), "not JSON: " + std::string(what)};
  return false;
}

bool is_known_path(std::string_view path) {
  return path == "user-space" || path == "sockets" || path == "mixed" || path == "unknown";
}

Expected<void> ReportReader::check() const {
  if (schema_ != kFullSchema && schema_ != kLineSchema) {
    if (schema_.empty()) return Error{ErrorKind::malformed, {}, {}, "not an nwaudit report: it has no schema"};
    return Error{ErrorKind::malformed, {}, {},
                 "not an nwaudit report: its schema is \"" + schema_ + "\", not nwaudit-report/1 or nwaudit-ndjson/1"};
  }
  if (!has_verdict_) return Error{ErrorKind::malformed, {}, {}, "the report has no verdict"};
  if (!is_known_path(into_.path)) {
    return Error{ErrorKind::malformed, {}, {},
                 "the verdict's path is \"" + into_.path + "\", not user-space, sockets, mixed or unknown"};
  }
  for (const MacFinding& finding : into_.findings) {
    if (finding.rule.empty()) return Error{ErrorKind::malformed, {}, {}, "a finding has no rule"};
  }
  return {};
}

void clear(MacReport& report) {
  report.machine.clear();
  report.tool_version.clear();
  report.product.clear();
  report.version.clear();
  report.path.clear();
  report.confidence.clear();
  report.decided_by.clear();
  report.causes.clear();
  report.blind_spots.clear();
  report.findings.clear();
}

}  // namespace

Expected<void> read_mac_report(std::string_view text, MacReport& into) {
  clear(into);
  ReportReader reader(into);
  if (!Json::sax_parse(text.begin(), text.end(), &reader)) return reader.error();
  return reader.check();
}

}  // namespace nwaudit::fleet
