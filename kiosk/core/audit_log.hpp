#pragma once
// The audit log: events only (session begun and ended, print and save results, errors, staff
// access). Never answers, never names: callers pass event names and fixed codes, nothing typed
// by a patient.

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace rk {

struct AuditField {
  std::string_view key;
  std::string_view value;
};

/// Writes one line "readiness-kiosk: event key=value ..." to stderr (so to the journal) and, when
/// configured, appends it with a timestamp to the audit file. Thread-safe.
void audit(std::string_view event, std::initializer_list<AuditField> fields = {});

/// Also append to this file from now on ("" turns the file off). Returns false if it cannot be
/// opened; stderr logging goes on.
bool set_audit_file(const std::string& path);

}  // namespace rk
