#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/base/expected.h"
#include "nwaudit/source/source.h"

namespace nwaudit::archive {

using NodeId = std::size_t;

// One entry of an archive, or a folder that only the names of other entries make.
struct Node {
  enum class Kind { directory, file, symlink, refused };
  Kind kind = Kind::directory;
  bool implied = false;  // a folder no entry of its own stands for
  std::uint32_t mode = 0755;
  std::int64_t modified_unix_seconds = 0;
  std::shared_ptr<const std::string> content;  // a file's bytes (hard links share them)
  std::string target;                          // a symbolic link's, as stored
  ErrorKind refusal_kind = ErrorKind::malformed;
  std::string refusal;                         // why it is refused, naming the entry
  std::map<std::string, NodeId, std::less<>> children;
};

enum class Placement {
  added,
  duplicate,          // another entry has that name
  folder_of_others,   // other entries are inside a folder of that name
  inside_non_folder,  // a part of its name is an entry that is not a folder
};

enum class FinalLink { follow, keep };

// The entries of an archive as a tree, held in one vector (so that no depth of nesting
// recurses), and the resolution of Mac paths in it.
class ArchiveTree {
 public:
  ArchiveTree();

  // Puts an entry at `components` (not empty), making the folders above it. An explicit
  // folder may take the place of an implied one; anything else already there is a duplicate.
  Placement add(const std::vector<std::string>& components, Node node);
  // Makes the node at `components` a refused one, whatever was there; nothing when a
  // folder above it is not one.
  void refuse(const std::vector<std::string>& components, ErrorKind kind, std::string reason);
  // The node at exactly these components, links not followed; nullptr when there is none.
  const Node* find(const std::vector<std::string>& components) const;

  const Node& top() const { return nodes_[top_]; }
  const Node& node(NodeId id) const { return nodes_[id]; }
  // Makes the top's child folder `name` the top.
  void enter(const std::string& name);

  // The node a Mac path names, as RootedSource resolves one; Errors carry `path`.
  Expected<NodeId> resolve(std::string_view path, FinalLink final_link) const;

 private:
  // The folder that holds the last component, made as needed; none when a part is not a folder.
  std::optional<NodeId> parent_of(const std::vector<std::string>& components);
  // Adds `node` as the child `name` of `parent`.
  NodeId adopt(NodeId parent, const std::string& name, Node node);
  std::vector<Node> nodes_;
  NodeId top_ = 0;
};

}  // namespace nwaudit::archive
