#pragma once

#include <string>
#include <string_view>

#include "nwaudit/base/expected.h"
#include "nwaudit/plist/value.h"

namespace nwaudit::plist {

// An NSKeyedArchiver object graph ($archiver, $top, $objects with UID references), as
// macOS stores com.apple.networkextension.plist. decode() turns a piece of it into plain
// values:
//   NS.keys/NS.objects          -> dictionary (NSDictionary and subclasses)
//   NS.objects                  -> array (NSArray, NSSet, NSOrderedSet)
//   NS.string                   -> string
//   NS.bytes / NS.data          -> data
//   NS.uuidbytes                -> "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX" string
//   NS.time                     -> date
//   any other object            -> dictionary of its decoded fields plus "$classname"
// A reference to "$null" (UID 0) is a missing value: dictionary entries holding it are left
// out. A dangling UID, a cycle, nesting over limits::kMaxNestingDepth, or more than
// limits::kMaxPlistValues decoded values or limits::kMaxPlistExpandedBytes decoded bytes of
// strings, data and keys is an Error. Both count over every decode of one archive, and shared
// objects count at each use, so no archive can make decoding costly.
class KeyedArchive {
 public:
  // Checks the archive's outer shape; `name` is carried into every Error. The archive
  // refers into `root`, which must outlive it.
  static Expected<KeyedArchive> open(const Value& root, std::string_view name);

  // The $top dictionary, its values still references.
  const Dictionary& top() const { return *top_; }

  // Decodes one value found in the archive (a UID is followed, anything else is kept).
  // `where` names it in errors, e.g. "$top.Index".
  Expected<Value> decode(const Value& value, const std::string& where) const;

  // Every $top entry decoded, as one dictionary.
  Expected<Value> decode_top() const;

  // Whether decoding has used up limits::kMaxPlistValues or kMaxPlistExpandedBytes: every
  // further decode fails.
  bool exhausted() const;

 private:
  KeyedArchive(const Array& objects, const Dictionary& top, std::string_view name)
      : objects_(&objects), top_(&top), name_(name) {}
  const Array* objects_;
  const Dictionary* top_;
  std::string name_;
  mutable std::size_t decoded_values_ = 0;
  mutable std::size_t decoded_bytes_ = 0;
};

}  // namespace nwaudit::plist
