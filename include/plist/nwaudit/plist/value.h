#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace nwaudit::plist {

class Value;
using Dictionary = std::map<std::string, Value, std::less<>>;
using Array = std::vector<Value>;
using Data = std::vector<std::uint8_t>;

// A point in time, as seconds since 1970-01-01T00:00:00Z (fractions kept).
struct Date {
  double unix_seconds = 0;
  bool operator==(const Date&) const = default;
};

// A reference into a keyed archive's $objects.
struct Uid {
  std::uint64_t index = 0;
  bool operator==(const Uid&) const = default;
};

enum class Kind { dictionary, array, string, integer, real, boolean, date, data, uid };

const char* to_string(Kind kind);

// One property-list value of any of the nine kinds, whatever format it was read from.
class Value {
 public:
  Value() : content_(Dictionary{}) {}
  Value(Dictionary value) : content_(std::move(value)) {}      // NOLINT: implicit by design
  Value(Array value) : content_(std::move(value)) {}           // NOLINT
  Value(std::string value) : content_(std::move(value)) {}     // NOLINT
  Value(const char* value) : content_(std::string(value)) {}   // NOLINT
  Value(std::int64_t value) : content_(value) {}               // NOLINT
  Value(int value) : content_(std::int64_t{value}) {}          // NOLINT
  Value(double value) : content_(value) {}                     // NOLINT
  Value(bool value) : content_(value) {}                       // NOLINT
  Value(Date value) : content_(value) {}                       // NOLINT
  Value(Data value) : content_(std::move(value)) {}            // NOLINT
  Value(Uid value) : content_(value) {}                        // NOLINT

  Kind kind() const { return static_cast<Kind>(content_.index()); }

  const Dictionary* dictionary() const { return std::get_if<Dictionary>(&content_); }
  Dictionary* dictionary() { return std::get_if<Dictionary>(&content_); }
  const Array* array() const { return std::get_if<Array>(&content_); }
  Array* array() { return std::get_if<Array>(&content_); }
  const std::string* string() const { return std::get_if<std::string>(&content_); }
  const Data* data() const { return std::get_if<Data>(&content_); }
  std::optional<std::int64_t> integer() const;
  std::optional<double> real() const;  // integers too, as reals
  std::optional<bool> boolean() const;
  std::optional<Date> date() const;
  std::optional<Uid> uid() const;

  // The value under key when this is a dictionary that has it; nullptr otherwise.
  const Value* find(std::string_view key) const;
  // find() through nested dictionaries: at({"NetworkServices", id, "Interface"}).
  const Value* at(std::initializer_list<std::string_view> keys) const;

  bool operator==(const Value&) const = default;

 private:
  // Order matches Kind.
  std::variant<Dictionary, Array, std::string, std::int64_t, double, bool, Date, Data, Uid> content_;
};

}  // namespace nwaudit::plist
