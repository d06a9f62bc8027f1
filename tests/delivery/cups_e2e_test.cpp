// End to end through a real cupsd and Debian's cups-pdf: print a summary, find the printed PDF,
// then stop the queue and show the fallback (saved, failure reported, nothing lost).
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <future>
#include <string>
#include <thread>

#include "deliver.hpp"
#include "pdf_tools.hpp"
#include "print.hpp"
#include "private_cupsd.hpp"
#include "render_summary.hpp"
#include "summary_fixtures.hpp"

using namespace rk;
using namespace rk::delivery;
using Clock = std::chrono::system_clock;

namespace {

std::vector<std::string> pdfs_in(const std::string& folder) {
  std::vector<std::string> found;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(folder, ec)) {
    if (e.path().extension() == ".pdf") found.push_back(e.path().string());
  }
  return found;
}

}  // namespace

TEST_CASE("print through a real cupsd with cups-pdf, then the stopped-queue fallback") {
  test::PrivateCupsd cupsd;
  REQUIRE_MESSAGE(cupsd.ready(), "cupsd did not start:\n" << cupsd.log());
  REQUIRE_MESSAGE(cupsd.add_pdf_queue("KioskPDF"), "lpadmin failed:\n" << cupsd.log());
  const auto before = pdfs_in(cupsd.output_folder());

  const Summary summary = test::hand_made_summary("es");
  const report::RenderResult rendered = report::render_summary(summary, test::shipped_languages());
  REQUIRE(rendered.ok());

  test::TempDir save("rk-cups-save");
  KioskConfig config;
  config.output = OutputMode::Print;
  config.printer = "KioskPDF";
  config.print_timeout_seconds = 90;
  config.save_folder = save.path();

  SUBCASE("printed: the job completes and cups-pdf's file holds every answer") {
    const Outcome out =
        test::on_worker(cupsd.server(), [&] { return deliver(rendered.pdf, config, Clock::now()); });
    CAPTURE(out.print_reason);
    CAPTURE(cupsd.log());
    REQUIRE(out.printed);
    CHECK(out.job_id > 0);
    CHECK_FALSE(out.saved);  // print only, and it worked: nothing written to disk
    CHECK(pdfs_in(save.path()).empty());
    CHECK(out.fully_ok());

    std::string printed;
    for (int i = 0; i < 300 && printed.empty(); ++i) {
      for (const std::string& f : pdfs_in(cupsd.output_folder())) {
        if (std::find(before.begin(), before.end(), f) == before.end()) printed = f;
      }
      if (printed.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    REQUIRE_MESSAGE(!printed.empty(), "no PDF in " << cupsd.output_folder());
    const std::string text = test::pdf_text(printed);
    for (const std::string& t : test::all_texts(summary)) {
      CAPTURE(t);
      CHECK(test::contains_text(text, t));
    }
    if (cupsd.output_folder().find("/rk-cupsd-") == std::string::npos) std::filesystem::remove(printed);

    const std::string status = test::on_worker(cupsd.server(), [&] { return printer_status(config); });
    CHECK(status.find("KioskPDF") != std::string::npos);
    CHECK(status.find("accepting jobs") != std::string::npos);
  }

  SUBCASE("stopped queue: failure reported with a reason, summary saved, nothing left in the queue") {
    REQUIRE(cupsd.admin("cupsdisable", "-r 'Out of paper (test)' KioskPDF").status == 0);
    const Outcome out =
        test::on_worker(cupsd.server(), [&] { return deliver(rendered.pdf, config, Clock::now()); });
    CHECK_FALSE(out.printed);
    CHECK(out.print_error == ErrorCode::PrinterStopped);
    CHECK(out.print_reason.find("stopped") != std::string::npos);
    CHECK(out.print_reason.find("Out of paper (test)") != std::string::npos);
    REQUIRE(out.saved);
    CHECK(out.saved_as_fallback);
    CHECK(test::read_file(out.saved_path) == rendered.pdf);
    struct stat st {};
    REQUIRE(stat(out.saved_path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(out.staff_message().find(out.saved_path) != std::string::npos);
    CHECK(cupsd.admin("lpstat", "-o KioskPDF").out.empty());  // no job waits to print later

    const std::string status = test::on_worker(cupsd.server(), [&] { return printer_status(config); });
    CHECK(status.find("stopped") != std::string::npos);
  }

  SUBCASE("a printer that never answers: the job is followed for a bounded time, then canceled") {
    // A raw queue pointing at a closed port: the ipp backend keeps retrying, the job never ends.
    const std::string dead =
        "ipp://127.0.0.1:" + std::to_string(test::unused_localhost_port()) + "/ipp/print";
    REQUIRE(cupsd.admin("lpadmin", "-p DeadPrinter -E -v " + dead + " -m raw").status == 0);
    config.printer = "DeadPrinter";
    config.print_timeout_seconds = 6;
    const Outcome out =
        test::on_worker(cupsd.server(), [&] { return deliver(rendered.pdf, config, Clock::now()); });
    CAPTURE(out.print_reason);
    CHECK_FALSE(out.printed);
    // Either the deadline passed, or CUPS stopped the queue when the backend gave up.
    CHECK((out.print_error == ErrorCode::PrintTimeout || out.print_error == ErrorCode::PrinterStopped));
    CHECK(out.saved_as_fallback);
    CHECK(test::read_file(out.saved_path) == rendered.pdf);
    // Canceled, so it cannot come out later as a duplicate.
    for (int i = 0; i < 50 && !cupsd.admin("lpstat", "-o DeadPrinter").out.empty(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK(cupsd.admin("lpstat", "-o DeadPrinter").out.empty());
  }

  SUBCASE("a queue that does not exist, and no default printer") {
    config.printer = "NoSuchQueue";
    const Outcome missing =
        test::on_worker(cupsd.server(), [&] { return deliver(rendered.pdf, config, Clock::now()); });
    CHECK(missing.print_error == ErrorCode::NoPrinter);
    CHECK(missing.print_reason.find("NoSuchQueue") != std::string::npos);
    CHECK(missing.saved_as_fallback);

    config.printer.clear();
    const PrintResult no_default = test::on_worker(
        cupsd.server(), [&] { return print_pdf(rendered.pdf, "", std::chrono::seconds(10)); });
    CHECK(no_default.code == ErrorCode::NoPrinter);

    // Once the clinic sets a default destination, "" prints there.
    REQUIRE(cupsd.admin("lpadmin", "-d KioskPDF").status == 0);
    const PrintResult to_default = test::on_worker(
        cupsd.server(), [&] { return print_pdf(rendered.pdf, "", std::chrono::seconds(90)); });
    CAPTURE(to_default.reason);
    CHECK(to_default.ok());
    CHECK(to_default.queue == "KioskPDF");
  }
}
