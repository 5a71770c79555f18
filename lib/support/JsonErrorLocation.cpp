//===--- JsonErrorLocation.cpp - Where and why text is not JSON -----------===//
//
// The text is parsed a second time with a SAX handler that accepts every
// value, so the only thing it learns is where and why parsing stopped; the
// first parse stays the ordinary DOM one, and valid input never pays for
// this.
//
//===----------------------------------------------------------------------===//
#include "aiprov/support/JsonErrorLocation.h"
#include <algorithm>
#include <nlohmann/json.hpp>

namespace aiprov {

namespace {

using Json = nlohmann::json;

/// Accepts any JSON and remembers where and why parsing stopped.
struct ParseErrorFinder : nlohmann::json_sax<Json> {
  /// nlohmann's count of characters read when it gave up: the offending
  /// character is the one before.
  std::size_t Position = 0;
  std::string Why;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t &) override { return true; }
  bool string(string_t &) override { return true; }
  bool binary(binary_t &) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t &) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t At, const std::string &,
                   const nlohmann::detail::exception &Ex) override {
    Position = At;
    // "[json.exception.parse_error.101] parse error at line 3, column 0:
    // syntax error ...": nlohmann's id and position (its column is 0 on a
    // newline) are replaced by ours; the reason is kept.
    llvm::StringRef What = Ex.what();
    size_t Column = What.find("column ");
    size_t Colon = What.find(": ", Column);
    Why = Column != llvm::StringRef::npos && Colon != llvm::StringRef::npos
              ? What.substr(Colon + 2).str()
              : What.str();
    return false;
  }
};

/// "line L, column C" (both 1-based) of byte Offset in Text; past the end
/// means just after the last character.
std::string lineAndColumn(llvm::StringRef Text, size_t Offset) {
  Offset = std::min(Offset, Text.size());
  llvm::StringRef Before = Text.take_front(Offset);
  size_t LineStart = Before.rfind('\n');
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  return "line " + std::to_string(Before.count('\n') + 1) + ", column " +
         std::to_string(Offset - LineStart + 1);
}

} // namespace

std::string describeJsonError(llvm::StringRef Text) {
  ParseErrorFinder Finder;
  Json::sax_parse(Text.begin(), Text.end(), &Finder);
  return lineAndColumn(Text, Finder.Position ? Finder.Position - 1 : 0) + ": " +
         Finder.Why;
}

} // namespace aiprov
