#include "delivery_error.hpp"

#include "enum_names.hpp"

namespace rk::delivery {

constexpr EnumNames<ErrorCode::RenderFailed> kCodeNames = {{
    {ErrorCode::None, "ok"},
    {ErrorCode::FolderUnavailable, "folder-unavailable"},
    {ErrorCode::PermissionDenied, "permission-denied"},
    {ErrorCode::ReadOnly, "read-only"},
    {ErrorCode::DiskFull, "disk-full"},
    {ErrorCode::WriteFailed, "write-failed"},
    {ErrorCode::NoPrinter, "no-printer"},
    {ErrorCode::PrinterUnreachable, "printer-unreachable"},
    {ErrorCode::PrinterStopped, "printer-stopped"},
    {ErrorCode::JobAborted, "job-aborted"},
    {ErrorCode::JobCanceled, "job-canceled"},
    {ErrorCode::PrintTimeout, "print-timeout"},
    {ErrorCode::PrintFailed, "print-failed"},
    {ErrorCode::RenderFailed, "render-failed"},
}};
static_assert(in_enum_order(kCodeNames), "kCodeNames names each ErrorCode once, in the enum's order");

std::string_view code_name(ErrorCode code) {
  return name_in(kCodeNames, code);
}

}  // namespace rk::delivery
