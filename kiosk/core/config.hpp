#pragma once
// The kiosk's own settings, from a TOML file the clinic edits (packaging/kiosk.example.toml
// documents every field). Every field has a default, so the kiosk runs with no config at all.

#include <string>
#include <vector>

#include "diagnostics.hpp"
#include "text.hpp"

namespace rk {

enum class OutputMode { Save, Print, Both };
enum class PaperSize { Letter, A4 };
/// Read aloud (espeak-ng): off, a "Read aloud" button on every question, or that and read-what-I-tap on.
enum class ReadAloud { Off, Button, Always };

struct KioskConfig {
  /// Questionnaire files offered. Default: the shipped questionnaires/readiness-and-strengths.toml.
  std::vector<std::string> questionnaires;
  /// Id of the questionnaire a session starts with. Default: "" (the first file).
  std::string default_questionnaire;
  /// Languages offered on the welcome screen, in order. Default: empty (every language the
  /// questionnaire has).
  std::vector<std::string> languages;

  /// Quiet seconds before "Are you still there?". Default: 90.
  int idle_timeout_seconds = 90;
  /// Seconds the "Are you still there?" countdown runs before the session is wiped. Default: 20.
  int idle_countdown_seconds = 20;
  /// Seconds the thank-you screen stays before returning to welcome. Default: 20.
  int thank_you_seconds = 20;

  /// Print, save, or both. Default: save.
  OutputMode output = OutputMode::Save;
  /// CUPS queue to print to. Default: "" (the CUPS default destination).
  std::string printer;
  /// Seconds to follow a print job before calling it failed. Default: 60.
  int print_timeout_seconds = 60;
  /// Folder for saved summaries (and for the fallback when printing fails).
  /// Default: "" ($XDG_DATA_HOME/readiness-kiosk/summaries, else ~/.local/share/...).
  std::string save_folder;
  /// Days a saved summary is kept before it is deleted. Default: 7. 0 keeps them forever.
  int retention_days = 7;
  /// Paper for the summary. Default: letter.
  PaperSize paper = PaperSize::Letter;
  /// Language of the summary's headings and question texts. Default: "" (the patient's language).
  std::string summary_language;

  /// Name printed in the summary header and shown to staff. Default: "Readiness Kiosk".
  std::string kiosk_name = "Readiness Kiosk";
  /// Support lines shown on the thank-you screen, one Text per line, per language. Default: none.
  std::vector<Text> support_lines;

  /// libsodium crypto_pwhash_str hash of the staff PIN (written by --set-pin). Default: "" (the
  /// staff screen cannot be opened until a PIN is set).
  std::string staff_pin_hash;
  /// Wrong PINs in a row before the staff screen locks. Default: 5.
  int staff_max_attempts = 5;
  /// Seconds the staff screen stays locked after too many wrong PINs. Default: 300.
  int staff_lockout_seconds = 300;

  /// Audit log file, appended to as well as stderr. Default: "" (stderr only).
  std::string audit_log_file;
  /// Start with larger text. Default: false.
  bool large_text = false;
  /// Start in high contrast. Default: false.
  bool high_contrast = false;

  /// Also write each finished session as a FHIR R4 QuestionnaireResponse, "summary-….fhir.json",
  /// beside the saved PDF (same outbox, same save, same retention). Needs output "save" or "both".
  /// Default: false.
  bool fhir_export = false;
  /// Base of the URLs the FHIR files use (Questionnaire.url, option code systems).
  /// Default: "" (the project's http://readiness-kiosk.invalid/fhir).
  std::string fhir_base_url;
  /// Read aloud: off, button (a Read aloud button; patients may turn on reading what they tap), or
  /// always (the button, and reading what they tap starts on). Default: button.
  ReadAloud read_aloud = ReadAloud::Button;
  /// Speech volume in percent (0 to 200; espeak-ng's amplitude). Default: 100.
  int read_aloud_volume = 100;
  /// Speaking rate in words per minute (80 to 300). Default: 150 (a little slower than espeak-ng's 175).
  int read_aloud_rate = 150;
  /// SDL audio output device name ("" = the system default). Default: "".
  std::string read_aloud_device;

  /// The file this came from ("" for defaults).
  std::string source_path;
};

struct ConfigResult {
  KioskConfig config;
  Diagnostics errors;
  [[nodiscard]] bool ok() const { return errors.empty(); }
};

/// Parses and checks a config file; unknown keys and bad values are errors with file:line:column.
ConfigResult load_config_text(std::string_view toml_text, const std::string& path_for_messages);
ConfigResult load_config_file(const std::string& path);

/// The config text with `staff_pin_hash = "<hash>"` set, everything else kept as it is: an
/// existing top-level staff_pin_hash line is replaced, else the line is inserted after the file's
/// opening comments (always top level, even when the file has tables). Used by --set-pin.
std::string with_staff_pin_hash(std::string_view toml_text, std::string_view hash);

}  // namespace rk
