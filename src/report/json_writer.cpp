#include "json_writer.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <utility>

namespace nwaudit::report {
namespace {

constexpr auto kInvalidUtf8 = nlohmann::json::error_handler_t::replace;

// Whether any byte needs more than copying: a control character, DEL or anything above it (a
// byte of a multi-byte character, or one that is not UTF-8 at all), a quote or a backslash.
// Eight bytes at a time: each test sets the high bit of the bytes it catches.
bool needs_escaping(std::string_view text) {
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  constexpr std::uint64_t kHigh = kOnes * 0x80;
  const auto caught = [](std::uint64_t word) {
    const std::uint64_t low = word & ~kHigh;  // every byte below 0x80, so no test carries into the next
    const auto zero = [](std::uint64_t bytes) { return ~((bytes | kHigh) - kOnes) & kHigh; };
    return (word & kHigh) | ((low + kOnes) & kHigh) | (~((low | kHigh) - kOnes * 0x20) & kHigh) |
           zero(low ^ (kOnes * '"')) | zero(low ^ (kOnes * '\\'));
  };
  std::uint64_t word = 0;
  std::size_t at = 0;
  for (; at + sizeof word <= text.size(); at += sizeof word) {
    std::memcpy(&word, text.data() + at, sizeof word);
    if (caught(word) != 0) return true;
  }
  if (at == text.size()) return false;
  word = kOnes * ' ';  // what is left, padded with spaces
  std::memcpy(&word, text.data() + at, text.size() - at);
  return caught(word) != 0;
}

// A comma when `comma`, a line break and the indentation of `depth`, in one piece where it fits.
void append_line_break(bool comma, std::size_t depth, std::string& out) {
  static constexpr auto kLineBreaks = [] {
    std::array<char, 2 + 64> text{};
    text.fill(' ');
    text[0] = ',';
    text[1] = '\n';
    return text;
  }();
  const std::size_t start = comma ? 0 : 1;
  const std::size_t indent = 2 * depth;
  if (indent <= kLineBreaks.size() - 2) {
    out.append(kLineBreaks.data() + start, 2 - start + indent);
    return;
  }
  out.append(kLineBreaks.data() + start, 2 - start);
  out.append(indent, ' ');
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
      out += '{';
      bool first = true;
      for (const auto& [key, value] : json.items()) {
        append_line_break(!std::exchange(first, false), depth + 1, out);
        append_string(key, out);
        out += ": ";
        append_pretty_json(value, depth + 1, out);
      }
      append_line_break(false, depth, out);
      out += '}';
      return;
    }
    case Json::value_t::array: {
      if (json.empty()) {
        out += "[]";
        return;
      }
      out += '[';
      bool first = true;
      for (const Json& item : json) {
        append_line_break(!std::exchange(first, false), depth + 1, out);
        append_pretty_json(item, depth + 1, out);
      }
      append_line_break(false, depth, out);
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

void JsonWriter::key(std::string_view name) {
  start_member();
  append_string(name, out_);
  out_ += ": ";
  after_key_ = true;
}

void JsonWriter::value(std::string_view text) {
  start_value();
  append_string(text, out_);
}

void JsonWriter::value(bool flag) {
  start_value();
  out_ += flag ? "true" : "false";
}

void JsonWriter::value(std::size_t number) {
  start_value();
  out_ += std::to_string(number);
}

void JsonWriter::null() {
  start_value();
  out_ += "null";
}

void JsonWriter::splice(const Json& json) {
  start_value();
  append_pretty_json(json, has_members_.size(), out_);
}

void JsonWriter::open(char bracket) {
  start_value();
  out_ += bracket;
  has_members_.push_back(false);
}

// An empty object or array stays on one line: {} or [].
void JsonWriter::close(char bracket) {
  const bool had_members = has_members_.back();
  has_members_.pop_back();
  if (had_members) append_line_break(false, has_members_.size(), out_);
  out_ += bracket;
}

// A value after its key follows on the same line; any other is the next item of its array
// (or the whole document, at the top).
void JsonWriter::start_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!has_members_.empty()) start_member();
}

void JsonWriter::start_member() {
  append_line_break(has_members_.back(), has_members_.size(), out_);
  has_members_.back() = true;
}

}  // namespace nwaudit::report
