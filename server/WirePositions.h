//===--- WirePositions.h - Client positions to and from the wire ----------===//
//
// SourceCode.h's positions and spans are the wire's (Protocol.h) in the
// server's own types, which carry no JSON. Every handler and feature that
// puts one on the wire or takes one off it converts here, one way.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SERVER_WIREPOSITIONS_H
#define AIPROV_SERVER_WIREPOSITIONS_H

#include "Protocol.h"
#include "SourceCode.h"

namespace aiprov::server {

inline lsp::Position toWire(DocumentPosition P) {
  return {P.Line, P.Character};
}
inline lsp::Range toWire(DocumentSpan S) {
  return {toWire(S.Start), toWire(S.End)};
}
inline DocumentPosition fromWire(lsp::Position P) {
  return {P.line, P.character};
}
inline DocumentSpan fromWire(const lsp::Range &R) {
  return {fromWire(R.start), fromWire(R.end)};
}

} // namespace aiprov::server

#endif
