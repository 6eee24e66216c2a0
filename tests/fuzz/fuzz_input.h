#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace nwaudit::fuzz {

// libFuzzer's input as the bytes of a file.
inline std::string_view bytes_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace nwaudit::fuzz
