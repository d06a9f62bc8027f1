#!/usr/bin/env bash
# Builds the disk the VM boot test (tests/vm) boots: a minimal Debian 12 with the .deb installed
# offline, the way packaging/README.md says (dpkg -i, then apt-get -f install).
#   make_image.sh DEB OUT_DIR
# Writes OUT_DIR/disk.raw (ext4, no partition table), OUT_DIR/vmlinuz and OUT_DIR/initrd.img.
#
# The base system comes from mmdebstrap --variant=important with the .deb's Depends (names only)
# plus the test's own extras. It is cached as a tarball in $RK_VM_CACHE (default
# ~/.cache/readiness-kiosk-vm), keyed by that package list and the apt sources, so a changed
# Depends builds a fresh base. No loop mounts: the root is a folder, then mkfs.ext4 -d.
# Needs root (chroot, file owners). Exit 77 when a tool is missing.
set -euo pipefail

deb=$(realpath "$1")
out=$(realpath -m "$2")
cache=${RK_VM_CACHE:-${HOME:-/root}/.cache/readiness-kiosk-vm}
here=$(cd "$(dirname "$0")" && pwd)

for tool in mmdebstrap mkfs.ext4 dpkg-deb chroot sha256sum; do
  command -v "$tool" > /dev/null || { echo "SKIP: $tool is not installed" >&2; exit 77; }
done
[ "$(id -u)" -eq 0 ] || { echo "SKIP: building the VM image needs root" >&2; exit 77; }

# What a Debian 12 minimal install has beyond "important" (a kernel, systemd as init, udev, and
# D-Bus for logind), and, for the test only, the QEMU guest agent the test drives the guest with.
extras=(linux-image-amd64 systemd-sysv udev dbus qemu-guest-agent)

# The .deb's Depends as bare names: first alternative, no versions, no :any.
mapfile -t depends < <(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed -e 's/|.*//' -e 's/(.*)//' -e 's/:any//' \
                       -e 's/[[:space:]]//g' | grep -v '^$')
mapfile -t pkgs < <(printf '%s\n' "${depends[@]}" "${extras[@]}" | sort -u)

# This machine's Debian sources (deb822 .sources or one-line .list files that name debian.org).
sources=()
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list; do
  [ -f "$f" ] && grep -qE '^[^#]*debian\.org' "$f" && sources+=("$f")
done
[ ${#sources[@]} -gt 0 ] || { echo "SKIP: no Debian apt source in /etc/apt" >&2; exit 77; }

recipe_version=1  # bump when the mmdebstrap command below changes
key=$( { echo "recipe $recipe_version bookworm important"; printf '%s\n' "${pkgs[@]}"; cat "${sources[@]}"; } \
       | sha256sum | cut -c1-16)
base="$cache/base-$key.tar"
mkdir -p "$cache"
if [ ! -s "$base" ]; then
  echo "vm image: building the base system $base (${#pkgs[@]} packages and their dependencies)"
  start=$(date +%s)
  mmdebstrap --variant=important --format=tar --include="$(IFS=,; echo "${pkgs[*]}")" \
    --skip=cleanup/apt/lists --quiet bookworm "$base.tmp" "${sources[@]}"
  mv "$base.tmp" "$base"
  echo "vm image: base built in $(( $(date +%s) - start )) s"
  # Keep only the newest bases (a changed Depends makes a new one).
  ls -1t "$cache"/base-*.tar | tail -n +3 | xargs -r rm -f
else
  echo "vm image: cached base $base"
fi

root="$out/root"
rm -rf "$root"
mkdir -p "$root"
tar -xf "$base" -C "$root" --numeric-owner

# --- Install the package offline, as packaging/README.md says --------------------------------
cp "$deb" "$root/tmp/"
debname=$(basename "$deb")
chroot "$root" env DEBIAN_FRONTEND=noninteractive sh -c \
  "dpkg -i /tmp/$debname || true; apt-get -o Acquire::http::Timeout=1 -o Acquire::Retries=0 -f install -y -q" \
  > "$out/install.log" 2>&1 || { cat "$out/install.log" >&2; echo "FAIL: the offline install" >&2; exit 1; }
[ "$(chroot "$root" dpkg-query -W -f='${Status}' readiness-kiosk)" = "install ok installed" ] || {
  cat "$out/install.log" >&2; echo "FAIL: readiness-kiosk is not installed in the image" >&2; exit 1; }
rm -f "$root/tmp/$debname"

# The administrator's steps from the guide: a PIN, then graphical.target and the unit enabled.
printf '2580\n' | chroot "$root" readiness-kiosk --set-pin > "$out/set-pin.log" 2>&1
chroot "$root" systemctl set-default graphical.target > /dev/null 2>&1
chroot "$root" systemctl enable readiness-kiosk.service > /dev/null 2>&1

# --- The test image only ---------------------------------------------------------------------
# No virgl in this VM: Mesa's kms_swrast would crash cage, so wlroots draws with pixman.
mkdir -p "$root/etc/systemd/system/readiness-kiosk.service.d"
cp "$here/guest/pixman.conf" "$root/etc/systemd/system/readiness-kiosk.service.d/"
echo readiness-vm > "$root/etc/hostname"

cp "$(ls -1 "$root"/boot/vmlinuz-* | sort -V | tail -1)" "$out/vmlinuz"
cp "$(ls -1 "$root"/boot/initrd.img-* | sort -V | tail -1)" "$out/initrd.img"
rm -f "$out/disk.raw"
mkfs.ext4 -q -F -L root -d "$root" "$out/disk.raw" 4G
rm -rf "$root"
echo "vm image: $out/disk.raw"
