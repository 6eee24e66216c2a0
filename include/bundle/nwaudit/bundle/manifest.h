#pragma once

#include <string>
#include <vector>

#include "nwaudit/bundle/bundle_contents.h"
#include "nwaudit/redact/redactor.h"

namespace nwaudit::bundle {

// A file of the bundle that is not part of the Mac's copy (a report), by its member name.
struct BundleExtra {
  std::string member;   // "nwaudit-20250101-120000/report.md"
  std::string content;
};

// What manifest.json says about a bundle (nwaudit(1), COLLECT).
struct ManifestInput {
  std::string tool_version;
  std::string created;           // when, ISO 8601 in UTC: "2025-01-01T12:00:00Z"
  std::string macos_version;     // "14.4"; empty when not known
  std::string macos_build;       // "23E214"; empty when not known
  std::string source;            // what was read: "the live system", "the tree at ..."
  std::string top_folder;        // the folder every member is in
  bool redacted = true;
  std::vector<redact::RedactedKind> redactions;
  std::vector<std::string> missing;  // paths the collectors looked for that are not on the Mac
};

// manifest.json: the tool, the time, the macOS version, each file of the copy (its Mac path,
// its member name, size and SHA-256; empty ones that stand for a name only marked so), each
// link, what could not be read and why, what is missing, the reports with their sizes and
// SHA-256, and what kinds of values were redacted, with counts.
std::string manifest_json(const ManifestInput& input, const BundleContents& contents,
                          const std::vector<BundleExtra>& extras);

// The member name of a Mac path in a bundle whose members are in `top_folder`.
std::string member_name(const std::string& top_folder, const std::string& mac_path);

}  // namespace nwaudit::bundle
