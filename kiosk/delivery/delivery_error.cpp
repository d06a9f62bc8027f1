#include "delivery_error.hpp"

namespace rk::delivery {

std::string_view code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::None:
      return "ok";
    case ErrorCode::FolderUnavailable:
      return "folder-unavailable";
    case ErrorCode::PermissionDenied:
      return "permission-denied";
    case ErrorCode::ReadOnly:
      return "read-only";
    case ErrorCode::DiskFull:
      return "disk-full";
    case ErrorCode::WriteFailed:
      return "write-failed";
    case ErrorCode::NoPrinter:
      return "no-printer";
    case ErrorCode::PrinterUnreachable:
      return "printer-unreachable";
    case ErrorCode::PrinterStopped:
      return "printer-stopped";
    case ErrorCode::JobAborted:
      return "job-aborted";
    case ErrorCode::JobCanceled:
      return "job-canceled";
    case ErrorCode::PrintTimeout:
      return "print-timeout";
    case ErrorCode::PrintFailed:
      return "print-failed";
    case ErrorCode::RenderFailed:
      return "render-failed";
  }
  return "unknown";
}

}  // namespace rk::delivery
