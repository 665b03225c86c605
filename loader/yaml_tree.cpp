// Building YamlTree from yaml-cpp's parser events, and reading it.
#include "loader/yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstring>
#include <sstream>

namespace outagesim::loader {

namespace yaml_tree_detail {

// One node. A container's children sit in one array of the arena: a sequence's items, or a mapping's
// keys and values alternating. An alias adds no record: its parent points at the anchored one.
struct Record {
  YamlNode::Kind kind = YamlNode::Kind::kNull;
  YAML::Mark mark;
  const char* text = nullptr;  // a scalar's bytes, in the arena
  std::uint32_t text_size = 0;
  std::uint32_t size = 0;  // children
  const Record* const* children = nullptr;
};

}  // namespace yaml_tree_detail

using yaml_tree_detail::Record;

// Bump allocation in blocks that never move, freed all at once with the tree. Blocks start small (a
// scenario of a few keys, a cell of a CSV) and double up to 1 MiB; they are not zeroed.
class YamlTree::Arena {
 public:
  void* allocate(std::size_t bytes, std::size_t align) {
    std::size_t pad = (align - reinterpret_cast<std::uintptr_t>(next_) % align) % align;
    if (pad + bytes > left_) {
      const std::size_t size = std::max(next_block_bytes_, bytes + align);
      next_block_bytes_ = std::min(2 * next_block_bytes_, kMaxBlockBytes);
      blocks_.push_back(std::make_unique_for_overwrite<std::byte[]>(size));
      next_ = blocks_.back().get();
      left_ = size;
      pad = (align - reinterpret_cast<std::uintptr_t>(next_) % align) % align;
    }
    std::byte* out = next_ + pad;
    next_ = out + bytes;
    left_ -= pad + bytes;
    return out;
  }
  Record* new_record() { return new (allocate(sizeof(Record), alignof(Record))) Record(); }
  const char* copy_text(std::string_view text) {
    if (text.empty()) return nullptr;
    auto* out = static_cast<char*>(allocate(text.size(), 1));
    std::memcpy(out, text.data(), text.size());
    return out;
  }
  const Record** new_children(std::size_t n) {
    return static_cast<const Record**>(allocate(n * sizeof(const Record*), alignof(const Record*)));
  }
  void adopt(Arena& other) {
    for (auto& block : other.blocks_) blocks_.push_back(std::move(block));
    other.blocks_.clear();
    other.next_ = nullptr;
    other.left_ = 0;
  }

 private:
  static constexpr std::size_t kMaxBlockBytes = std::size_t{1} << 20;

  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::byte* next_ = nullptr;
  std::size_t left_ = 0;
  std::size_t next_block_bytes_ = std::size_t{4} << 10;
};

YamlNode::Kind YamlNode::kind() const {
  return record_ ? record_->kind : Kind::kUndefined;
}

std::string_view YamlNode::scalar() const {
  if (!record_ || record_->kind != Kind::kScalar) return {};
  return {record_->text, record_->text_size};
}

const YAML::Mark& YamlNode::mark() const {
  static const YAML::Mark kNoPlace = YAML::Mark::null_mark();
  return record_ ? record_->mark : kNoPlace;
}

std::size_t YamlNode::size() const {
  if (!record_) return 0;
  if (record_->kind == Kind::kSequence) return record_->size;
  if (record_->kind == Kind::kMap) return record_->size / 2;
  return 0;
}

YamlNode YamlNode::item(std::size_t i) const {
  return YamlNode(record_->children[i]);
}

namespace {
// The value of `key` in `map` or in what it merges. `seen` holds the merged mappings visited so far: a
// mapping merged twice (or merging itself through an alias) is looked through once.
const Record* value_in_map(const Record* map, std::string_view key, int depth,
                           std::vector<const Record*>& seen) {
  const Record* merge = nullptr;
  for (std::uint32_t i = 0; i + 1 < map->size; i += 2) {
    const Record* k = map->children[i];
    if (k->kind != YamlNode::Kind::kScalar) continue;
    const std::string_view text(k->text, k->text_size);
    if (text == key) return map->children[i + 1];
    if (text == kMergeKey && merge == nullptr) merge = map->children[i + 1];
  }
  if (merge == nullptr || depth >= kMaxMergeDepth) return nullptr;
  const auto look = [&](const Record* source) -> const Record* {
    if (source->kind != YamlNode::Kind::kMap || std::find(seen.begin(), seen.end(), source) != seen.end())
      return nullptr;
    seen.push_back(source);
    return value_in_map(source, key, depth + 1, seen);
  };
  if (merge->kind == YamlNode::Kind::kSequence) {
    for (std::uint32_t i = 0; i < merge->size; ++i) {
      if (const Record* found = look(merge->children[i])) return found;
    }
    return nullptr;
  }
  return look(merge);
}
}  // namespace

YamlNode YamlNode::operator[](std::string_view key) const {
  if (!record_ || record_->kind != Kind::kMap) return {};
  std::vector<const Record*> seen{record_};
  return YamlNode(value_in_map(record_, key, 0, seen));
}

YamlNode::Iterator YamlNode::begin() const {
  return iterator_at(false);
}

YamlNode::Iterator YamlNode::end() const {
  return iterator_at(true);
}

YamlNode::Iterator YamlNode::iterator_at(bool at_end) const {
  const bool container = is_sequence() || is_map();
  if (!container) return Iterator(nullptr, 0, 0, 1);
  return Iterator(record_->children, at_end ? record_->size : 0, record_->size, is_map() ? 2 : 1);
}

void YamlNode::Iterator::load() {
  if (position_ >= end_) return;
  if (step_ == 2) {
    item_.first = YamlNode(children_[position_]);
    item_.second = YamlNode(children_[position_ + 1]);
    static_cast<YamlNode&>(item_) = item_.second;
  } else {
    static_cast<YamlNode&>(item_) = YamlNode(children_[position_]);
  }
}

YamlTree::YamlTree() : arena_(std::make_unique<Arena>()) {}
YamlTree::~YamlTree() = default;
YamlTree::YamlTree(YamlTree&&) noexcept = default;
YamlTree& YamlTree::operator=(YamlTree&&) noexcept = default;

YamlNode YamlTree::make_null(const YAML::Mark& mark) {
  Record* r = arena_->new_record();
  r->kind = YamlNode::Kind::kNull;
  r->mark = mark;
  return YamlNode(r);
}

YamlNode YamlTree::make_scalar(std::string_view text, const YAML::Mark& mark) {
  Record* r = arena_->new_record();
  r->kind = YamlNode::Kind::kScalar;
  r->mark = mark;
  r->text = arena_->copy_text(text);
  r->text_size = static_cast<std::uint32_t>(text.size());
  return YamlNode(r);
}

YamlNode YamlTree::make_sequence(const YAML::Mark& mark, std::span<const YamlNode> items) {
  Record* r = arena_->new_record();
  r->kind = YamlNode::Kind::kSequence;
  r->mark = mark;
  const Record** children = arena_->new_children(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) children[i] = items[i].record_;
  r->children = children;
  r->size = static_cast<std::uint32_t>(items.size());
  return YamlNode(r);
}

YamlNode YamlTree::make_map(const YAML::Mark& mark, std::span<const std::pair<YamlNode, YamlNode>> entries) {
  Record* r = arena_->new_record();
  r->kind = YamlNode::Kind::kMap;
  r->mark = mark;
  const Record** children = arena_->new_children(2 * entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    children[2 * i] = entries[i].first.record_;
    children[2 * i + 1] = entries[i].second.record_;
  }
  r->children = children;
  r->size = static_cast<std::uint32_t>(2 * entries.size());
  return YamlNode(r);
}

void YamlTree::adopt(YamlTree&& other) {
  arena_->adopt(*other.arena_);
  other.root_ = YamlNode();
}

// Turns the events of the first document into records; counts the starts of the documents after it.
class YamlTreeBuilder final : public YAML::EventHandler {
 public:
  explicit YamlTreeBuilder(YamlTree& tree) : tree_(tree), arena_(*tree.arena_) {}

