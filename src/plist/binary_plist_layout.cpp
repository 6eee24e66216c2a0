#include "binary_plist_layout.h"

#include <cstdint>
#include <string>
#include <vector>

#include "nwaudit/base/limits.h"

namespace nwaudit::plist {
namespace {

constexpr std::size_t kHeaderSize = 8;
constexpr std::size_t kTrailerSize = 32;

std::string hex(unsigned value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  return std::string("0x") + kDigits[(value >> 4) & 0xF] + kDigits[value & 0xF];
}

// One object's shape: where its references are, if it is a container; its bytes, if a string or data.
struct ObjectShape {
  bool is_container = false;
  bool is_dictionary = false;
  bool is_string = false;
  std::size_t references_at = 0;
  std::uint64_t reference_count = 0;  // for a dictionary: keys and values
  bool is_utf16 = false;
  std::string_view text;  // a string's code units, or data's bytes
};

// Where a variable-size object's content starts, and how many units it has.
struct Extent {
  std::uint64_t length = 0;
  std::uint64_t payload = 0;
};

// What an object expands to, a shared object counted at every use.
struct Amount {
  std::uint64_t values = 0;
  std::uint64_t bytes = 0;  // of strings and data

  Amount& operator+=(const Amount& other) {
    values += other.values;
    bytes += other.bytes;
    return *this;
  }
};

// libplist cannot hold a dictionary key with a NUL character: it asserts, or cuts the key.
bool has_nul(const ObjectShape& string) {
  if (!string.is_utf16) return string.text.find('\0') != std::string_view::npos;
  for (std::size_t at = 0; at + 1 < string.text.size(); at += 2) {
    if (string.text[at] == '\0' && string.text[at + 1] == '\0') return true;
  }
  return false;
}

class LayoutChecker {
 public:
  LayoutChecker(std::string_view bytes, std::string_view name) : bytes_(bytes), name_(name) {}

  Expected<void> check() {
    if (bytes_.size() < kHeaderSize + 1 + kTrailerSize) {
      return fail(ErrorKind::malformed, bytes_.size(), "truncated: " + std::to_string(bytes_.size()) +
                                                           " bytes is too short for a binary plist");
    }
    if (bytes_.substr(0, 8) != "bplist00") {
      return fail(ErrorKind::malformed, 6, "unsupported binary plist version '" + std::string(bytes_.substr(6, 2)) + "'");
    }
    const std::size_t trailer = bytes_.size() - kTrailerSize;
    offset_size_ = byte_at(trailer + 6);
    reference_size_ = byte_at(trailer + 7);
    object_count_ = read_unsigned(trailer + 8, 8);
    const std::uint64_t top = read_unsigned(trailer + 16, 8);
    table_at_ = read_unsigned(trailer + 24, 8);
    if (offset_size_ < 1 || offset_size_ > 8 || reference_size_ < 1 || reference_size_ > 8) {
      return fail(ErrorKind::malformed, trailer + 6,
                  "trailer: offset size " + std::to_string(offset_size_) + " or reference size " +
                      std::to_string(reference_size_) + " is not 1 to 8 (truncated or not a plist?)");
    }
    if (table_at_ < kHeaderSize || table_at_ > trailer) {
      return fail(ErrorKind::malformed, trailer + 24,
                  "trailer: offset table at " + std::to_string(table_at_) + " lies outside the file (truncated?)");
    }
    // Every object takes at least one byte, so there cannot be more objects than bytes before the table.
    if (object_count_ == 0 || object_count_ > table_at_ - kHeaderSize ||
        object_count_ > (trailer - table_at_) / offset_size_) {
      return fail(ErrorKind::malformed, trailer + 8,
                  "trailer: " + std::to_string(object_count_) + " objects cannot fit in the file (truncated?)");
    }
    if (top >= object_count_) {
      return fail(ErrorKind::malformed, trailer + 16, "trailer: top object " + std::to_string(top) + " does not exist");
    }
    return walk(top);
  }

 private:
  unsigned byte_at(std::size_t at) const { return static_cast<unsigned char>(bytes_[at]); }

  std::uint64_t read_unsigned(std::size_t at, std::size_t size) const {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < size; ++i) value = (value << 8) | byte_at(at + i);
    return value;
  }

  Error fail(ErrorKind kind, std::uint64_t offset, std::string reason) const {
    return Error{kind, std::string(name_), "byte offset " + std::to_string(offset), std::move(reason)};
  }

