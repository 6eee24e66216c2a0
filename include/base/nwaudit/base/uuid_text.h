#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace nwaudit {

inline constexpr std::size_t kUuidBytes = 16;

// 16 bytes as "52A1E876-863E-38E3-AC80-09BBAB13B752", the form kmutil and Foundation print.
std::string uuid_text(const std::vector<std::uint8_t>& bytes);

}  // namespace nwaudit
