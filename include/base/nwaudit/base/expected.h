#pragma once

#include <cassert>
#include <optional>
#include <utility>
#include <variant>

#include "nwaudit/base/error.h"

namespace nwaudit {

// A value or the Error that prevented it. (std::expected is C++23.)
template <class T>
class Expected {
 public:
  Expected(T&& value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Expected(const T& value) : state_(std::in_place_index<0>, value) {}      // NOLINT
  Expected(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& operator*() & { assert(has_value()); return std::get<0>(state_); }
  const T& operator*() const& { assert(has_value()); return std::get<0>(state_); }
  T&& operator*() && { assert(has_value()); return std::get<0>(std::move(state_)); }
  T* operator->() { return &**this; }
  const T* operator->() const { return &**this; }

  const Error& error() const& { assert(!has_value()); return std::get<1>(state_); }
  Error&& error() && { assert(!has_value()); return std::get<1>(std::move(state_)); }

 private:
  std::variant<T, Error> state_;
};

// Success, or the Error that prevented it, for work that gives nothing back: `return {};` succeeds.
template <>
class Expected<void> {
 public:
  Expected() = default;
  Expected(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design

  bool has_value() const { return !error_; }
  explicit operator bool() const { return has_value(); }

  const Error& error() const& { assert(!has_value()); return *error_; }
  Error&& error() && { assert(!has_value()); return *std::move(error_); }

 private:
  std::optional<Error> error_;
};

}  // namespace nwaudit