  bool building() const { return building_; }
  std::vector<YAML::Mark>& starts() { return starts_; }

  void OnDocumentStart(const YAML::Mark& mark) override { starts_.push_back(mark); }
  void OnDocumentEnd() override { building_ = false; }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (!building_) return;
    Record* r = arena_.new_record();
    r->kind = YamlNode::Kind::kNull;
    r->mark = mark;
    name(anchor, r);
    add(r);
  }
  void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
    // yaml-cpp's parser refuses an alias to an anchor not seen before it.
    if (building_ && anchor < anchors_.size() && anchors_[anchor]) add(anchors_[anchor]);
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    if (!building_) return;
    Record* r = arena_.new_record();
    r->kind = YamlNode::Kind::kScalar;
    r->mark = mark;
    r->text = arena_.copy_text(value);
    r->text_size = static_cast<std::uint32_t>(value.size());
    name(anchor, r);
    add(r);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::kSequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::kMap, mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    Record* record;
    std::size_t first_child;  // in pending_
  };

  void name(YAML::anchor_t anchor, const Record* r) {
    if (anchor == YAML::NullAnchor) return;
    if (anchor >= anchors_.size()) anchors_.resize(anchor + 1, nullptr);
    anchors_[anchor] = r;
  }
  void add(const Record* r) {
    if (open_.empty()) {
      tree_.root_ = YamlNode(r);
    } else {
      pending_.push_back(r);
    }
  }
  void open(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (!building_) return;
    Record* r = arena_.new_record();
    r->kind = kind;
    r->mark = mark;
    name(anchor, r);  // before its children: an alias inside may name it
    open_.push_back(Open{r, pending_.size()});
  }
  void close() {
    if (!building_) return;
    const Open o = open_.back();
    open_.pop_back();
    const std::size_t n = pending_.size() - o.first_child;
    const Record** children = arena_.new_children(n);
    std::copy(pending_.begin() + static_cast<std::ptrdiff_t>(o.first_child), pending_.end(), children);
    pending_.resize(o.first_child);
    o.record->children = children;
    o.record->size = static_cast<std::uint32_t>(n);
    add(o.record);
  }

  YamlTree& tree_;
  YamlTree::Arena& arena_;
  bool building_ = true;
  std::vector<YAML::Mark> starts_;
  std::vector<const Record*> anchors_;
  std::vector<Open> open_;
  std::vector<const Record*> pending_;  // children of the open containers, innermost last
};

ParsedYaml parse_yaml(const std::string& text, std::size_t max_documents) {
  ParsedYaml out;
  YamlTreeBuilder builder(out.tree);
  std::istringstream in(text);
  YAML::Parser parser(in);
  // yaml-cpp 0.7 may start empty document after empty document at one place on some malformed streams
  // and never stop (jbeder/yaml-cpp#1319): the caller tells that apart by two starts at one place.
  while (builder.starts().size() < max_documents && parser.HandleNextDocument(builder)) {
  }
  out.document_starts = std::move(builder.starts());
  return out;
}

}  // namespace outagesim::loader
