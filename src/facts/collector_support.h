#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "nwaudit/facts/facts.h"
#include "nwaudit/plist/value.h"
#include "nwaudit/source/source.h"

// Helpers every collector uses: reading with a coverage entry, and plain values out of plists.
namespace nwaudit::collector {

// The largest captured command output read; real ones are a few hundred kilobytes at most.
inline constexpr std::size_t kMaxCaptureBytes = 8u << 20;

// Reads a plist and records in coverage that it was read, or why not.
std::optional<plist::Value> read_plist(const Source& source, Facts& facts, std::string_view collector,
                                       std::string_view path);

// Captured command output (a snapshot's /.nwaudit/ files), read and parsed by `parse`,
// whose result has a `problems` list of capture::ParseProblem; they go into coverage.
// nullopt when the capture could not be read.
template <class Parse>
auto read_capture(const Source& source, Facts& facts, std::string_view collector, std::string_view path, Parse parse)
    -> std::optional<decltype(parse(std::string_view()))> {
  auto content = source.read_file(path, kMaxCaptureBytes);
  if (!content) {
    facts.record_problem(collector, content.error());
    return std::nullopt;
  }
  auto parsed = parse(std::string_view(*content));
  pugi::xml_node entry = facts.record_read(collector, path);
  for (const auto& problem : parsed.problems) {
    pugi::xml_node note = entry.append_child("problem");
    note.append_attribute("line") = static_cast<unsigned long long>(problem.line);
    note.append_attribute("reason") = problem.reason.c_str();
  }
  return parsed;
}

// The snapshot's captured command output: /.nwaudit/NAME.
inline std::string capture_path(std::string_view name) { return "/.nwaudit/" + std::string(name); }

// The string under key, or "" when absent or not a string.
std::string text(const plist::Value* dictionary, std::string_view key);
// A boolean under key: a <true/>/<false/> or a 0/1 integer as older preference files write.
std::optional<bool> flag(const plist::Value* dictionary, std::string_view key);

// "true" / "false" for XML attributes.
inline const char* boolean(bool value) { return value ? "true" : "false"; }

}  // namespace nwaudit::collector
