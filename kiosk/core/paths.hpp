#pragma once
// Where the kiosk's shipped files live, found at run time.

#include <string>

namespace rk {

/// The folder holding questionnaires/ and assets/: $READINESS_KIOSK_DATA_DIR when set, else the
/// installed data dir when it exists, else the source tree this binary was built from.
std::string data_dir();

/// The default save folder: $XDG_DATA_HOME/readiness-kiosk/summaries, else
/// $HOME/.local/share/readiness-kiosk/summaries.
std::string default_save_folder();

}  // namespace rk
