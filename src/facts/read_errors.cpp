#include "nwaudit/facts/read_errors.h"

#include <array>

#include "nwaudit/base/limits.h"
#include "nwaudit/facts/snapshot_layout.h"
#include "nwaudit/plist/parse.h"
#include "nwaudit/plist/write_xml.h"

namespace nwaudit {
namespace {

constexpr std::array kCalls = {SourceCall::open_file, SourceCall::list_directory, SourceCall::status,
                               SourceCall::read_link};
constexpr std::array kKinds = {ErrorKind::not_found, ErrorKind::permission_denied, ErrorKind::wrong_type,
                               ErrorKind::too_large,  ErrorKind::link_loop,         ErrorKind::malformed,
                               ErrorKind::io};

template <class Enum, std::size_t N>
std::optional<Enum> named(const std::array<Enum, N>& all, std::string_view name) {
  for (Enum value : all) {
    if (name == to_string(value)) return value;
  }
  return std::nullopt;
}

plist::Value entry_value(const ReadError& read_error) {
  const Error& error = read_error.error;
  plist::Dictionary entry{{"path", read_error.path}, {"problem", to_string(error.kind)}, {"reason", error.reason}};
  if (read_error.call) entry.emplace("call", to_string(*read_error.call));
  if (!read_error.collector.empty()) entry.emplace("collector", read_error.collector);
  if (error.path != read_error.path) entry.emplace("error-path", error.path);
  if (!error.location.empty()) entry.emplace("location", error.location);
  if (error.line != 0) entry.emplace("line", static_cast<std::int64_t>(error.line));
  return entry;
}

Error malformed(std::string_view path, std::string reason) {
  return Error{ErrorKind::malformed, std::string(path), {}, std::move(reason)};
}

std::string text_of(const plist::Value& entry, std::string_view key) {
  const plist::Value* value = entry.find(key);
  return value != nullptr && value->string() != nullptr ? *value->string() : std::string();
}

Expected<ReadError> read_error_from(const plist::Value& entry, std::string_view path, std::size_t index) {
  const std::string where = "entry " + std::to_string(index) + ": ";
  if (entry.dictionary() == nullptr) return malformed(path, where + "not a dictionary");
  ReadError read_error;
  read_error.path = text_of(entry, "path");
  if (read_error.path.empty()) return malformed(path, where + "no path");
  const std::optional<ErrorKind> kind = named(kKinds, text_of(entry, "problem"));
  if (!kind) return malformed(path, where + "no problem nwaudit knows (" + text_of(entry, "problem") + ")");
  if (entry.find("call") != nullptr) {
    read_error.call = named(kCalls, text_of(entry, "call"));
    if (!read_error.call) return malformed(path, where + "no call nwaudit knows (" + text_of(entry, "call") + ")");
  }
  read_error.collector = text_of(entry, "collector");
  if (!read_error.call && read_error.collector.empty()) return malformed(path, where + "neither a call nor a collector");
  std::size_t line_number = 0;
  if (const plist::Value* line = entry.find("line")) {
    if (const auto number = line->integer(); number.value_or(0) > 0) line_number = static_cast<std::size_t>(*number);
  }
  const std::string error_path = text_of(entry, "error-path");
  read_error.error = Error{*kind, error_path.empty() ? read_error.path : error_path, text_of(entry, "location"),
                           text_of(entry, "reason"), line_number};
  return read_error;
}

}  // namespace

const char* to_string(SourceCall call) {
  switch (call) {
    case SourceCall::open_file: return "open-file";
    case SourceCall::list_directory: return "list-directory";
    case SourceCall::status: return "status";
    case SourceCall::read_link: return "read-link";
  }
  return "open-file";
}

std::string read_errors_plist(const std::vector<ReadError>& errors) {
  plist::Array entries;
  for (const ReadError& error : errors) entries.push_back(entry_value(error));
  return plist::write_xml(plist::Value(std::move(entries)));
}

Expected<std::vector<ReadError>> parse_read_errors(std::string_view bytes, std::string_view path) {
  auto value = plist::parse(bytes, path);
  if (!value) return std::move(value).error();
  const plist::Array* entries = value->array();
  if (entries == nullptr) return malformed(path, "the top level is not an array");
  if (entries->size() > limits::kMaxListEntries) {
    return Error{ErrorKind::too_large, std::string(path), {},
                 std::to_string(entries->size()) + " entries, over the limit of " +
                     std::to_string(limits::kMaxListEntries)};
  }
  std::vector<ReadError> errors;
  for (std::size_t index = 0; index < entries->size(); ++index) {
    auto error = read_error_from((*entries)[index], path, index);
    if (!error) return std::move(error).error();
    errors.push_back(std::move(*error));
  }
  return errors;
}

ReadErrorReplay::ReadErrorReplay(const Source& inner) : inner_(inner) {
  const std::string path = collector::capture_path(kReadErrorsCapture);
  auto bytes = inner.read_file(path, limits::kMaxPlistBytes);
  if (!bytes) {
    if (bytes.error().kind != ErrorKind::not_found) problem_ = bytes.error();
    return;
  }
  auto errors = parse_read_errors(*bytes, path);
  if (!errors) {
    problem_ = errors.error();
    return;
  }
  for (ReadError& error : *errors) {
    if (error.call) {
      recorded_.emplace(std::pair{*error.call, error.path}, error.error);
    } else {
      unasked_.push_back(std::move(error));
    }
  }
}

const Error* ReadErrorReplay::recorded(SourceCall call, std::string_view path) const {
  if (recorded_.empty()) return nullptr;  // most snapshots, and every live audit: no key to build
  const auto found = recorded_.find(std::pair{call, std::string(path)});
  return found == recorded_.end() ? nullptr : &found->second;
}

namespace {

bool is_the_capture(std::string_view path) { return collector::is_capture_path(path, kReadErrorsCapture); }

Error hidden(std::string_view path) {
  return Error{ErrorKind::not_found, std::string(path), {}, "No such file or directory"};
}

}  // namespace

Expected<std::unique_ptr<RandomAccessFile>> ReadErrorReplay::open_file(std::string_view path) const {
  if (const Error* error = recorded(SourceCall::open_file, path)) return *error;
  if (is_the_capture(path)) return hidden(path);
  return inner_.open_file(path);
}

Expected<std::vector<DirectoryEntry>> ReadErrorReplay::list_directory(std::string_view path) const {
  if (const Error* error = recorded(SourceCall::list_directory, path)) return *error;
  auto entries = inner_.list_directory(path);
  if (entries && path == "/.nwaudit") {
    std::erase_if(*entries, [](const DirectoryEntry& entry) { return entry.name == kReadErrorsCapture; });
  }
  return entries;
}

Expected<FileStatus> ReadErrorReplay::status(std::string_view path) const {
  if (const Error* error = recorded(SourceCall::status, path)) return *error;
  if (is_the_capture(path)) return hidden(path);
  return inner_.status(path);
}

Expected<std::string> ReadErrorReplay::read_link(std::string_view path) const {
  if (const Error* error = recorded(SourceCall::read_link, path)) return *error;
  if (is_the_capture(path)) return hidden(path);
  return inner_.read_link(path);
}

std::string ReadErrorReplay::description() const { return inner_.description(); }

void record_unasked_errors(Facts& facts, const std::vector<ReadError>& errors) {
  const pugi::xml_node coverage = facts.document().document_element().child("coverage");
  for (const ReadError& unasked : errors) {
    if (coverage.find_child_by_attribute("source", "path", unasked.error.path.c_str())) continue;
    facts.record_problem(unasked.collector, unasked.error);
  }
}

}  // namespace nwaudit
