// A YAML document as a compact, read-only tree, built from yaml-cpp's parser events. yaml-cpp's own
// tree (YAML::Node) costs 60-90 times its text (a shared pointer, a set and two objects per node): the
// loader reads a scenario through this one instead, whose nodes are 48-byte records in one arena, their
// scalars copied once. The scanner, its error messages and its marks are yaml-cpp's, unchanged.
#pragma once

#include <yaml-cpp/mark.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace outagesim::loader {

namespace yaml_tree_detail {
struct Record;
}

// YAML's merge key: in a mapping, `<<: *anchor` (or `<<: [*a, *b]`) adds the entries of the anchored
// mappings that the mapping lacks itself, its own keys first, then the first listed mapping's, and so
// on. YamlNode::operator[] looks through it; YamlMap lists the merged entries with the mapping's own.
inline constexpr std::string_view kMergeKey = "<<";
// Merges nest at most this deep (an anchored mapping may merge another, and an alias may even name the
// mapping it stands in).
inline constexpr int kMaxMergeDepth = 16;

// A handle on one node of a YamlTree, or on no node (undefined: a key a mapping lacks). Cheap to copy;
// valid while its tree lives. An alias is the node it names, wherever it stands.
class YamlNode {
 public:
  enum class Kind : std::uint8_t { kUndefined, kNull, kScalar, kSequence, kMap };

  YamlNode() = default;

  Kind kind() const;
  bool defined() const { return record_ != nullptr; }
  explicit operator bool() const { return defined(); }
  bool is_null() const { return kind() == Kind::kNull; }
  bool is_scalar() const { return kind() == Kind::kScalar; }
  bool is_sequence() const { return kind() == Kind::kSequence; }
  bool is_map() const { return kind() == Kind::kMap; }

  // The text of a scalar; empty for any other node.
  std::string_view scalar() const;
  // Where the node starts; the null mark for an undefined node.
  const YAML::Mark& mark() const;
  // Items of a sequence, entries of a mapping, 0 for any other node.
  std::size_t size() const;
  // REQUIRES: is_sequence() and i < size().
  YamlNode item(std::size_t i) const;
  // The value of the first entry of a mapping whose key is the scalar `key`, else of the mappings it
  // merges (kMergeKey); undefined when there is none or this is not a mapping.
  YamlNode operator[](std::string_view key) const;

  // One step of iteration: for a sequence, the item itself; for a mapping, its key and value in
  // `first` and `second` (and the value as the node itself), as yaml-cpp's iterators give them.
  struct Item;
  class Iterator;
  Iterator begin() const;
  Iterator end() const;

  friend bool operator==(const YamlNode& a, const YamlNode& b) { return a.record_ == b.record_; }

 private:
  friend class YamlTree;
  friend class YamlTreeBuilder;
  explicit YamlNode(const yaml_tree_detail::Record* record) : record_(record) {}
  Iterator iterator_at(bool at_end) const;

  const yaml_tree_detail::Record* record_ = nullptr;
};

struct YamlNode::Item : YamlNode {
  YamlNode first;
  YamlNode second;
};

class YamlNode::Iterator {
 public:
  using value_type = Item;
  using difference_type = std::ptrdiff_t;

  const Item& operator*() const { return item_; }
  const Item* operator->() const { return &item_; }
  Iterator& operator++() {
    position_ += step_;
    load();
    return *this;
  }
  friend bool operator==(const Iterator& a, const Iterator& b) { return a.position_ == b.position_; }

 private:
  friend class YamlNode;
  Iterator(const yaml_tree_detail::Record* const* children, std::size_t position, std::size_t end,
           std::size_t step)
      : children_(children), position_(position), end_(end), step_(step) {
    load();
  }
  void load();

  const yaml_tree_detail::Record* const* children_ = nullptr;
  std::size_t position_ = 0;
  std::size_t end_ = 0;
  std::size_t step_ = 1;  // 2 for a mapping: key, value
  Item item_;
};

// Owns the nodes of one document (and of the documents it adopted). Move-only; moving keeps every
// YamlNode into it valid.
class YamlTree {
 public:
  YamlTree();
  ~YamlTree();
  YamlTree(YamlTree&&) noexcept;
  YamlTree& operator=(YamlTree&&) noexcept;

  // The document's top node; undefined for an empty stream.
  YamlNode root() const { return root_; }
  void set_root(YamlNode root) { root_ = root; }

  // New nodes in this tree, for a document made of others (scenario_parts.hpp). Their children may
  // belong to another tree, which must then be adopted, or outlive this one.
  YamlNode make_null(const YAML::Mark& mark);
  YamlNode make_scalar(std::string_view text, const YAML::Mark& mark);
  YamlNode make_sequence(const YAML::Mark& mark, std::span<const YamlNode> items);
  YamlNode make_map(const YAML::Mark& mark, std::span<const std::pair<YamlNode, YamlNode>> entries);
  // Takes over the nodes of `other`, so that handles into it live as long as this tree.
  void adopt(YamlTree&& other);

 private:
  friend class YamlTreeBuilder;
  class Arena;

  std::unique_ptr<Arena> arena_;
  YamlNode root_;
};

// The first document of `text`, and where each of its first `max_documents` documents starts (a second
// one is an error for the caller to report). Throws what yaml-cpp's parser throws (YAML::ParserException,
// YAML::DeepRecursion) for malformed text, as YAML::Load would.
struct ParsedYaml {
  YamlTree tree;
  std::vector<YAML::Mark> document_starts;
};
ParsedYaml parse_yaml(const std::string& text, std::size_t max_documents);

}  // namespace outagesim::loader