  // Bytes [from, from + size) must lie in the object area, before the offset table.
  bool fits(std::uint64_t from, std::uint64_t size) const { return from <= table_at_ && size <= table_at_ - from; }

  // The extent of a variable-size object at `at`: its length is the marker's low nibble, or an
  // integer object after the marker.
  Expected<Extent> extent_of(std::uint64_t at, unsigned nibble) const {
    const std::uint64_t after_marker = at + 1;
    if (nibble != 0xF) return Extent{nibble, after_marker};
    if (!fits(after_marker, 1)) return fail(ErrorKind::malformed, after_marker, "length runs past the object area");
    const unsigned marker = byte_at(after_marker);
    if ((marker & 0xF0) != 0x10 || (marker & 0x0F) > 3) {
      return fail(ErrorKind::malformed, after_marker, "length marker " + hex(marker) + " is not a 1 to 8 byte integer");
    }
    const std::uint64_t size = 1ull << (marker & 0x0F);
    if (!fits(after_marker + 1, size)) return fail(ErrorKind::malformed, after_marker, "length runs past the object area");
    return Extent{read_unsigned(after_marker + 1, size), after_marker + 1 + size};
  }

  Expected<ObjectShape> shape_of(std::uint64_t index) const {
    const std::uint64_t at = read_unsigned(table_at_ + index * offset_size_, offset_size_);
    if (at < kHeaderSize || at >= table_at_) {
      return fail(ErrorKind::malformed, table_at_ + index * offset_size_,
                  "object " + std::to_string(index) + " has offset " + std::to_string(at) + " outside the object area");
    }
    const unsigned marker = byte_at(at);
    const unsigned nibble = marker & 0x0F;
    auto past_end = [&] {
      return fail(ErrorKind::malformed, at, "object " + std::to_string(index) + " runs past the object area (truncated?)");
    };
    const std::uint64_t payload = at + 1;
    const ObjectShape leaf;
    switch (marker >> 4) {
      case 0x0:
        if (marker == 0x08 || marker == 0x09) return leaf;
        break;
      case 0x1: {  // integer of 2^nibble bytes
        if (nibble > 4) break;
        const std::uint64_t size = 1ull << nibble;
        if (!fits(payload, size)) return past_end();
        if (size == 16 && (read_unsigned(payload, 8) != 0 || (byte_at(payload + 8) & 0x80) != 0)) {
          return fail(ErrorKind::malformed, at, "integer does not fit in 64 signed bits");
        }
        return leaf;
      }
      case 0x2:  // real of 4 or 8 bytes
        if (nibble != 2 && nibble != 3) break;
        if (!fits(payload, 1ull << nibble)) return past_end();
        return leaf;
      case 0x3:  // date
        if (marker != 0x33) break;
        if (!fits(payload, 8)) return past_end();
        return leaf;
      case 0x4:  // data
      case 0x5:  // ASCII string
      case 0x6: {  // UTF-16 string
        auto extent = extent_of(at, nibble);
        if (!extent) return std::move(extent).error();
        const std::uint64_t unit = (marker >> 4) == 0x6 ? 2 : 1;
        if (extent->length > table_at_ / unit || !fits(extent->payload, extent->length * unit)) return past_end();
        ObjectShape shape;
        shape.is_string = (marker >> 4) != 0x4;
        shape.is_utf16 = unit == 2;
        shape.text = bytes_.substr(static_cast<std::size_t>(extent->payload), static_cast<std::size_t>(extent->length * unit));
        return shape;
      }
      case 0x8:  // UID of nibble + 1 bytes
        if (!fits(payload, nibble + 1u)) return past_end();
        return leaf;
      case 0xA:  // array
      case 0xD: {  // dictionary: keys, then values
        auto extent = extent_of(at, nibble);
        if (!extent) return std::move(extent).error();
        const std::uint64_t references = (marker >> 4) == 0xD ? extent->length * 2 : extent->length;
        if (extent->length > table_at_ || !fits(extent->payload, references * reference_size_)) return past_end();
        ObjectShape shape;
        shape.is_container = true;
        shape.is_dictionary = (marker >> 4) == 0xD;
        shape.references_at = static_cast<std::size_t>(extent->payload);
        shape.reference_count = references;
        return shape;
      }
      default:
        break;
    }
    return fail(ErrorKind::malformed, at, "object " + std::to_string(index) + " has unsupported marker " + hex(marker));
  }

