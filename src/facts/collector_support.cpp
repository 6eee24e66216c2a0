#include "collector_support.h"

#include <algorithm>

#include "nwaudit/capture/text_lines.h"
#include "nwaudit/base/limits.h"
#include "nwaudit/plist/parse.h"

namespace nwaudit::collector {
namespace {

std::string with_article(plist::Kind kind) {
  const bool vowel = kind == plist::Kind::array || kind == plist::Kind::integer;
  return std::string(vowel ? "an " : "a ") + plist::to_string(kind);
}

}  // namespace

void note_problem(FactElement& entry, std::size_t line, const std::string& reason) {
  std::size_t listed = 0;
  for (pugi::xml_node problem = entry.node().child("problem"); problem; problem = problem.next_sibling("problem")) {
    if (++listed > limits::kMaxProblemsPerSource) return;
  }
  FactElement problem = entry.add_child("problem");
  if (listed == limits::kMaxProblemsPerSource) {
    problem.set("reason",
                "more problems, not listed: at most " + std::to_string(limits::kMaxProblemsPerSource) + " are");
    return;
  }
  if (line != 0) problem.set("line", line);
  problem.set("reason", reason);
}

const plist::Value* PlistFields::get(const plist::Value* parent, std::string_view key, plist::Kind kind) {
  const plist::Value* value = parent == nullptr ? nullptr : parent->find(key);
  if (value == nullptr) return nullptr;
  if (value->kind() == kind) return value;
  note_wrong_type(key, *value, with_article(kind));
  return nullptr;
}

const plist::Array* PlistFields::array(const plist::Value* parent, std::string_view key) {
  const plist::Value* value = get(parent, key, plist::Kind::array);
  return value == nullptr ? nullptr : value->array();
}

std::string PlistFields::text(const plist::Value* parent, std::string_view key) {
  const plist::Value* value = get(parent, key, plist::Kind::string);
  return value == nullptr ? std::string() : *value->string();
}

std::optional<std::int64_t> PlistFields::integer(const plist::Value* parent, std::string_view key) {
  const plist::Value* value = get(parent, key, plist::Kind::integer);
  return value == nullptr ? std::nullopt : value->integer();
}

std::optional<bool> PlistFields::flag(const plist::Value* parent, std::string_view key) {
  const plist::Value* value = parent == nullptr ? nullptr : parent->find(key);
  if (value == nullptr) return std::nullopt;
  if (auto boolean_value = value->boolean()) return boolean_value;
  if (auto integer_value = value->integer()) return *integer_value != 0;
  note_wrong_type(key, *value, "a boolean");
  return std::nullopt;
}

bool PlistFields::is(const plist::Value& value, plist::Kind kind, std::string_view what) {
  if (value.kind() == kind) return true;
  note_wrong_type(what, value, with_article(kind));
  return false;
}

void PlistFields::note_wrong_type(std::string_view what, const plist::Value& found, std::string_view expected) {
  note_problem(entry_, 0,
               std::string(what) + " is " + with_article(found.kind()) + " where " + std::string(expected) + " belongs");
}

std::optional<PlistFile> read_plist(const Source& source, Facts& facts, std::string_view collector,
                                    std::string_view path, plist::KeySelection keys) {
  return record_plist(facts, collector, path, read_plist_value(source, path, keys));
}

Expected<plist::Value> read_plist_value(const Source& source, std::string_view path, plist::KeySelection keys) {
  auto value = plist::read(source, path, keys);
  if (value && value->kind() != plist::Kind::dictionary) {
    return Error{ErrorKind::malformed, std::string(path), {},
                 "the top level is " + with_article(value->kind()) + " where a dictionary belongs"};
  }
  return value;
}

std::optional<PlistFile> record_plist(Facts& facts, std::string_view collector, std::string_view path,
                                      Expected<plist::Value> value) {
  if (!value) {
    facts.record_problem(collector, value.error());
    return std::nullopt;
  }
  return PlistFile{std::move(*value), PlistFields(facts.record_read(collector, path))};
}

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::optional<std::string> read_capture_bytes(const Source& source, Facts& facts, std::string_view collector,
                                              std::string_view path) {
  auto content = source.read_file(path, kMaxCaptureBytes);
  if (!content) {
    facts.record_problem(collector, content.error());
    return std::nullopt;
  }
  return std::move(*content);
}

Expected<void> check_capture_lines(std::string_view path, std::string_view text) {
  const std::size_t lines = capture::count_lines(text);
  if (lines <= limits::kMaxCaptureLines) return {};
  return Error{ErrorKind::too_large, std::string(path), {},
               std::to_string(lines) + " lines, over the limit of " + std::to_string(limits::kMaxCaptureLines)};
}

std::size_t entries_to_take(Facts& facts, std::string_view collector, std::string_view path, std::size_t count,
                            std::string_view what) {
  if (count <= limits::kMaxListEntries) return count;
  facts.record_problem(collector, Error{ErrorKind::too_large, std::string(path), {},
                                        std::to_string(count) + " " + std::string(what) + ", over the limit of " +
                                            std::to_string(limits::kMaxListEntries) +
                                            "; the rest were not examined"});
  return limits::kMaxListEntries;
}

}  // namespace nwaudit::collector
