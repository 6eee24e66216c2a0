#include "archive_tree.h"

#include <cerrno>
#include <cstring>
#include <deque>

#include "nwaudit/base/limits.h"
#include "path_components.h"

namespace nwaudit::archive {
namespace {

void prepend_components(std::string_view path, std::deque<std::string>& pending) {
  std::vector<std::string> parts = path_components(path);
  pending.insert(pending.begin(), std::make_move_iterator(parts.begin()), std::make_move_iterator(parts.end()));
}

Error error_of(ErrorKind kind, std::string_view path, std::string reason) {
  return Error{kind, std::string(path), {}, std::move(reason)};
}

}  // namespace

ArchiveTree::ArchiveTree() { nodes_.emplace_back(); }

NodeId ArchiveTree::adopt(NodeId parent, const std::string& name, Node node) {
  nodes_.push_back(std::move(node));
  const NodeId id = nodes_.size() - 1;
  nodes_[parent].children.emplace(name, id);
  return id;
}

std::optional<NodeId> ArchiveTree::parent_of(const std::vector<std::string>& components) {
  NodeId current = top_;
  for (std::size_t i = 0; i + 1 < components.size(); ++i) {
    auto child = nodes_[current].children.find(components[i]);
    if (child == nodes_[current].children.end()) {
      Node folder;
      folder.implied = true;
      current = adopt(current, components[i], std::move(folder));
      continue;
    }
    if (nodes_[child->second].kind != Node::Kind::directory) return std::nullopt;
    current = child->second;
  }
  return current;
}

Placement ArchiveTree::add(const std::vector<std::string>& components, Node node) {
  const std::optional<NodeId> parent = parent_of(components);
  if (!parent) return Placement::inside_non_folder;
  auto existing = nodes_[*parent].children.find(components.back());
  if (existing == nodes_[*parent].children.end()) {
    adopt(*parent, components.back(), std::move(node));
    return Placement::added;
  }
  Node& there = nodes_[existing->second];
  if (there.kind == Node::Kind::directory && there.implied && node.kind == Node::Kind::directory) {
    there.implied = false;
    there.mode = node.mode;
    there.modified_unix_seconds = node.modified_unix_seconds;
    return Placement::added;
  }
  return there.implied ? Placement::folder_of_others : Placement::duplicate;
}

void ArchiveTree::refuse(const std::vector<std::string>& components, ErrorKind kind, std::string reason) {
  Node refused;
  refused.kind = Node::Kind::refused;
  refused.refusal_kind = kind;
  refused.refusal = std::move(reason);
  if (components.empty()) return;  // the top itself: only the list of refusals has it
  const std::optional<NodeId> parent = parent_of(components);
  if (!parent) return;
  auto existing = nodes_[*parent].children.find(components.back());
  if (existing == nodes_[*parent].children.end()) {
    adopt(*parent, components.back(), std::move(refused));
  } else {
    nodes_[existing->second] = std::move(refused);
  }
}

const Node* ArchiveTree::find(const std::vector<std::string>& components) const {
  NodeId current = top_;
  for (const std::string& component : components) {
    auto child = nodes_[current].children.find(component);
    if (child == nodes_[current].children.end()) return nullptr;
    current = child->second;
  }
  return &nodes_[current];
}

void ArchiveTree::enter(const std::string& name) {
  auto child = nodes_[top_].children.find(name);
  if (child != nodes_[top_].children.end() && nodes_[child->second].kind == Node::Kind::directory) top_ = child->second;
}

Expected<NodeId> ArchiveTree::resolve(std::string_view path, FinalLink final_link) const {
  std::deque<std::string> pending;
  prepend_components(path, pending);
  std::vector<NodeId> folders;  // folders below the top, innermost last
  int links_followed = 0;
  auto current = [&] { return folders.empty() ? top_ : folders.back(); };

  while (!pending.empty()) {
    std::string name = std::move(pending.front());
    pending.pop_front();
    if (name == "..") {
      if (!folders.empty()) folders.pop_back();
      continue;
    }
    const auto& children = nodes_[current()].children;
    auto child = children.find(name);
    if (child == children.end()) return error_of(ErrorKind::not_found, path, std::strerror(ENOENT));
    const Node& found = nodes_[child->second];
    if (found.kind == Node::Kind::refused) return error_of(found.refusal_kind, path, found.refusal);
    const bool last = pending.empty();
    if (found.kind == Node::Kind::symlink && !(last && final_link == FinalLink::keep)) {
      if (++links_followed > limits::kMaxSymlinks) {
        return error_of(ErrorKind::link_loop, path, "too many levels of symbolic links");
      }
      if (!found.target.empty() && found.target.front() == '/') folders.clear();
      prepend_components(found.target, pending);
      continue;
    }
    if (last) return child->second;
    if (found.kind != Node::Kind::directory) return error_of(ErrorKind::wrong_type, path, name + " is not a directory");
    folders.push_back(child->second);
  }
  return current();
}

}  // namespace nwaudit::archive
