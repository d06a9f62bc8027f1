#include "walker.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

namespace rk::test {
namespace {

/// The ids (after "kbd.") of the first `count` keys on the open keyboard that type a character.
std::vector<std::string> first_letter_keys(Harness& h, std::size_t count) {
  static const std::set<std::string> kCommands = {"shift", "space", "enter", "backspace", "done", "layout"};
  std::vector<std::string> keys;
  for (const ui::WidgetInfo& w : h.ui().widgets()) {
    if (w.id.rfind("kbd.", 0) != 0 || kCommands.count(w.id.substr(4)) != 0) continue;
    keys.push_back(w.id.substr(4));
    if (keys.size() == count) break;
  }
  return keys;
}

}  // namespace

void type_keys(Harness& h, const std::vector<std::string>& keys) {
  for (const std::string& k : keys) {
    const std::string id = k == " " ? "kbd.space" : "kbd." + k;
    INFO("key " << id);
    REQUIRE(h.tap(id));
  }
}

int answer_page_by_taps(Harness& h, bool spanish) {
  std::set<std::string> done;
  int answered = 0;
  for (bool progress = true; progress;) {
    progress = false;
    for (const Item* item : h.ui().session().visible_items()) {
      if (item->kind == ItemKind::Info || done.count(item->id)) continue;
      done.insert(item->id);
      progress = true;
      ++answered;
      INFO("item " << item->id);
      switch (item->kind) {
        case ItemKind::SingleChoice:
        case ItemKind::MultiChoice:
          REQUIRE(h.tap("item." + item->id + ".option." + item->options.front().id));
          break;
        case ItemKind::YesNo:
          REQUIRE(h.tap("item." + item->id + ".option.no"));
          break;
        case ItemKind::Ruler:
          REQUIRE(h.tap("ruler." + item->id + "." + std::to_string(item->min + 6)));
          break;
        case ItemKind::CardPick:
          for (std::size_t i = 0; i < item->options.size() && i < 3; ++i)
            REQUIRE(h.tap("card." + item->id + "." + item->options[i].id));
          break;
        case ItemKind::ShortText:
        case ItemKind::LongText: {
          REQUIRE(h.tap("text." + item->id));
          REQUIRE(h.ui().keyboard_open());
          std::vector<std::string> keys;
          if (spanish) {
            keys.assign(std::begin(kSpanishWords), std::end(kSpanishWords));
          } else {
            keys.assign(std::begin(kEnglishWords), std::end(kEnglishWords));
          }
          // Another language's keyboard (Arabic, Hangul, ...) has other letters: type its first
          // three letter keys instead.
          const auto on_keyboard = [&](const std::string& k) { return k == " " || h.has("kbd." + k); };
          if (!std::all_of(keys.begin(), keys.end(), on_keyboard)) keys = first_letter_keys(h, 3);
          REQUIRE_FALSE(keys.empty());
          type_keys(h, keys);
          REQUIRE(h.tap("kbd.done"));
          REQUIRE_FALSE(h.ui().keyboard_open());
          break;
        }
        default:  // a kind no walked questionnaire uses yet (not a compile error: item_kind.hpp's list)
          FAIL("the walker cannot answer a " << rk::describe(item->kind).name << " item yet; teach it");
      }
      const Answer* a = h.ui().session().answer(item->id);
      REQUIRE(a != nullptr);
      CHECK(a->given());
      break;  // the visible items may have changed (follow-ups): look again
    }
  }
  return answered;
}

}  // namespace rk::test
