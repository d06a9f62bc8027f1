#pragma once
// A point in time as UTC text, for names and records that must not depend on the kiosk's time zone.

#include <chrono>
#include <string>

namespace rk {

/// "YYYYMMDD-HHMMSS": sorts by time inside a file name.
std::string utc_file_stamp(std::chrono::system_clock::time_point when);

/// "YYYY-MM-DDTHH:MM:SSZ" (ISO 8601, a FHIR dateTime).
std::string utc_iso8601(std::chrono::system_clock::time_point when);

}  // namespace rk
