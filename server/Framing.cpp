//===--- Framing.cpp - Splitting a byte stream into JSON-RPC messages -----===//
//
// Header names are matched case-insensitively (they are HTTP-style); lines
// may end in "\r\n" or a bare "\n" because hand-written test input and some
// clients send the latter.
//
//===----------------------------------------------------------------------===//
#include "Framing.h"
#include "llvm/ADT/StringExtras.h"

namespace aiprov::server {

namespace {

constexpr llvm::StringLiteral LengthHeader = "content-length:";
/// A header block longer than this without its blank line is garbage.
constexpr size_t MaxHeaderBytes = 64 * 1024;

/// Where the next "Content-Length:" starts in Text at or after From, any
/// case; npos when none.
size_t findLengthHeader(llvm::StringRef Text, size_t From) {
  for (size_t I = From; I + LengthHeader.size() <= Text.size(); ++I) {
    I = Text.find_insensitive("content-length", I);
    if (I == llvm::StringRef::npos)
      return I;
    if (Text.substr(I).starts_with_insensitive(LengthHeader))
      return I;
  }
  return llvm::StringRef::npos;
}

/// An HTTP-style header name: letters, digits and '-'. Anything else (a
/// JSON body sent without headers) means the block is not headers at all.
bool isHeaderName(llvm::StringRef Name) {
  return !Name.empty() && llvm::all_of(Name, [](char C) {
    return llvm::isAlnum(C) || C == '-';
  });
}

} // namespace

void MessageFramer::feed(llvm::StringRef Bytes) { Buffer.append(Bytes); }

void MessageFramer::compact() {
  if (Consumed > 4096 && Consumed * 2 > Buffer.size()) {
    Buffer.erase(0, Consumed);
    Consumed = 0;
  }
}

std::optional<std::string>
MessageFramer::next(std::vector<std::string> &Problems) {
  std::optional<std::string> Message = Opts.Style == FramingStyle::ContentLength
                                           ? nextFramed(Problems)
                                           : nextDelimited(false);
  compact();
  return Message;
}

std::optional<std::string>
MessageFramer::nextFramed(std::vector<std::string> &Problems) {
  while (true) {
    if (Resyncing && !skipToLengthHeader())
      return std::nullopt;
    llvm::StringRef Rest = llvm::StringRef(Buffer).drop_front(Consumed);
    // Skip blank lines between messages, which some clients send.
    size_t Skip = Rest.find_first_not_of("\r\n");
    if (Skip == llvm::StringRef::npos) {
      Consumed = Buffer.size();
      return std::nullopt;
    }
    Rest = Rest.drop_front(Skip);
    Consumed += Skip;
    size_t CrlfEnd = Rest.find("\r\n\r\n"), LfEnd = Rest.find("\n\n");
    size_t HeaderEnd = std::min(CrlfEnd, LfEnd);
    if (HeaderEnd == llvm::StringRef::npos) {
      if (Rest.size() <= MaxHeaderBytes)
        return std::nullopt; // Wait for the rest of the headers.
      HeaderEnd = Rest.size();
    }
    size_t BodyStart = HeaderEnd + (HeaderEnd == CrlfEnd ? 4 : 2);

    std::optional<size_t> Length;
    std::string Problem;
    llvm::SmallVector<llvm::StringRef, 4> Lines;
    Rest.take_front(HeaderEnd).split(Lines, '\n');
    for (llvm::StringRef Line : Lines) {
      Line = Line.rtrim('\r');
      auto [Name, Value] = Line.split(':');
      Value = Value.trim();
      if (Name.trim().equals_insensitive("content-length")) {
        size_t N = 0;
        if (Value.getAsInteger(10, N))
          Problem = "bad Content-Length '" + Value.str() + "'";
        else if (N > Opts.MaxMessageBytes)
          Problem = "Content-Length " + Value.str() + " exceeds the limit";
        else
          Length = N;
      } else if (!isHeaderName(Name)) {
        Problem = "not a header: '" + Line.take_front(60).str() + "'";
      }
      // Other headers (Content-Type) are allowed and ignored.
    }
    if (Length && Problem.empty()) {
      if (Rest.size() < BodyStart + *Length)
        return std::nullopt; // Wait for the whole body.
      std::string Payload = Rest.substr(BodyStart, *Length).str();
      Consumed += BodyStart + *Length;
      return Payload;
    }
    if (Problem.empty())
      Problem = "message without a Content-Length header";
    Problems.push_back(Problem + "; skipping to the next Content-Length");
    // Resynchronize: the next message starts at the next length header.
    // Until it arrives, nothing read is reported again, so one broken
    // message is one problem however the bytes were split into reads.
    Consumed += 1;
    Resyncing = true;
  }
}

bool MessageFramer::skipToLengthHeader() {
  llvm::StringRef Rest = llvm::StringRef(Buffer).drop_front(Consumed);
  size_t Next = findLengthHeader(Rest, 0);
  if (Next != llvm::StringRef::npos) {
    Consumed += Next;
    Resyncing = false;
    return true;
  }
  // Keep only a tail that may be a header split across reads.
  size_t Keep = std::min(Rest.size(), LengthHeader.size() - 1);
  while (Keep > 0 &&
         !LengthHeader.starts_with_insensitive(Rest.take_back(Keep)))
    --Keep;
  Consumed = Buffer.size() - Keep;
  return false;
}

std::optional<std::string> MessageFramer::nextDelimited(bool AtEnd) {
  while (true) {
    llvm::StringRef Rest = llvm::StringRef(Buffer).drop_front(Consumed);
    size_t Newline = Rest.find('\n');
    if (Newline == llvm::StringRef::npos && !AtEnd)
      return std::nullopt;
    if (Newline == llvm::StringRef::npos && Rest.empty()) {
      if (llvm::StringRef(Pending).trim().empty())
        return std::nullopt;
      return std::exchange(Pending, std::string());
    }
    llvm::StringRef Line = Rest.take_front(Newline);
    Consumed += Newline == llvm::StringRef::npos ? Rest.size() : Newline + 1;
    llvm::StringRef Content = Line.rtrim('\r');
    if (Content.trim() == "---") {
      if (llvm::StringRef(Pending).trim().empty()) {
        Pending.clear();
        continue;
      }
      return std::exchange(Pending, std::string());
    }
    if (Content.ltrim().starts_with("#"))
      continue;
    Pending.append(Content.str());
    Pending.push_back('\n');
  }
}

std::optional<std::string>
MessageFramer::finish(std::vector<std::string> &Problems) {
  if (Opts.Style == FramingStyle::Delimited)
    return nextDelimited(true);
  // Bytes skipped while resynchronizing were reported already.
  if (!Resyncing &&
      !llvm::StringRef(Buffer).drop_front(Consumed).trim().empty())
    Problems.emplace_back("input ended inside a message");
  Consumed = Buffer.size();
  return std::nullopt;
}

} // namespace aiprov::server
