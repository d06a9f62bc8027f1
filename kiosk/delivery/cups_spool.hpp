#pragma once
// CUPS keeps a copy of every printed file in its spool (/var/spool/cups/d*) for a day unless
// cupsd.conf says `PreserveJobFiles No`: a copy of the summary that outlives the kiosk's own
// retention. The staff screen warns when the local scheduler does so.

#include <string>
#include <string_view>

namespace rk::delivery {

/// Does this cupsd.conf text keep job files? (CUPS's default, when the directive is absent, is a day.)
bool preserves_job_files(std::string_view cupsd_conf);

/// A staff-readable warning when the local cupsd (CUPS_SERVER unset, localhost or a socket) keeps
/// job files per `cupsd_conf_path`; "" when it does not, or when printing goes to another machine.
std::string cups_spool_warning(const std::string& cupsd_conf_path = "/etc/cups/cupsd.conf");

}  // namespace rk::delivery
