// A JSON document written as it is produced, laid out byte for byte as nlohmann's dump(2) would lay
// out the whole document, or, from a given depth on, each container on one line as nlohmann's compact
// dump() writes it (a report's records one per line: a third fewer bytes, and a record greps whole).
// For reports too big to hold as one tree: a million tenants are written one at a time, member by
// member, with no tree at all.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace outagesim::reports {

class JsonStream {
 public:
  // Receives the text in pieces of about kFlushBytes, in order; the last piece on finish().
  using Sink = std::function<void(std::string_view)>;
  static constexpr std::size_t kFlushBytes = std::size_t{1} << 20;

  // Containers at this depth and deeper (the outermost container is at depth 1) are written on one line;
  // kNoOneLine: none, the whole document as dump(2).
  static constexpr std::size_t kNoOneLine = static_cast<std::size_t>(-1);

  explicit JsonStream(Sink sink, std::size_t one_line_from = kNoOneLine);

  // Containers whose members are written one by one. Inside an object, each member needs a key() first.
  void begin_object();
  void begin_array();
  void end();  // closes the innermost container

  void key(std::string_view name);
  // A whole value (any JSON, nested or not) at the current place.
  void value(const nlohmann::ordered_json& v);
  // Scalars written straight into the text, with no tree: the same bytes as value() of the same JSON.
  // Named apart rather than overloaded, so that a string literal never becomes a bool.
  void string(std::string_view s);
  void integer(std::int64_t n);
  void real(double d);
  void boolean(bool b);
  void null();
  // key() then value().
  void member(std::string_view name, const nlohmann::ordered_json& v);

  // Closes nothing: call once the outermost container is ended. Ends the text with a newline, as the
  // reports' dump(2) + "\n" did, and hands what is left to the sink.
  void finish();

  // Writing one part of a document on another thread: a continuation goes on where this stream stands
  // (inside the same containers, after as many values), into its own sink; once it has written its
  // values and flushed, its text is spliced into this stream, which counts them as its own. The bytes
  // are those this stream would have written itself.
  // `values_before`: how many values the innermost container is to have before the continuation's first
  // (what decides the comma before it).
  JsonStream continuation(Sink sink, std::size_t values_before) const;
  // Hands everything written so far to the sink (a continuation's last piece; no newline is added).
  void flush();
  // Values written in the innermost container so far.
  std::size_t values_here() const { return levels_.empty() ? 0 : levels_.back().count; }
  // Appends a continuation's text, which wrote `values` values into the innermost container.
  void splice(std::string_view text, std::size_t values);

 private:
  struct Level {
    bool is_object;
    std::size_t count;
  };
  void before_value();
  void newline_and_indent(std::size_t depth);
  // Whether the innermost open container is written on one line.
  bool on_one_line() const { return levels_.size() >= one_line_from_; }
  // value() where containers change layout inside `v`: written through begin/key/end.
  void walk(const nlohmann::ordered_json& v);
  void flush_if_full();
  void append_quoted(std::string_view s);

  Sink sink_;
  std::size_t one_line_from_;
  std::string buffer_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace outagesim::reports
