#include "walker.hpp"

#include <doctest/doctest.h>

#include <set>

namespace rk::test {

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
          type_keys(h, keys);
          REQUIRE(h.tap("kbd.done"));
          REQUIRE_FALSE(h.ui().keyboard_open());
          break;
        }
        case ItemKind::Info:
          break;
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
