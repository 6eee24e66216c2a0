#include "report_text.h"

#include <vector>

namespace nwaudit::report {

std::string_view path_phrase(NetworkPath path) {
  switch (path) {
    case NetworkPath::user_space: return "user-space networking";
    case NetworkPath::sockets: return "one socket per connection";
    case NetworkPath::mixed: return "user space, but some connections on sockets";
    case NetworkPath::unknown: return "could not tell";
  }
  return "could not tell";
}

std::string verdict_headline(const Verdict& verdict) {
  return "Verdict: " + std::string(path_phrase(verdict.path)) + " (" + to_string(verdict.confidence) +
         " confidence)";
}

std::string blind_spot_sentence(std::string_view source) {
  return "Could not read " + std::string(source) + ", which could change this.";
}

std::string more_blind_spots_sentence(std::size_t count) {
  return "Could not read " + std::to_string(count) + (count == 1 ? " more source" : " more sources") +
         " that could change this, listed below.";
}

std::string read_sentence(const Verdict& verdict) {
  std::string sentence = std::to_string(verdict.sources_read) + " of " + std::to_string(verdict.sources_sought) +
                         " sources nwaudit looked for";
  if (verdict.sources_read < verdict.sources_sought) sentence += " (the others are missing or could not be read)";
  return sentence + ".";
}

std::string_view effect_heading(Effect effect) {
  switch (effect) {
    case Effect::blocks_verdict: return "Findings that keep nwaudit from judging this Mac";
    case Effect::all_connections: return "Findings that send all connections through sockets";
    case Effect::some_connections: return "Findings that send some connections through sockets";
    case Effect::latent: return "Findings that could send connections through sockets later";
    case Effect::informational: return "For information";
  }
  return "For information";
}

std::string_view effect_phrase(Effect effect) {
  switch (effect) {
    case Effect::blocks_verdict: return "no verdict";
    case Effect::all_connections: return "all connections";
    case Effect::some_connections: return "some connections";
    case Effect::latent: return "latent";
    case Effect::informational: return "informational";
  }
  return "informational";
}

std::string fixes_heading(std::string_view audience) {
  if (audience == "mac") return "Fixes on the Mac";
  if (audience == "app") return "Fixes in the app";
  return "Fixes for " + std::string(audience.empty() ? "anyone" : audience);
}

std::string needs_label(const Fix& fix) {
  std::vector<std::string_view> needs;
  if (fix.needs_admin) needs.push_back("admin");
  if (fix.needs_reboot) needs.push_back("reboot");
  if (fix.needs_mdm) needs.push_back("MDM");
  std::string label;
  for (const std::string_view need : needs) label += (label.empty() ? "needs " : ", ") + std::string(need);
  return label;
}

std::string host_phrase(const AuditResult::Host& host) {
  std::string phrase = host.product;
  if (!host.version.empty()) phrase += (phrase.empty() ? "macOS " : " ") + host.version;
  if (!host.build.empty()) phrase += phrase.empty() ? "build " + host.build : " (" + host.build + ")";
  if (!host.architecture.empty()) phrase += (phrase.empty() ? "" : ", ") + host.architecture;
  return phrase.empty() ? "an unknown Mac" : phrase;
}

std::string footer_line(std::string_view tool_version, std::string_view what) {
  std::string line = "nwaudit " + std::string(tool_version.empty() ? "(unknown version)" : tool_version);
  if (!what.empty()) line += " \u00B7 " + std::string(what);
  return line;
}

std::string redaction_phrase(const AuditResult& result) {
  std::string phrase;
  for (const AuditResult::Redacted& kind : result.redacted) {
    phrase += (phrase.empty() ? "redacted: " : ", ") + kind.kind + " (" + std::to_string(kind.values) + ")";
  }
  return phrase;
}

std::string footer_line(const AuditResult& result) {
  std::string line = footer_line(result.tool_version, result.source);
  if (!result.redacted.empty()) line += " \u00B7 " + redaction_phrase(result);
  return line;
}

std::string coverage_problem_detail(const CoverageEntry& entry) {
  std::string detail = entry.path.empty() ? "(unnamed source)" : entry.path;
  if (!entry.collector.empty()) detail += " (" + entry.collector + ")";
  if (!entry.reason.empty()) detail += ": " + entry.reason;
  return detail;
}

std::string coverage_problem_line(const CoverageEntry& entry) {
  return entry.status + ": " + coverage_problem_detail(entry);
}

}  // namespace nwaudit::report
