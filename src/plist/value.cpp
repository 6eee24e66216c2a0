#include "nwaudit/plist/value.h"

namespace nwaudit::plist {

const char* to_string(Kind kind) {
  switch (kind) {
    case Kind::dictionary: return "dictionary";
    case Kind::array: return "array";
    case Kind::string: return "string";
    case Kind::integer: return "integer";
    case Kind::real: return "real";
    case Kind::boolean: return "boolean";
    case Kind::date: return "date";
    case Kind::data: return "data";
    case Kind::uid: return "UID";
  }
  return "unknown";
}

std::optional<std::int64_t> Value::integer() const {
  if (const auto* value = std::get_if<std::int64_t>(&content_)) return *value;
  return std::nullopt;
}

std::optional<double> Value::real() const {
  if (const auto* value = std::get_if<double>(&content_)) return *value;
  if (const auto* value = std::get_if<std::int64_t>(&content_)) return static_cast<double>(*value);
  return std::nullopt;
}

std::optional<bool> Value::boolean() const {
  if (const auto* value = std::get_if<bool>(&content_)) return *value;
  return std::nullopt;
}

std::optional<Date> Value::date() const {
  if (const auto* value = std::get_if<Date>(&content_)) return *value;
  return std::nullopt;
}

std::optional<Uid> Value::uid() const {
  if (const auto* value = std::get_if<Uid>(&content_)) return *value;
  return std::nullopt;
}

const Value* Value::find(std::string_view key) const {
  const Dictionary* entries = dictionary();
  if (entries == nullptr) return nullptr;
  auto found = entries->find(key);
  return found == entries->end() ? nullptr : &found->second;
}

const Value* Value::at(std::initializer_list<std::string_view> keys) const {
  const Value* value = this;
  for (std::string_view key : keys) {
    value = value->find(key);
    if (value == nullptr) return nullptr;
  }
  return value;
}

}  // namespace nwaudit::plist
