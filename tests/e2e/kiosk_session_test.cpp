// A whole patient session on the real binary, in portrait (1080×1920) and landscape (1920×1080):
// every tap found by id in the kiosk's item file and sent as SDL finger events; the summary PDF
// it saves must hold the patient's answer.
#include <doctest/doctest.h>
#include <signal.h>

#include <chrono>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "e2e_support.hpp"

namespace {

using rk::e2e::Items;
using rk::e2e::KioskDriver;
using rk::e2e::tap;
using rk::e2e::TempDir;
using rk::e2e::Xvfb;

constexpr const char* kAnswer = "a sunny walk";

std::filesystem::path write_config(const TempDir& dir) {
  const auto path = dir.path / "kiosk.toml";
  std::ofstream out(path);
  out << "save_folder = \"" << (dir.path / "saved").string() << "\"\n"
      << "output = \"save\"\n"
      << "thank_you_seconds = 600\n"
      << "fhir_export = true\n";
  return path;
}

/// The item id inside a widget id such as "ruler.<item>.7" or "item.<item>.option.<opt>".
std::string item_of(const std::string& id, const std::string& prefix, const std::string& suffix_mark) {
  const std::string rest = id.substr(prefix.size());
  const auto end = suffix_mark.empty() ? rest.rfind('.') : rest.find(suffix_mark);
  return end == std::string::npos ? rest : rest.substr(0, end);
}

/// Answers what the current page offers: one ruler mark, one option, one card, our words.
Items answer_page(KioskDriver& kiosk, Items items, std::set<std::string>& answered, bool& typed) {
  for (int pass = 0; pass < 8; ++pass) {
    std::string next_tap;
    std::string text_item;
    for (const auto& w : items.widgets) {
      std::string item;
      std::string target;
      if (w.id.rfind("ruler.", 0) == 0) {
        item = item_of(w.id, "ruler.", "");
        target = "ruler." + item + ".7";
        if (items.find(target) == nullptr) target = w.id;
      } else if (w.id.rfind("item.", 0) == 0 && w.id.find(".option.") != std::string::npos) {
        item = item_of(w.id, "item.", ".option.");
        target = w.id;
      } else if (w.id.rfind("card.", 0) == 0) {
        item = item_of(w.id, "card.", "");
        target = w.id;
      } else if (w.id.rfind("text.", 0) == 0) {
        if (!answered.contains(w.id)) text_item = w.id;
        continue;
      } else {
        continue;
      }
      if (!answered.contains(item)) {
        answered.insert(item);
        next_tap = target;
        break;
      }
    }
    if (!next_tap.empty()) {
      items = tap(kiosk, next_tap);
      continue;
    }
    if (!text_item.empty() && !typed) {
      answered.insert(text_item);
      items = tap(kiosk, text_item);
      REQUIRE(items.find("kbd.done") != nullptr);
      auto typed_items = kiosk.send(std::string("type ") + kAnswer);
      INFO(kiosk.error());
      REQUIRE(typed_items);
      items = tap(kiosk, "kbd.done");
      typed = true;
      continue;
    }
    break;
  }
  return items;
}

std::string wait_for_summary_text(const std::filesystem::path& folder) {
  const auto start = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - start < std::chrono::seconds(90)) {
    if (std::filesystem::exists(folder)) {
      for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        const auto name = entry.path().filename().string();
        if (name.rfind("summary-", 0) == 0 && entry.path().extension() == ".pdf") {
          return rk::e2e::run_capture("pdftotext -layout '" + entry.path().string() + "' - 2>/dev/null");
        }
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return "";
}

/// fhir_export = true: the QuestionnaireResponse beside the PDF, same stem, mode 0600, with the answer.
void check_fhir_twin(const std::filesystem::path& folder) {
  const auto start = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - start < std::chrono::seconds(30)) {
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
      const std::string name = entry.path().filename().string();
      if (name.rfind("summary-", 0) != 0 || !name.ends_with(".pdf")) continue;
      const auto twin = folder / (name.substr(0, name.size() - 4) + ".fhir.json");
      if (!std::filesystem::exists(twin)) continue;
      CHECK((std::filesystem::status(twin).permissions() & std::filesystem::perms::all) ==
            (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
      std::ifstream in(twin);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      const std::string json = bytes.str();
      CHECK(json.find("\"resourceType\": \"QuestionnaireResponse\"") != std::string::npos);
      CHECK(json.find(kAnswer) != std::string::npos);
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  FAIL("no summary-*.fhir.json beside the PDF in " << folder);
}

void complete_a_session(int width, int height) {
  TempDir dir;
  Xvfb xvfb(width, height);
  REQUIRE(xvfb.running());
  KioskDriver kiosk(dir.path, xvfb.display(), {"--config", write_config(dir).string()});
  auto first = kiosk.items();
  INFO(kiosk.log());
  REQUIRE(first);
  CHECK(first->screen == "Welcome");

  REQUIRE(kiosk.send("wait-id welcome.start"));
  const auto* start = kiosk.items()->find("welcome.start");
  REQUIRE(start != nullptr);
  CHECK(start->x >= 0);
  CHECK(start->y >= 0);
  CHECK(start->x + start->w <= static_cast<float>(width));
  CHECK(start->y + start->h <= static_cast<float>(height));

  Items items = tap(kiosk, "welcome.start");
  CHECK(items.screen == "Question");
  std::set<std::string> answered;
  bool typed = false;
  int pages = 0;
  while (items.screen == "Question" && pages < 40) {
    items = answer_page(kiosk, items, answered, typed);
    REQUIRE(items.find("nav.next") != nullptr);
    items = tap(kiosk, "nav.next");
    ++pages;
  }
  CHECK(pages >= 3);
  CHECK(typed);
  REQUIRE(items.screen == "Review");
  items = tap(kiosk, "review.finish");
  auto thanks = kiosk.send("wait-screen ThankYou 120000", 150);
  INFO(kiosk.error());
  REQUIRE(thanks);
  CHECK(thanks->screen == "ThankYou");

  const std::string text = wait_for_summary_text(dir.path / "saved");
  INFO(text);
  CHECK(text.find(kAnswer) != std::string::npos);
  check_fhir_twin(dir.path / "saved");

  // SIGTERM: a clean exit, status 0.
  kiosk.process().signal(SIGTERM);
  const auto status = kiosk.process().wait(30);
  REQUIRE(status);
  CHECK(*status == 0);
  const std::string log = kiosk.log();
  CHECK(log.find("session-begun") != std::string::npos);
  CHECK(log.find(kAnswer) == std::string::npos);  // the log never holds answers
}

}  // namespace

TEST_CASE("a whole session by touch in portrait 1080x1920 saves a summary with the answer") {
  complete_a_session(1080, 1920);
}

TEST_CASE("a whole session by touch in landscape 1920x1080 saves a summary with the answer") {
  complete_a_session(1920, 1080);
}
