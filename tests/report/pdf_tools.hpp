#pragma once
// Test helpers: temp folders, files, and the real PDF tools (qpdf, pdftotext, pdfinfo) run as
// subprocesses.
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "temp_dir.hpp"

namespace rk::test {

struct CommandResult {
  int status = -1;  ///< exit status, or -1 when it did not exit normally
  std::string out;  ///< stdout
};

/// Runs a shell command and captures its stdout (stderr goes where the caller's 2> says).
inline CommandResult run(const std::string& command) {
  CommandResult r;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  const int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += (c == '\'') ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline void write_file(const std::string& path, const std::vector<unsigned char>& bytes) {
  std::ofstream f(path, std::ios::binary);
  f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

inline std::vector<unsigned char> read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

/// `qpdf --check`: 0 means no errors (3 would be warnings).
inline int qpdf_check(const std::string& pdf) {
  return run("qpdf --check " + quote(pdf) + " >/dev/null 2>&1").status;
}

/// Text of the PDF (or of one page) in reading order, UTF-8.
inline std::string pdf_text(const std::string& pdf, int page = 0) {
  std::string range = page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
  return run("pdftotext -enc UTF-8" + range + " " + quote(pdf) + " - 2>/dev/null").out;
}

/// pdfinfo's "Page size:" line, for example "612 x 792 pts (letter)".
inline std::string pdf_page_size(const std::string& pdf) {
  const std::string info = run("pdfinfo " + quote(pdf) + " 2>/dev/null").out;
  const auto at = info.find("Page size:");
  if (at == std::string::npos) return {};
  const auto end = info.find('\n', at);
  std::string line = info.substr(at + 10, end - at - 10);
  line.erase(0, line.find_first_not_of(' '));
  return line;
}

inline int pdf_pages(const std::string& pdf) {
  const std::string info = run("pdfinfo " + quote(pdf) + " 2>/dev/null").out;
  const auto at = info.find("Pages:");
  return at == std::string::npos ? 0 : std::atoi(info.c_str() + at + 6);
}

/// The text with every whitespace character removed (line breaks in the PDF do not count).
inline std::string squeeze(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') continue;
    if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {  // U+00A0 no-break space
      ++i;
      continue;
    }
    out += c;
  }
  return out;
}

/// True when `needle` appears in `haystack`, whitespace ignored on both sides.
inline bool contains_text(const std::string& haystack, const std::string& needle) {
  return squeeze(haystack).find(squeeze(needle)) != std::string::npos;
}

}  // namespace rk::test
