#include "json_writer.h"

#include <algorithm>

namespace nwaudit::report {
namespace {

constexpr auto kInvalidUtf8 = nlohmann::json::error_handler_t::replace;

void append_indent(std::size_t depth, std::string& out) { out.append(2 * depth, ' '); }

bool needs_escaping(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte >= 0x7f || c == '"' || c == '\\';
  });
}

void append_string(std::string_view text, std::string& out) {
  if (needs_escaping(text)) {
    out += Json(std::string(text)).dump(-1, ' ', false, kInvalidUtf8);
    return;
  }
  out += '"';
  out.append(text);
  out += '"';
}

}  // namespace

void append_pretty_json(const Json& json, std::size_t depth, std::string& out) {
  switch (json.type()) {
    case Json::value_t::object: {
      if (json.empty()) {
        out += "{}";
        return;
      }
      out += "{\n";
      std::size_t left = json.size();
      for (const auto& [key, value] : json.items()) {
        append_indent(depth + 1, out);
        append_string(key, out);
        out += ": ";
        append_pretty_json(value, depth + 1, out);
        out += --left == 0 ? "\n" : ",\n";
      }
      append_indent(depth, out);
      out += '}';
      return;
    }
    case Json::value_t::array: {
      if (json.empty()) {
        out += "[]";
        return;
      }
      out += "[\n";
      std::size_t left = json.size();
      for (const Json& item : json) {
        append_indent(depth + 1, out);
        append_pretty_json(item, depth + 1, out);
        out += --left == 0 ? "\n" : ",\n";
      }
      append_indent(depth, out);
      out += ']';
      return;
    }
    case Json::value_t::string:
      append_string(json.get_ref<const Json::string_t&>(), out);
      return;
    default:
      out += json.dump(-1, ' ', false, kInvalidUtf8);  // numbers, booleans, null
  }
}

}  // namespace nwaudit::report