  enum class State : std::uint8_t { unvisited, open, done };

  struct Frame {
    std::uint64_t index;
    ObjectShape shape;
    std::uint64_t next = 0;           // next reference to visit
    Amount expanded = Amount{1, 0};  // this object and everything below it
  };

  Expected<void> over_limits(const Amount& amount) const {
    if (amount.values > limits::kMaxPlistValues) {
      return fail(ErrorKind::too_large, kHeaderSize,
                  "expands to more than " + std::to_string(limits::kMaxPlistValues) + " values");
    }
    if (amount.bytes > limits::kMaxPlistExpandedBytes) {
      return fail(ErrorKind::too_large, kHeaderSize,
                  "expands to more than " + std::to_string(limits::kMaxPlistExpandedBytes) + " bytes of strings and data");
    }
    return {};
  }

  // Depth-first over the reachable objects, containers on an explicit stack.
  Expected<void> walk(std::uint64_t top) {
    std::vector<State> state(object_count_, State::unvisited);
    std::vector<Amount> expanded(object_count_);  // what a finished object expands to
    std::vector<Frame> stack;

    // Visits one object: a leaf is finished at once, a container is opened. Adds to the parent's count.
    auto visit = [&](std::uint64_t index, Amount& parent) -> Expected<void> {
      if (state[index] == State::open) {
        return fail(ErrorKind::malformed, table_at_ + index * offset_size_,
                    "object " + std::to_string(index) + " contains itself (reference cycle)");
      }
      if (state[index] == State::done) {
        parent += expanded[index];
        return {};
      }
      auto shape = shape_of(index);
      if (!shape) return std::move(shape).error();
      if (!shape->is_container) {
        state[index] = State::done;
        expanded[index] = Amount{1, shape->text.size()};
        parent += expanded[index];
        return {};
      }
      if (stack.size() >= limits::kMaxNestingDepth) {
        return fail(ErrorKind::too_large, read_unsigned(table_at_ + index * offset_size_, offset_size_),
                    "nested deeper than " + std::to_string(limits::kMaxNestingDepth) + " containers");
      }
      state[index] = State::open;
      stack.push_back(Frame{index, *shape});
      return {};
    };

    Amount total;
    if (auto visited = visit(top, total); !visited) return visited;
    while (!stack.empty()) {
      Frame& frame = stack.back();
      if (frame.next == frame.shape.reference_count) {
        state[frame.index] = State::done;
        expanded[frame.index] = frame.expanded;
        stack.pop_back();
        Amount& parent = stack.empty() ? total : stack.back().expanded;
        parent += expanded[frame.index];
        if (auto within = over_limits(parent); !within) return within;
        continue;
      }
      const std::size_t reference_at = frame.shape.references_at + frame.next * reference_size_;
      const std::uint64_t child = read_unsigned(reference_at, reference_size_);
      const bool is_key = frame.shape.is_dictionary && frame.next < frame.shape.reference_count / 2;
      ++frame.next;
      if (child >= object_count_) {
        return fail(ErrorKind::malformed, reference_at,
                    "object " + std::to_string(frame.index) + " refers to object " + std::to_string(child) +
                        ", which does not exist");
      }
      if (is_key) {
        auto key_shape = shape_of(child);
        if (!key_shape) return std::move(key_shape).error();
        if (!key_shape->is_string) {
          return fail(ErrorKind::malformed, reference_at,
                      "dictionary " + std::to_string(frame.index) + " has a key that is not a string");
        }
        if (has_nul(*key_shape)) {
          return fail(ErrorKind::malformed, reference_at,
                      "dictionary " + std::to_string(frame.index) + " has a key with a NUL character");
        }
      }
      // visit() may grow the stack, so the parent's count is passed by index, not by reference.
      const std::size_t parent = stack.size() - 1;
      Amount added;
      if (auto visited = visit(child, added); !visited) return visited;
      stack[parent].expanded += added;
      if (auto within = over_limits(stack[parent].expanded); !within) return within;
    }
    return {};
  }

  std::string_view bytes_;
  std::string_view name_;
  std::size_t offset_size_ = 0;
  std::size_t reference_size_ = 0;
  std::uint64_t object_count_ = 0;
  std::uint64_t table_at_ = 0;
};

}  // namespace

Expected<void> check_binary_plist_layout(std::string_view bytes, std::string_view name) {
  return LayoutChecker(bytes, name).check();
}

}  // namespace nwaudit::plist
