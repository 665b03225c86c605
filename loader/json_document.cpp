// JSON into the loader's tree with simdjson's On-Demand parser (json_document.hpp): one walk of the
// document, in text order, each value turned into a record as it is met.
#include "loader/json_document.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

namespace outagesim::loader {

namespace {

namespace od = simdjson::ondemand;

bool is_json_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

class JsonTreeBuilder {
 public:
  JsonTreeBuilder(const char* begin, const char* end, int first_line)
      : begin_(begin), end_(end), first_line_(first_line), line_begin_(begin), scanned_(begin) {}

  std::optional<YamlTree> build(od::document& doc) {
    const char* start = begin_;
    while (start < end_ && is_json_space(*start)) ++start;
    od::object root;
    if (start == end_ || *start != '{' || doc.get_object().get(root)) return std::nullopt;
    YamlNode node;
    if (!object(root, start, node)) return std::nullopt;
    // Past the end On-Demand has no current location: one there means text after the object.
    const char* rest = nullptr;
    if (!doc.current_location().get(rest)) return std::nullopt;
    tree_.set_root(node);
    return std::move(tree_);
  }

 private:
  // The mark of the byte at `at`. Marks are asked for in text order, so lines are counted forward from
  // the last one; in the scenario's line space the part starts after `first_line_` padding newlines.
  YAML::Mark mark_at(const char* at) {
    if (at < scanned_) {  // not expected; count afresh rather than go wrong
      line_ = 0;
      line_begin_ = begin_;
      scanned_ = begin_;
    }
    while (const void* newline = std::memchr(scanned_, '\n', static_cast<std::size_t>(at - scanned_))) {
      line_begin_ = static_cast<const char*>(newline) + 1;
      scanned_ = line_begin_;
      ++line_;
    }
    scanned_ = at;
    YAML::Mark mark;
    mark.pos = first_line_ + static_cast<int>(at - begin_);
    mark.line = first_line_ + line_;
    mark.column = static_cast<int>(at - line_begin_);
    return mark;
  }

  bool value(od::value v, YamlNode& out) {
    const std::string_view token = v.raw_json_token();
    const char* at = token.data();
    od::json_type type;
    if (v.type().get(type)) return false;
    switch (type) {
      case od::json_type::object: {
        od::object o;
        return !v.get_object().get(o) && object(o, at, out);
      }
      case od::json_type::array: {
        od::array a;
        return !v.get_array().get(a) && array(a, at, out);
      }
      case od::json_type::string: {
        std::string_view text;
        if (v.get_string().get(text)) return false;
        out = tree_.make_scalar(text, mark_at(at));
        return true;
      }
      case od::json_type::null: {
        bool is_null = false;
        if (v.is_null().get(is_null) || !is_null) return false;
        out = tree_.make_null(mark_at(at));
        return true;
      }
      case od::json_type::number:
      case od::json_type::boolean: {
        // The text as written, as YAML keeps a plain scalar: a reader parses it. Check it is JSON first.
        if (type == od::json_type::boolean) {
          bool b = false;
          if (v.get_bool().get(b)) return false;
        } else {
          double d = 0;
          if (v.get_double().get(d)) return false;
        }
        std::size_t n = token.size();
        while (n > 0 && is_json_space(token[n - 1])) --n;
        out = tree_.make_scalar(token.substr(0, n), mark_at(at));
        return true;
      }
    }
    return false;
  }

  bool object(od::object o, const char* at, YamlNode& out) {
    const YAML::Mark mark = mark_at(at);
    const std::size_t first = entries_.size();
    for (auto field_result : o) {
      od::field field;
      if (std::move(field_result).get(field)) return false;
      const char* key_at = field.key().raw() - 1;  // its opening quote
      std::string_view key;
      if (field.unescaped_key().get(key)) return false;
      const YamlNode key_node = tree_.make_scalar(key, mark_at(key_at));
      YamlNode value_node;
      if (!value(field.value(), value_node)) return false;
      entries_.emplace_back(key_node, value_node);
    }
    out = tree_.make_map(mark, std::span(entries_).subspan(first));
    entries_.resize(first);
    return true;
  }

  bool array(od::array a, const char* at, YamlNode& out) {
    const YAML::Mark mark = mark_at(at);
    const std::size_t first = items_.size();
    for (auto element : a) {
      od::value v;
      if (std::move(element).get(v)) return false;
      YamlNode item;
      if (!value(v, item)) return false;
      items_.push_back(item);
    }
    out = tree_.make_sequence(mark, std::span(items_).subspan(first));
    items_.resize(first);
    return true;
  }

  const char* begin_;
  const char* end_;
  int first_line_;
  int line_ = 0;  // of line_begin_, in the part's own lines
  const char* line_begin_;
  const char* scanned_;  // no newline between line_begin_ and here
  YamlTree tree_;
  std::vector<std::pair<YamlNode, YamlNode>> entries_;  // of the open objects, innermost last
  std::vector<YamlNode> items_;                         // of the open arrays, innermost last
};

}  // namespace

std::optional<YamlTree> read_json_document(std::string_view text, int first_line) {
  const simdjson::padded_string padded(text);
  od::parser parser;
  od::document doc;
  if (parser.iterate(padded).get(doc)) return std::nullopt;
  JsonTreeBuilder builder(padded.data(), padded.data() + padded.size(), first_line);
  return builder.build(doc);
}

}  // namespace outagesim::loader
