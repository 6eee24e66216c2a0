#include "nwaudit/bundle/manifest.h"

#include <nlohmann/json.hpp>

#include "nwaudit/base/sha256.h"

namespace nwaudit::bundle {
namespace {

using Json = nlohmann::ordered_json;

Json file_json(const std::string& top_folder, const BundleMember& member) {
  Json file{{"path", member.path},
            {"member", member_name(top_folder, member.path)},
            {"size", member.content.size()},
            {"sha256", sha256_hex(member.content)}};
  if (member.name_only) file["name_only"] = true;
  return file;
}

Json read_error_json(const ReadError& read_error) {
  Json error{{"path", read_error.path}};
  error["call"] = read_error.call ? to_string(*read_error.call) : nullptr;
  if (!read_error.collector.empty()) error["collector"] = read_error.collector;
  error["problem"] = to_string(read_error.error.kind);
  const std::string where = read_error.error.where();
  error["reason"] = where.empty() ? read_error.error.reason : where + ": " + read_error.error.reason;
  return error;
}

Json text_or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

}  // namespace

std::string member_name(const std::string& top_folder, const std::string& mac_path) {
  return top_folder + (mac_path.starts_with('/') ? mac_path : "/" + mac_path);
}

std::string manifest_json(const ManifestInput& input, const BundleContents& contents,
                          const std::vector<BundleExtra>& extras) {
  Json files = Json::array();
  Json links = Json::array();
  for (const BundleMember& member : contents.members) {
    if (member.type == FileType::regular) files.push_back(file_json(input.top_folder, member));
    if (member.type == FileType::symlink) {
      links.push_back({{"path", member.path},
                       {"member", member_name(input.top_folder, member.path)},
                       {"target", member.link_target}});
    }
  }
  Json not_read = Json::array();
  for (const ReadError& error : contents.read_errors) not_read.push_back(read_error_json(error));
  Json reports = Json::array();
  for (const BundleExtra& extra : extras) {
    reports.push_back({{"member", extra.member}, {"size", extra.content.size()}, {"sha256", sha256_hex(extra.content)}});
  }
  Json kinds = Json::array();
  for (const redact::RedactedKind& kind : input.redactions) kinds.push_back({{"kind", kind.kind}, {"values", kind.values}});

  const Json manifest{
      {"schema", "nwaudit-bundle/1"},
      {"tool", {{"name", "nwaudit"}, {"version", input.tool_version}}},
      {"created", input.created},
      {"macos", {{"version", text_or_null(input.macos_version)}, {"build", text_or_null(input.macos_build)}}},
      {"source", input.source},
      {"redaction", {{"applied", input.redacted}, {"kinds", kinds}}},
      {"files", files},
      {"links", links},
      {"not_read", not_read},
      {"missing", input.missing},
      {"reports", reports},
  };
  // Paths on a Mac need not be UTF-8; what is not is written as U+FFFD.
  return manifest.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace nwaudit::bundle
