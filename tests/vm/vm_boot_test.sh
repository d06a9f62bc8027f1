#!/usr/bin/env bash
# The end-to-end boot test (issue 15): build the .deb with CPack, make a minimal Debian 12 disk
# with it installed offline (make_image.sh, base system cached), boot it in QEMU (TCG) and check
# the kiosk from power-on to the watchdog (vm_boot_test.py). Prints the figures as `vm: ...`.
# Usage: vm_boot_test.sh BUILD_DIR. Exit 77 (skipped) when QEMU, mmdebstrap, root or the Debian
# archive is not there; never a pass without a boot.
set -euo pipefail

build_dir=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
work="$build_dir/vm-test"

skip() { echo "SKIP: $*" >&2; exit 77; }
[ "$(id -u)" -eq 0 ] || skip "the VM test builds a root file system (chroot, owners); run it as root"
for tool in qemu-system-x86_64 mmdebstrap mkfs.ext4 python3 cpack; do
  command -v "$tool" > /dev/null || skip "$tool is not installed (scripts/setup.sh test installs it)"
done
qemu-system-x86_64 -accel help 2>/dev/null | grep -qx tcg || skip "this QEMU has no TCG accelerator"

rm -rf "$work"
mkdir -p "$work/deb" "$work/image" "$work/run"
start=$(date +%s)
cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/deb" > "$work/cpack.log" 2>&1 || {
  cat "$work/cpack.log" >&2; echo "FAIL: cpack -G DEB" >&2; exit 1; }
deb=$(ls "$work"/deb/readiness-kiosk_*.deb)
echo "vm: package $(basename "$deb"), Depends: $(dpkg-deb -f "$deb" Depends)"

# The base system needs Debian's archive the first time (then it is cached).
rc=0
bash "$here/make_image.sh" "$deb" "$work/image" || rc=$?
[ "$rc" -eq 0 ] || exit "$rc"
echo "vm: image ready in $(( $(date +%s) - start )) s"

python3 "$here/vm_boot_test.py" "$work/image" "$work/run"
rm -f "$work/image/disk.raw"
echo "vm: the whole test took $(( $(date +%s) - start )) s"
