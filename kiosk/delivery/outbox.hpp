#pragma once
// The outbox: a finished summary is written here (atomically, mode 0600, in a 0700 folder inside
// the save folder, so on the same file system) before the patient is told anything, and only a
// delivered summary leaves it. Each entry is one folder named after the summary,
//
//   <save_folder>/.outbox/summary-YYYYMMDD-HHMMSS-xxxxxxxx/
//       summary-YYYYMMDD-HHMMSS-xxxxxxxx.pdf        the payload: every file whose name has no
//       summary-YYYYMMDD-HHMMSS-xxxxxxxx.fhir.json  leading dot is saved as is (issue 12 adds this)
//       .printed  .saved  .save-instead             progress markers (empty files)
//       .last-error                                 why the last attempt failed (no patient data)
//       .job                                        the CUPS job sent for it (print_job.hpp), recorded
//                                                   before the document goes, so a restart never prints twice
//
// built under ".tmp-<id>" and renamed into place, so an entry is whole or absent. The decisions
// (what to attempt, when an entry is done, whether the kiosk can keep summaries) are pure
// functions at the bottom, tested on their own.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "delivery_error.hpp"
#include "print_job.hpp"

namespace rk::delivery {

/// A file of a summary: its final name ("summary-….pdf") and bytes.
struct OutboxFile {
  std::string name;
  std::vector<unsigned char> bytes;
};

struct OutboxEntry {
  std::string id;                  ///< "summary-YYYYMMDD-HHMMSS-xxxxxxxx"
  std::string folder;              ///< the entry's folder
  std::vector<std::string> files;  ///< payload file names, sorted
  bool printed = false;
  bool saved = false;
  bool save_instead = false;     ///< staff chose "Save to folder instead": printing no longer wanted
  std::string last_error;        ///< "" when none recorded
  std::optional<JobTicket> job;  ///< a print job an attempt submitted, whatever became of it
  [[nodiscard]] std::string pdf_path() const;  ///< the payload file ending in ".pdf" ("" if none)
};

struct PutResult {
  ErrorCode code = ErrorCode::None;
  std::string reason;  ///< staff-readable, no patient data; "" when kept
  OutboxEntry entry;
  [[nodiscard]] bool ok() const { return code == ErrorCode::None; }
};

/// The outbox folder for a save folder: "<save_folder>/.outbox".
std::string outbox_folder(const std::string& save_folder);

/// "summary-YYYYMMDD-HHMMSS-xxxxxxxx" (UTC, random suffix): an entry id and its files' stem.
std::string new_summary_id(std::chrono::system_clock::time_point when);

/// Writes `files` as one new entry `id` (each file 0600, fsynced; folders 0700; the entry renamed
/// into place and the outbox fsynced). Creates the outbox (and save folder) when missing. Never throws.
PutResult put_in_outbox(const std::string& outbox, const std::string& id,
                        const std::vector<OutboxFile>& files);

/// The complete entries, oldest first. Half-built ".tmp-*" folders are not listed.
std::vector<OutboxEntry> list_outbox(const std::string& outbox);

/// Reads one payload file of an entry; false when it cannot be read.
bool read_entry_file(const OutboxEntry& entry, const std::string& name, std::vector<unsigned char>& bytes);

/// Progress markers. mark() returns false when the marker could not be written (the progress is then
/// redone after a restart: a duplicate print or copy, never a loss).
bool mark(OutboxEntry& entry, const std::string& marker);  ///< ".printed", ".saved", ".save-instead"
void record_error(OutboxEntry& entry, const std::string& reason);
/// Records the job a print attempt submitted (".job", replaced atomically, fsynced with its folder)
/// before its document is sent. False when it could not be written (a restart may then print twice).
bool record_job(OutboxEntry& entry, const JobTicket& ticket);
/// Forgets the recorded job (it is gone, or will be printed anew).
void forget_job(OutboxEntry& entry);
/// Deletes the entry's folder. False (entry kept) when it cannot.
bool remove_entry(const OutboxEntry& entry);

/// Start-up clean-up: ".tmp-*" entries left by a crash. Returns how many were removed.
int remove_unfinished_entries(const std::string& outbox);
/// Entries older than `retention_days` (by their oldest file) are deleted; returns them.
std::vector<std::string> remove_expired_entries(const std::string& outbox, int retention_days,
                                                std::chrono::system_clock::time_point now);

// --- Decisions (pure) ----------------------------------------------------------------------------

struct Requested {
  bool print = false;
  bool save = false;
};
/// What the config asks for, narrowed by the staff's "Save to folder instead".
Requested requested_for(bool print_wanted, bool save_wanted, bool save_instead);

/// Every requested output has succeeded: the entry may leave the outbox.
bool entry_done(Requested requested, bool printed, bool saved);

/// Within one round of deliveries, what failed already (so a hung printer is waited for once per
/// round, not once per pending summary).
struct RoundState {
  bool print_failed = false;
  bool save_failed = false;
};
/// Try to print this entry now?
bool should_print(Requested requested, bool printed, const RoundState& round);
/// Try to save it now? Saving is wanted when asked for, and as the fallback of a print that has not
/// happened (the therapist can read the folder; the outbox is private).
bool should_save(Requested requested, bool printed, bool saved, const RoundState& round);

/// What the kiosk found about its folders, for keep_summaries_problem().
struct FolderProbe {
  std::string folder;      ///< the save folder
  std::string problem;     ///< "" when the folders exist (or could be made) and are folders
  bool writable = false;   ///< the kiosk may create files in both folders
  bool read_only = false;  ///< the file system is mounted read-only
  std::uint64_t free_bytes = 0;
};
/// Free space the kiosk wants before it starts a session: a few summaries, twice (outbox + folder).
inline constexpr std::uint64_t kMinFreeBytes = 2ull * 1024 * 1024;
/// "" when summaries can be kept; else a staff-readable reason for the "out of service" notice.
std::string keep_summaries_problem(const FolderProbe& probe, std::uint64_t min_free = kMinFreeBytes);
/// Looks at the save folder and its outbox (creating them, 0700, when missing). Never throws.
FolderProbe probe_folders(const std::string& save_folder);

}  // namespace rk::delivery
