#pragma once

#include <string>
#include <vector>

namespace hisx::host {

/// A part of a doc that hisx generates from the SDK (docs/events.md, docs/his-profile.md).
struct GeneratedDoc {
  std::string what;     ///< e.g. "events", for messages.
  std::string command;  ///< e.g. "events docs".
  std::string file;     ///< e.g. "docs/events.md".
  std::string begin;    ///< The marker line before the section.
  std::string end;      ///< The marker line after it.
  std::string section;  ///< The generated text.
};

/// `hisx <command> [--check FILE | --write FILE]` (`args` after the command): prints the
/// section, checks that FILE holds it (exit 1 with the command that regenerates it when not),
/// or writes it into FILE. Throws UsageError.
int run_docs_command(const GeneratedDoc& doc, const std::vector<std::string>& args);

}  // namespace hisx::host
