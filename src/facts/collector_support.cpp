#include "facts/collector_support.h"

#include "nwaudit/plist/parse.h"

namespace nwaudit::collector {

std::optional<plist::Value> read_plist(const Source& source, Facts& facts, std::string_view collector,
                                       std::string_view path) {
  auto value = plist::read(source, path);
  if (!value) {
    facts.record_problem(collector, value.error());
    return std::nullopt;
  }
  facts.record_read(collector, path);
  return std::move(*value);
}

std::string text(const plist::Value* dictionary, std::string_view key) {
  const plist::Value* value = dictionary == nullptr ? nullptr : dictionary->find(key);
  return value != nullptr && value->string() != nullptr ? *value->string() : std::string();
}

std::optional<bool> flag(const plist::Value* dictionary, std::string_view key) {
  const plist::Value* value = dictionary == nullptr ? nullptr : dictionary->find(key);
  if (value == nullptr) return std::nullopt;
  if (auto boolean_value = value->boolean()) return boolean_value;
  if (auto integer_value = value->integer()) return *integer_value != 0;
  return std::nullopt;
}

}  // namespace nwaudit::collector
