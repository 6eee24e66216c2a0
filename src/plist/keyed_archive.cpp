#include "nwaudit/plist/keyed_archive.h"

#include <vector>

#include "nwaudit/base/limits.h"
#include "iso8601.h"
#include "nwaudit/base/uuid_text.h"

namespace nwaudit::plist {
namespace {

// Where a value is in the archive, as errors name it: "$top.root<2>.NS.objects[0]". Each step
// points to the one it came from and is spelled out only for an error, so that an archive of
// deep objects with long keys costs no more to decode than any other.
struct Where {
  const Where* from = nullptr;
  std::string_view name = {};  // ".name" after `from`; without `from`, the start
  char bracket = 0;       // or a step "<number>" (an object's index) or "[number]" (a list position)
  std::size_t number = 0;

  Where field(std::string_view field_name) const { return Where{this, field_name}; }
  Where object(std::size_t index) const { return Where{this, {}, '<', index}; }
  Where position(std::size_t index) const { return Where{this, {}, '[', index}; }

  std::string text() const {
    if (from == nullptr) return std::string(name);
    if (bracket == 0) return from->text() + "." + std::string(name);
    return from->text() + bracket + std::to_string(number) + (bracket == '<' ? '>' : ']');
  }
};

// The values a value holds, itself included, and the bytes of its strings, data and keys.
void add_up(const Value& value, std::size_t& values, std::size_t& bytes) {
  ++values;
  if (const std::string* text = value.string()) bytes += text->size();
  if (const Data* data = value.data()) bytes += data->size();
  if (const Array* items = value.array()) {
    for (const Value& item : *items) add_up(item, values, bytes);
  }
  if (const Dictionary* entries = value.dictionary()) {
    for (const auto& [key, item] : *entries) {
      bytes += key.size();
      add_up(item, values, bytes);
    }
  }
}

class Decoder {
 public:
  // `values` and `bytes` count what was decoded from the archive so far, by every decoder.
  Decoder(const Array& objects, const std::string& name, std::size_t& values, std::size_t& bytes)
      : objects_(objects), name_(name), open_(objects.size(), false), values_(values), bytes_(bytes) {}

  // nullopt means the value is "$null".
  Expected<std::optional<Value>> decode(const Value& value, const Where& where, std::size_t depth) {
    if (auto within = over_limits(where, values_ + 1); !within) return std::move(within).error();
    ++values_;
    const std::optional<Uid> uid = value.uid();
    if (!uid) return copy(value, where);
    if (uid->index >= objects_.size()) {
      return fail(ErrorKind::malformed, where,
                  "UID " + std::to_string(uid->index) + " refers past the " + std::to_string(objects_.size()) + " objects");
    }
    const auto index = static_cast<std::size_t>(uid->index);
    const Value& object = objects_[index];
    if (const std::string* text = object.string(); text != nullptr && *text == "$null") return std::optional<Value>();
    if (object.dictionary() == nullptr) {
      if (object.uid()) return fail(ErrorKind::malformed, where, "object " + std::to_string(index) + " is a bare UID");
      return copy(object, where);
    }
    if (depth >= limits::kMaxNestingDepth) {
      return fail(ErrorKind::too_large, where,
                  "nested deeper than " + std::to_string(limits::kMaxNestingDepth) + " objects");
    }
    if (open_[index]) return fail(ErrorKind::malformed, where, "object " + std::to_string(index) + " contains itself (cycle)");
    open_[index] = true;
    auto decoded = decode_object(object, where.object(index), depth + 1);
    open_[index] = false;
    if (!decoded) return std::move(decoded).error();
    return std::optional<Value>(std::move(*decoded));
  }

 private:
  Error fail(ErrorKind kind, const Where& where, std::string reason) const {
    return Error{kind, name_, where.text(), std::move(reason)};
  }

  // Fails once the archive has decoded to `values` values, or more bytes than allowed.
  Expected<void> over_limits(const Where& where, std::size_t values) const {
    if (values > limits::kMaxPlistValues) {
      return fail(ErrorKind::too_large, where, "decodes to more than " + std::to_string(limits::kMaxPlistValues) + " values");
    }
    if (bytes_ > limits::kMaxPlistExpandedBytes) {
      return fail(ErrorKind::too_large, where,
                  "decodes to more than " + std::to_string(limits::kMaxPlistExpandedBytes) + " bytes of strings and data");
    }
    return {};
  }

  // A value kept as it is. All of it counts, since an object may be used many times.
  Expected<std::optional<Value>> copy(const Value& value, const Where& where) {
    std::size_t values = 0;
    add_up(value, values, bytes_);
    values_ += values - 1;  // decode() counted the value itself
    if (auto within = over_limits(where, values_); !within) return std::move(within).error();
    return std::optional<Value>(value);
  }

  // An array of references, decoded; "$null" members are dropped.
  Expected<Array> decode_list(const Value* list, const Where& where, std::size_t depth) {
    if (list == nullptr || list->array() == nullptr) return fail(ErrorKind::malformed, where, "is not an array");
    Array items;
    items.reserve(list->array()->size());
    std::size_t position = 0;
    for (const Value& member : *list->array()) {
      auto item = decode(member, where.position(position++), depth);
      if (!item) return std::move(item).error();
      if (*item) items.push_back(std::move(**item));
    }
    return items;
  }

