#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "json_output.h"

namespace nwaudit::report {

// Appends `json` to `out` byte for byte as json.dump(2, ' ', false, replace) writes it, from
// nesting `depth`, without building the text of each part first. Strings of plain printable
// ASCII are copied as they are; any other goes through nlohmann::json's own escaping.
void append_pretty_json(const Json& json, std::size_t depth, std::string& out);

// Writes a JSON document straight into `out` as it goes, with no document in memory, laid out
// as json.dump(2, ' ', false, replace) lays out the same document. A value goes where the
// document stands: after a key, as the next item of an array, or as the whole document.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  void key(std::string_view name);
  void value(std::string_view text);
  void value(const char* text) { value(std::string_view(text)); }
  void value(bool flag);
  void value(std::size_t number);
  void null();
  void splice(const Json& json);  // a part built as a document: small ones that other formats share

  template <typename Value>
  void field(std::string_view name, const Value& member) {
    key(name);
    value(member);
  }

 private:
  void open(char bracket);
  void close(char bracket);
  void start_value();
  void start_member();

  std::string& out_;
  std::vector<bool> has_members_;  // one for each open object or array, innermost last
  bool after_key_ = false;
};

}  // namespace nwaudit::report
