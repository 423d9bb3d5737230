// relgraph's one error type. An Error says where (a file, a file:line, an
// option) and why, and has a kind the CLI turns into an exit status:
// usage and rule errors exit 2, and so does data relgraph refuses (kBadData:
// a GraphML that is not well-formed or not relgraph's, any input warning
// under --strict); failures to read or write files exit 1.
// Library code throws Error and never exits.
#pragma once

#include <stdexcept>
#include <string>

namespace relgraph {

class Error : public std::runtime_error {
 public:
  enum class Kind { kUsage, kRules, kBadData, kInput, kOutput };

  Error(Kind kind, std::string where, std::string reason)
      : std::runtime_error(where.empty() ? reason : where + ": " + reason),
        kind_(kind),
        where_(std::move(where)),
        reason_(std::move(reason)) {}

  Kind kind() const { return kind_; }
  const std::string& where() const { return where_; }
  const std::string& reason() const { return reason_; }

 private:
  Kind kind_;
  std::string where_;
  std::string reason_;
};

}  // namespace relgraph
