#include "fhir_json.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <regex>
#include <sstream>

#include "utf8.hpp"

namespace rk::fhir {
namespace {

constexpr std::size_t kMaxBytes = 8u << 20;

struct ReaderError {
  SourceLocation where;
  std::string message;
};

/// jsoncpp's message "* Line 82, Column 7\n  Syntax error: ..." as a place and a sentence.
ReaderError split_reader_error(const std::string& errors) {
  static const std::regex kPlace(R"(\* Line (\d+), Column (\d+)\s*\n\s*(.*))");
  std::smatch m;
  if (std::regex_search(errors, m, kPlace)) {
    std::string message = m[3].str();
    if (const auto nl = message.find('\n'); nl != std::string::npos) message.resize(nl);
    return {{std::stoi(m[1].str()), std::stoi(m[2].str())}, message};
  }
  return {{1, 1}, errors};
}

bool try_parse(std::string_view text, bool lenient, Json::Value& root, std::string& errors) {
  Json::CharReaderBuilder builder;
  Json::CharReaderBuilder::strictMode(&builder.settings_);
  builder.settings_["collectComments"] = false;
  if (lenient) {
    builder.settings_["allowComments"] = true;
    builder.settings_["allowTrailingCommas"] = true;
  }
  const std::unique_ptr<Json::CharReader> reader(builder.newCharReader());
  try {
    return reader->parse(text.data(), text.data() + text.size(), &root, &errors);
  } catch (const std::exception& e) {  // "Exceeded stackLimit in readValue()"
    errors = std::string("* Line 1, Column 1\n  ") + e.what() + " (nested too deeply)";
    return false;
  }
}

void write_string(std::string& out, const std::string& s) { out += quoted(s); }

void write_value(std::string& out, const Json::Value& v, int depth) {
  const std::string indent(static_cast<std::size_t>(depth + 1) * 2, ' ');
  const std::string close(static_cast<std::size_t>(depth) * 2, ' ');
  switch (v.type()) {
    case Json::nullValue: out += "null"; break;
    case Json::booleanValue: out += v.asBool() ? "true" : "false"; break;
    case Json::intValue: out += std::to_string(v.asLargestInt()); break;
    case Json::uintValue: out += std::to_string(v.asLargestUInt()); break;
    case Json::realValue: {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.17g", v.asDouble());
      out += buffer;
      break;
    }
    case Json::stringValue: write_string(out, v.asString()); break;
    case Json::arrayValue: {
      if (v.empty()) {
        out += "[]";
        break;
      }
      bool scalars = true;
      for (const auto& e : v) scalars = scalars && !e.isArray() && !e.isObject();
      out += scalars ? "[" : "[\n";
      for (Json::ArrayIndex i = 0; i < v.size(); ++i) {
        if (!scalars) out += indent;
        write_value(out, v[i], depth + 1);
        if (i + 1 < v.size()) out += scalars ? ", " : ",\n";
      }
      out += scalars ? "]" : "\n" + close + "]";
      break;
    }
    case Json::objectValue: {
      if (v.empty()) {
        out += "{}";
        break;
      }
      out += "{\n";
      auto names = v.getMemberNames();  // sorted (jsoncpp keeps a std::map), resourceType first
      const auto type = std::find(names.begin(), names.end(), "resourceType");
      if (type != names.end()) std::rotate(names.begin(), type, type + 1);
      for (std::size_t i = 0; i < names.size(); ++i) {
        out += indent;
        write_string(out, names[i]);
        out += ": ";
        write_value(out, v[names[i]], depth + 1);
        out += i + 1 < names.size() ? ",\n" : "\n";
      }
      out += close + "}";
      break;
    }
  }
}

}  // namespace

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buffer;
        } else {
          out += c;  // UTF-8 as is
        }
    }
  }
  return out + "\"";
}

std::string write_json(const Json::Value& value) {
  std::string out;
  write_value(out, value, 0);
  return out + "\n";
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

SourceLocation LineIndex::at(std::ptrdiff_t offset) const {
  if (offset < 0) return {};
  const auto at = std::min(static_cast<std::size_t>(offset), text_.size());
  const auto next = std::upper_bound(starts_.begin(), starts_.end(), at);
  const std::size_t line = static_cast<std::size_t>(next - starts_.begin());
  const std::size_t start = starts_[line - 1];
  int column = 1;
  for (std::size_t i = start; i < at; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;  // count characters, not bytes
  }
  return {static_cast<int>(line), column};
}

bool ParsedJson::ok() const {
  return std::none_of(problems.begin(), problems.end(),
                      [](const Diagnostic& d) { return d.level == DiagnosticLevel::Error; });
}

ParsedJson parse_json(std::string_view text, const std::string& path) {
  ParsedJson out;
  const auto error = [&](SourceLocation where, std::string message) {
    out.problems.push_back({path, where, std::move(message), DiagnosticLevel::Error});
  };
  if (text.size() > kMaxBytes) {
    error({1, 1}, "the file is " + std::to_string(text.size() >> 20) +
                      " MiB; the importer reads at most 8 MiB. Remove embedded pictures (base64 attachments) first.");
    return out;
  }
  if (!utf8_length(text).has_value()) {
    const std::size_t bad = utf8_prefix(text, text.size()).size();  // the valid prefix ends at the bad byte
    error(LineIndex(text).at(static_cast<std::ptrdiff_t>(bad)),
          "the file is not valid UTF-8 here. Save it as UTF-8 (FHIR JSON is always UTF-8).");
    return out;
  }
  std::string strict_errors;
  if (try_parse(text, false, out.root, strict_errors)) return out;
  const ReaderError strict = split_reader_error(strict_errors);
  std::string lenient_errors;
  Json::Value lenient_root;
  if (try_parse(text, true, lenient_root, lenient_errors)) {
    out.root = std::move(lenient_root);
    out.problems.push_back({path, strict.where,
                            "not strict JSON (" + strict.message +
                                "): a trailing comma or a comment; read as if it were not there. Remove it.",
                            DiagnosticLevel::Warning});
    return out;
  }
  error(strict.where, strict.message + ". The file is not valid JSON: fix it in a JSON editor.");
  return out;
}

}  // namespace rk::fhir
