// The audit log. Callers pass event names and fixed codes, counts and durations only: never a
// patient's answer, name or any text typed on the kiosk (see audit_log.hpp). This file cannot
// tell a code from a sentence, so that rule is the callers' to keep; tests grep the log for
// answers after a scripted session.
#include "audit_log.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace rk {
namespace {

struct AuditSink {
  std::mutex mutex;
  int file = -1;  // the optional audit file, opened O_APPEND
};

AuditSink& sink() {
  static AuditSink s;
  return s;
}

// One event per line, whatever a value holds: control characters become \xNN, and a value
// with a space or quote is quoted.
void append_value(std::string& line, std::string_view value) {
  const bool quote = value.empty() || value.find_first_of(" \"=") != std::string_view::npos;
  if (quote) line += '"';
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f || c == '"' || c == '\\') {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", u);
      line += escaped;
    } else {
      line += c;
    }
  }
  if (quote) line += '"';
}

std::string utc_timestamp() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(millis));
  return text;
}

// A whole line in as few write() calls as the kernel allows, retrying on EINTR.
void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return;  // logging must never take the kiosk down
    }
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

void audit(std::string_view event, std::initializer_list<AuditField> fields) {
  std::string line = "readiness-kiosk: ";
  append_value(line, event);
  for (const auto& field : fields) {
    line += ' ';
    append_value(line, field.key);
    line += '=';
    append_value(line, field.value);
  }
  line += '\n';

  AuditSink& s = sink();
  const std::lock_guard<std::mutex> lock(s.mutex);
  write_all(STDERR_FILENO, line);
  if (s.file >= 0) write_all(s.file, utc_timestamp() + " " + line);
}

bool set_audit_file(const std::string& path) {
  int fd = -1;
  if (!path.empty()) {
    fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) return false;
  }
  AuditSink& s = sink();
  const std::lock_guard<std::mutex> lock(s.mutex);
  if (s.file >= 0) ::close(s.file);
  s.file = fd;
  return true;
}

}  // namespace rk