  Expected<std::string> class_name(const Value& object, const Where& where) const {
    const Value* reference = object.find("$class");
    if (reference == nullptr) return std::string();
    const std::optional<Uid> uid = reference->uid();
    if (!uid || uid->index >= objects_.size()) return fail(ErrorKind::malformed, where, "$class is not a valid UID");
    const Value* name = objects_[static_cast<std::size_t>(uid->index)].find("$classname");
    if (name == nullptr || name->string() == nullptr) {
      return fail(ErrorKind::malformed, where, "$class has no $classname");
    }
    bytes_ += name->string()->size();
    return *name->string();
  }

  Expected<Value> decode_object(const Value& object, const Where& where, std::size_t depth) {
    auto name = class_name(object, where);
    if (!name) return std::move(name).error();

    const Value* keys = object.find("NS.keys");
    const Value* members = object.find("NS.objects");
    if (keys != nullptr) {
      auto key_list = decode_list(keys, where.field("NS.keys"), depth);
      if (!key_list) return std::move(key_list).error();
      auto value_list = decode_list(members, where.field("NS.objects"), depth);
      if (!value_list) return std::move(value_list).error();
      if (key_list->size() != value_list->size()) {
        return fail(ErrorKind::malformed, where, "NS.keys and NS.objects differ in length");
      }
      Dictionary entries;
      for (std::size_t i = 0; i < key_list->size(); ++i) {
        const std::string* key = (*key_list)[i].string();
        if (key == nullptr) return fail(ErrorKind::malformed, where, "a key in NS.keys is not a string");
        entries.insert_or_assign(*key, std::move((*value_list)[i]));
      }
      return Value(std::move(entries));
    }
    if (members != nullptr) {
      auto items = decode_list(members, where.field("NS.objects"), depth);
      if (!items) return std::move(items).error();
      return Value(std::move(*items));
    }
    if (const Value* text = object.find("NS.string")) {
      auto decoded = decode(*text, where.field("NS.string"), depth);
      if (!decoded) return std::move(decoded).error();
      if (!*decoded || (*decoded)->string() == nullptr) return fail(ErrorKind::malformed, where, "NS.string is not a string");
      return std::move(**decoded);
    }
    for (const char* field : {"NS.bytes", "NS.data"}) {
      if (const Value* bytes = object.find(field)) {
        auto decoded = decode(*bytes, where.field(field), depth);
        if (!decoded) return std::move(decoded).error();
        if (!*decoded || (*decoded)->data() == nullptr) return fail(ErrorKind::malformed, where, std::string(field) + " is not data");
        return std::move(**decoded);
      }
    }
    if (const Value* bytes = object.find("NS.uuidbytes")) {
      if (bytes->data() == nullptr || bytes->data()->size() != kUuidBytes) {
        return fail(ErrorKind::malformed, where, "NS.uuidbytes is not 16 bytes of data");
      }
      return Value(uuid_text(*bytes->data()));
    }
    if (const Value* time = object.find("NS.time")) {
      const std::optional<double> seconds = time->real();
      if (!seconds) return fail(ErrorKind::malformed, where, "NS.time is not a number");
      return Value(Date{kAppleEpochUnixSeconds + *seconds});
    }

    Dictionary fields;
    for (const auto& [key, member] : *object.dictionary()) {
      if (key == "$class") continue;
      auto decoded = decode(member, where.field(key), depth);
      if (!decoded) return std::move(decoded).error();
      if (!*decoded) continue;
      bytes_ += key.size();
      fields.insert_or_assign(key, std::move(**decoded));
    }
    if (!name->empty()) fields.insert_or_assign("$classname", Value(std::move(*name)));
    return Value(std::move(fields));
  }

  const Array& objects_;
  const std::string& name_;
  std::vector<bool> open_;  // objects being decoded on the current path
  std::size_t& values_;
  std::size_t& bytes_;
};

}  // namespace

Expected<KeyedArchive> KeyedArchive::open(const Value& root, std::string_view name) {
  auto fail = [&](std::string reason) {
    return Error{ErrorKind::malformed, std::string(name), {}, "not a keyed archive: " + std::move(reason)};
  };
  const Value* archiver = root.find("$archiver");
  if (archiver == nullptr || archiver->string() == nullptr) return fail("no $archiver");
  const Value* objects = root.find("$objects");
  if (objects == nullptr || objects->array() == nullptr) return fail("no $objects array");
  const Value* top = root.find("$top");
  if (top == nullptr || top->dictionary() == nullptr) return fail("no $top dictionary");
  return KeyedArchive(*objects->array(), *top->dictionary(), name);
}

Expected<Value> KeyedArchive::decode(const Value& value, const std::string& where) const {
  Decoder decoder(*objects_, name_, decoded_values_, decoded_bytes_);
  auto decoded = decoder.decode(value, Where{nullptr, where}, 0);
  if (!decoded) return std::move(decoded).error();
  if (!*decoded) return Error{ErrorKind::not_found, name_, where, "is $null"};
  return std::move(**decoded);
}

Expected<Value> KeyedArchive::decode_top() const {
  Decoder decoder(*objects_, name_, decoded_values_, decoded_bytes_);
  Dictionary entries;
  const Where top{nullptr, "$top"};
  for (const auto& [key, value] : *top_) {
    auto decoded = decoder.decode(value, top.field(key), 0);
    if (!decoded) return std::move(decoded).error();
    if (*decoded) entries.insert_or_assign(key, std::move(**decoded));
  }
  return Value(std::move(entries));
}

bool KeyedArchive::exhausted() const {
  return decoded_values_ >= limits::kMaxPlistValues || decoded_bytes_ > limits::kMaxPlistExpandedBytes;
}

}  // namespace nwaudit::plist
