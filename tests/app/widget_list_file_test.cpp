// The --test-items file: the kiosk's accessibility tree for tests.
#include "widget_list_file.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

TEST_CASE("one widget a line, tab-separated, labels kept on one line") {
  const std::vector<rk::ui::WidgetInfo> widgets = {{"nav.next", "Next", 10, 20, 30.5f, 40},
                                                   {"item.x.option.a", "Two\tlines\nhere", 1, 2, 3, 4}};
  const auto text = rk::app::format_widget_list(widgets, 7, "Question");
  CHECK(text ==
        "# frame=7 screen=Question\n"
        "nav.next\tNext\t10.0\t20.0\t30.5\t40.0\n"
        "item.x.option.a\tTwo lines here\t1.0\t2.0\t3.0\t4.0\n");
}

TEST_CASE("the file is replaced whole") {
  const auto dir = std::filesystem::temp_directory_path() / ("rk-items-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = (dir / "items.txt").string();
  REQUIRE(rk::app::write_file_atomically(path, "first\n"));
  REQUIRE(rk::app::write_file_atomically(path, "second\n"));
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  CHECK(s.str() == "second\n");
  CHECK_FALSE(std::filesystem::exists(path + ".tmp"));
  CHECK_FALSE(rk::app::write_file_atomically((dir / "no-such-dir" / "x").string(), "x"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("every screen has a name for scripts") {
  CHECK(rk::ui::screen_name(rk::ui::Screen::Welcome) == "Welcome");
  CHECK(rk::ui::screen_name(rk::ui::Screen::ThankYou) == "ThankYou");
  CHECK(rk::ui::screen_name(rk::ui::Screen::StaffPin) == "StaffPin");
  CHECK(rk::ui::screen_name(rk::ui::Screen::Staff) == "Staff");
}
