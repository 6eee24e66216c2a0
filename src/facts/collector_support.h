#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "nwaudit/facts/facts.h"
#include "nwaudit/facts/snapshot_layout.h"
#include "nwaudit/plist/parse.h"
#include "nwaudit/plist/value.h"
#include "nwaudit/source/source.h"

// Helpers every collector uses: reading with a coverage entry, and typed values out of plists.
namespace nwaudit::collector {

// Adds <problem reason=""> (with line="" when line is not 0) to a coverage entry. Past
// limits::kMaxProblemsPerSource problems, one more says the rest were left out.
void note_problem(FactElement& entry, std::size_t line, const std::string& reason);

// Look-ups in a property list a collector read. A key present with another type than the
// collector needs is noted as a problem of the file's coverage entry, so that a value that
// could not be used is never silently taken for a missing one.
class PlistFields {
 public:
  explicit PlistFields(FactElement coverage_entry) : entry_(coverage_entry) {}

  // The value under key in the dictionary `parent` when it is of `kind`; nullptr when parent
  // is null or not a dictionary, when the key is absent, or (noted) when it is of another kind.
  const plist::Value* get(const plist::Value* parent, std::string_view key, plist::Kind kind);
  const plist::Value* dictionary(const plist::Value* parent, std::string_view key) {
    return get(parent, key, plist::Kind::dictionary);
  }
  const plist::Array* array(const plist::Value* parent, std::string_view key);
  // "" when absent or not a string.
  std::string text(const plist::Value* parent, std::string_view key);
  std::optional<std::int64_t> integer(const plist::Value* parent, std::string_view key);
  // A <true/>/<false/>, or a 0/1 integer as older preference files write.
  std::optional<bool> flag(const plist::Value* parent, std::string_view key);
  // Whether a value without a key of its own (a list member, named by `what`) is of `kind`;
  // noted when it is not.
  bool is(const plist::Value& value, plist::Kind kind, std::string_view what);

 private:
  void note_wrong_type(std::string_view what, const plist::Value& found, std::string_view expected);
  FactElement entry_;
};

// A property list a collector read: its top-level dictionary and the look-ups into it.
struct PlistFile {
  plist::Value root;
  PlistFields fields;
};

// Reads a plist whose top level is a dictionary and records in coverage that it was read,
// or why not (another top level makes it broken). With `keys`, only those entries are kept.
std::optional<PlistFile> read_plist(const Source& source, Facts& facts, std::string_view collector,
                                    std::string_view path, plist::KeySelection keys = {});
// read_plist in two steps, for a collector that reads on several threads: the reading, which
// touches no facts, and the recording of what it gave.
Expected<plist::Value> read_plist_value(const Source& source, std::string_view path, plist::KeySelection keys = {});
std::optional<PlistFile> record_plist(Facts& facts, std::string_view collector, std::string_view path,
                                      Expected<plist::Value> value);

// Whether the text has nothing but white space.
bool is_blank(std::string_view text);

// Fails, naming the capture, when its text has more than limits::kMaxCaptureLines lines.
Expected<void> check_capture_lines(std::string_view path, std::string_view text);

// The bytes of a capture (a snapshot's /.nwaudit/ files); nullopt, recorded in coverage, when
// it could not be read.
std::optional<std::string> read_capture_bytes(const Source& source, Facts& facts, std::string_view collector,
                                              std::string_view path);

// Captured command output, read and parsed by `parse`, whose result has a `problems` list of
// the lines it could not read (Errors with a line); they go into coverage. nullopt when the
// capture could not be read.
template <class Parse>
auto read_capture(const Source& source, Facts& facts, std::string_view collector, std::string_view path, Parse parse)
    -> std::optional<decltype(parse(std::string_view()))> {
  auto content = read_capture_bytes(source, facts, collector, path);
  if (!content) return std::nullopt;
  if (auto within = check_capture_lines(path, *content); !within) {
    facts.record_problem(collector, within.error());
    return std::nullopt;
  }
  auto parsed = parse(std::string_view(*content));
  FactElement entry = facts.record_read(collector, path);
  if (is_blank(*content)) note_problem(entry, 0, "empty: the capture holds no output");
  for (const auto& problem : parsed.problems) note_problem(entry, problem.line, problem.reason);
  return parsed;
}

// A binary capture, decoded whole by `decode(bytes, path)`, which returns an Expected; nullopt,
// recorded in coverage, when the capture could not be read or decoded.
template <class Decode>
auto read_binary_capture(const Source& source, Facts& facts, std::string_view collector, std::string_view path,
                         Decode decode) -> std::optional<std::decay_t<decltype(*decode(std::string_view(), path))>> {
  auto content = read_capture_bytes(source, facts, collector, path);
  if (!content) return std::nullopt;
  auto decoded = decode(std::string_view(*content), path);
  if (!decoded) {
    facts.record_problem(collector, decoded.error());
    return std::nullopt;
  }
  facts.record_read(collector, path);
  return std::move(*decoded);
}

// How many of a list's `count` entries to take: all, or limits::kMaxListEntries with a
// too_large coverage entry that names the file and the list (`what`: "extensions").
std::size_t entries_to_take(Facts& facts, std::string_view collector, std::string_view path, std::size_t count,
                            std::string_view what);

}  // namespace nwaudit::collector
