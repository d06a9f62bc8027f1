#pragma once
// A real CUPS scheduler for one test: its own config, spool, logs and port on 127.0.0.1, started
// with `cupsd -f` and stopped by PID. A cups-pdf queue writes into the test's own folder.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "pdf_tools.hpp"

namespace rk::test {

/// A localhost port nobody listens on right now: bind to port 0, note the port, close.
inline int unused_localhost_port() {
  const int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
  close(s);
  return ntohs(a.sin_port);
}

/// Runs `f` on a fresh thread that talks to `server`: libcups keeps its server per thread (read
/// from CUPS_SERVER at the thread's first call), and the app delivers from a worker thread too.
template <typename F>
auto on_worker(const std::string& server, F f) {
  return std::async(std::launch::async,
                    [&server, f] {
                      setenv("CUPS_SERVER", server.c_str(), 1);
                      return f();
                    })
      .get();
}

class PrivateCupsd {
 public:
  PrivateCupsd() : dir_("rk-cupsd") {
    port_ = unused_localhost_port();
    for (const char* sub : {"root", "spool", "spool/tmp", "cache", "state", "log", "out"}) {
      std::filesystem::create_directories(dir_ / sub);
    }
    // cupsd refuses group- or world-writable config dirs; lp filters must reach the spool.
    std::filesystem::permissions(dir_.path(), std::filesystem::perms(0755));
    std::ofstream(dir_ / "root/cupsd.conf") << "Listen 127.0.0.1:" << port_ << "\n"
                                            << "LogLevel info\nDefaultAuthType None\nWebInterface No\n"
                                               "Browsing No\nDefaultShared No\nJobRetryLimit 0\n"
                                               "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
                                               "<Policy default>\n  <Limit All>\n    Order deny,allow\n"
                                               "    Allow all\n  </Limit>\n</Policy>\n";
    std::ofstream(dir_ / "root/cups-files.conf")
        << "ServerRoot " << (dir_ / "root") << "\nRequestRoot " << (dir_ / "spool") << "\nTempDir "
        << (dir_ / "spool/tmp") << "\nCacheDir " << (dir_ / "cache") << "\nStateDir " << (dir_ / "state")
        << "\nAccessLog " << (dir_ / "log/access_log") << "\nErrorLog " << (dir_ / "log/error_log")
        << "\nPageLog " << (dir_ / "log/page_log") << "\nPrintcap " << (dir_ / "state/printcap")
        << "\nFileDevice No\nSystemGroup root\n";

    pid_ = fork();
    if (pid_ == 0) {
      const std::string c = dir_ / "root/cupsd.conf", s = dir_ / "root/cups-files.conf";
      execlp("cupsd", "cupsd", "-f", "-c", c.c_str(), "-s", s.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    // Ready when the port accepts connections.
    for (int i = 0; i < 200 && pid_ > 0 && !ready_; ++i) {
      ready_ = can_connect(port_);
      if (!ready_) std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) pid_ = -1;  // it died
    }
  }

  ~PrivateCupsd() {
    if (pid_ > 0) {
      kill(pid_, SIGCONT);  // a test may have stopped it (SIGSTOP): a stopped cupsd cannot exit
      kill(pid_, SIGTERM);
      for (int i = 0; i < 100; ++i) {
        if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
          pid_ = -1;
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      if (pid_ > 0) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
      }
    }
    std::error_code ec;
    if (!queue_config_.empty()) std::filesystem::remove(queue_config_, ec);
  }
  PrivateCupsd(const PrivateCupsd&) = delete;
  PrivateCupsd& operator=(const PrivateCupsd&) = delete;

  [[nodiscard]] bool ready() const { return ready_; }
  /// A fault: SIGSTOP leaves the port accepting connections that nobody answers; SIGCONT ends it.
  void signal(int sig) const {
    if (pid_ > 0) kill(pid_, sig);
  }
  [[nodiscard]] std::string server() const { return "127.0.0.1:" + std::to_string(port_); }
  [[nodiscard]] std::string log() const {
    return run("cat " + quote(dir_ / "log/error_log") + " 2>/dev/null").out;
  }
  /// Where the cups-pdf queue writes its PDFs.
  [[nodiscard]] const std::string& output_folder() const { return out_dir_; }

  /// Runs an admin command (lpadmin, cupsdisable, lpstat...) against this scheduler.
  [[nodiscard]] CommandResult admin(const std::string& tool, const std::string& args) const {
    return run(tool + " -h " + server() + " " + args + " 2>&1");
  }

  /// Adds a cups-pdf queue. cups-pdf reads /etc/cups/cups-pdf-<suffix>.conf for the device URI
  /// cups-pdf:/<suffix>, so each test gets its own output folder; if that file cannot be written,
  /// the Debian default applies (~/PDF of the job's user). `options` go to lpadmin as they are
  /// ("-o job-hold-until-default=indefinite": a queue that holds every job until it is released).
  bool add_pdf_queue(const std::string& queue, const std::string& options = "") {
    const std::string suffix = "rktest" + std::to_string(getpid());
    queue_config_ = "/etc/cups/cups-pdf-" + suffix + ".conf";
    std::ofstream conf(queue_config_);
    conf << "Out " << (dir_ / "out") << "\nAnonDirName " << (dir_ / "out") << "\nLabel 2\n";
    conf.close();
    if (conf) {
      out_dir_ = dir_ / "out";
    } else {
      queue_config_.clear();
      const passwd* pw = getpwuid(geteuid());
      out_dir_ = std::string(pw ? pw->pw_dir : "/root") + "/PDF";
    }
    // The pdftocairo renderer keeps the whole text layer: the Debian default ("hybrid", through
    // Ghostscript's ps2write) turns CID TrueType fonts into Type 3 fonts without a Unicode map, and
    // "pdftops" loses text after the first character beyond Latin-1. Paper looks right either way;
    // only pdftotext of cups-pdf's file would suffer.
    const CommandResult r = admin("lpadmin", "-p " + queue + " -E -v cups-pdf:/" + suffix +
                                                 " -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"
                                                 " -o pdftops-renderer-default=pdftocairo " +
                                                 options);
    return r.status == 0;
  }

  /// The ids of the jobs `lpstat -W which` lists ("not-completed", "completed": the latter counts
  /// canceled and aborted jobs as well).
  [[nodiscard]] std::vector<int> jobs(const std::string& which) const {
    std::vector<int> ids;
    std::istringstream lines(admin("lpstat", "-W " + which + " -o").out);
    for (std::string line; std::getline(lines, line);) {
      const auto space = line.find(' ');  // "QUEUE-ID  user  size  date"
      const auto dash = space == std::string::npos ? space : line.rfind('-', space);
      if (dash != std::string::npos) {
        ids.push_back(std::atoi(line.substr(dash + 1, space - dash - 1).c_str()));
      }
    }
    return ids;
  }

  /// Releases every held job (`lp -i ID -H resume`); how many it released.
  int release_held_jobs() const {
    int released = 0;
    for (const int id : jobs("not-completed")) {
      released += admin("lp", "-i " + std::to_string(id) + " -H resume").status == 0 ? 1 : 0;
    }
    return released;
  }

 private:
  static bool can_connect(int port) {
    const int s = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    close(s);
    return ok;
  }

  TempDir dir_;
  int port_ = 0;
  pid_t pid_ = -1;
  bool ready_ = false;
  std::string out_dir_;
  std::string queue_config_;
};

}  // namespace rk::test
