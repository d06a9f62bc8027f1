#!/usr/bin/env bash
# The .deb as CI checks it (issue 5): build it with CPack, lintian without errors, install it
# with dpkg -i + apt-get -f install, check the installed layout, systemd-analyze verify the unit,
# --check the shipped questionnaires from the installed paths (as the kiosk user too), set a PIN
# in the installed config, then purge and check that nothing is left. Last, an upgrade from 0.1.0,
# which shipped /etc/pam.d/readiness-kiosk: the upgrade removes it (kept as .dpkg-bak if changed).
# Usage: deb_package_test.sh BUILD_DIR. Needs root; exits 77 (skipped) without it.
set -euo pipefail

build_dir=$(cd "$1" && pwd)
work="$build_dir/packaging-test"
unit=/lib/systemd/system/readiness-kiosk.service
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
expect_stat() {  # PATH "MODE OWNER:GROUP"
  local got
  got=$(stat -c '%a %U:%G' "$1" 2>/dev/null || echo missing)
  [ "$got" = "$2" ] && ok "$1 is $2" || fail "$1 is $got, expected $2"
}

if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP: the packaging test installs and purges a package; run it as root" >&2
  exit 77
fi
if dpkg-query -W -f='${Status}' readiness-kiosk 2>/dev/null | grep -q "installed"; then
  echo "SKIP: readiness-kiosk is installed on this machine; this test would purge it" >&2
  exit 77
fi

purge() { dpkg --purge readiness-kiosk >/dev/null 2>&1 || true; }
trap purge EXIT

# --- Build -------------------------------------------------------------------------------------
rm -rf "$work"
mkdir -p "$work"
cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work" > "$work/cpack.log" 2>&1 || {
  cat "$work/cpack.log" >&2
  fail "cpack -G DEB"
  exit 1
}
deb=$(ls "$work"/readiness-kiosk_*.deb)
ok "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"
dpkg-deb -f "$deb" Depends

# --- lintian: no errors (warnings are printed, not fatal) -------------------------------------
if lintian --fail-on error --allow-root "$deb" > "$work/lintian.txt" 2>&1; then
  ok "lintian: no errors ($(grep -c '^W:' "$work/lintian.txt" || true) warnings)"
else
  fail "lintian reports errors"
fi
cat "$work/lintian.txt"

# --- Install --------------------------------------------------------------------------------
export DEBIAN_FRONTEND=noninteractive
dpkg -i "$deb" > "$work/dpkg.log" 2>&1 || echo "dpkg -i left dependencies to resolve; apt-get -f install follows"
apt-get -f install -y -q > "$work/apt.log" 2>&1 || { cat "$work/dpkg.log" "$work/apt.log" >&2; fail "apt-get -f install"; }
if [ "$(dpkg-query -W -f='${Status}' readiness-kiosk 2>/dev/null)" = "install ok installed" ]; then
  ok "installed"
else
  cat "$work/dpkg.log" "$work/apt.log" >&2
  fail "the package is not installed after dpkg -i + apt-get -f install"
  exit 1
fi

# --- The installed layout ------------------------------------------------------------------
[ -x /usr/bin/readiness-kiosk ] && ok "/usr/bin/readiness-kiosk" || fail "no /usr/bin/readiness-kiosk"
ls /usr/share/readiness-kiosk/questionnaires/*.toml > /dev/null 2>&1 && ok "questionnaires installed" || fail "no questionnaires"
[ -d /usr/share/readiness-kiosk/assets ] && ok "assets installed" || fail "no assets"
[ -f /usr/share/doc/readiness-kiosk/README.md ] && ok "deployment guide installed" || fail "no README.md in /usr/share/doc"
getent passwd readiness-kiosk > /dev/null && ok "system user readiness-kiosk" || fail "no user readiness-kiosk"
[ "$(getent passwd readiness-kiosk | cut -d: -f7)" = /usr/sbin/nologin ] && ok "no login shell" || fail "the kiosk user has a login shell"
expect_stat /var/lib/readiness-kiosk/summaries "700 readiness-kiosk:readiness-kiosk"
expect_stat /etc/readiness-kiosk/kiosk.toml "640 root:readiness-kiosk"
conffiles=$(dpkg-query -W -f='${Conffiles}' readiness-kiosk)
grep -q /etc/readiness-kiosk/kiosk.toml <<< "$conffiles" && ok "conffile kiosk.toml" || fail "kiosk.toml is not a conffile"

# --- The lock-down (tests/vm checks it in force after a boot) --------------------------------
grep -qx 'kernel.sysrq = 0' /usr/lib/sysctl.d/90-readiness-kiosk.conf && ok "sysctl.d: SysRq off" || fail "no SysRq lock-down"
grep -qx 'NAutoVTs=0' /usr/lib/systemd/logind.conf.d/90-readiness-kiosk.conf \
  && grep -qx 'ReserveVT=0' /usr/lib/systemd/logind.conf.d/90-readiness-kiosk.conf \
  && ok "logind.conf.d: no spare VTs" || fail "no VT lock-down"
grep -qx 'CtrlAltDelBurstAction=none' /usr/lib/systemd/system.conf.d/90-readiness-kiosk.conf \
  && ok "system.conf.d: no Ctrl+Alt+Del burst reboot" || fail "no Ctrl+Alt+Del burst lock-down"
[ "$(readlink /etc/systemd/system/ctrl-alt-del.target)" = /dev/null ] && ok "ctrl-alt-del.target masked" \
  || fail "ctrl-alt-del.target is not masked"

# --- The unit ------------------------------------------------------------------------------
if systemd-analyze verify "$unit" > "$work/verify.txt" 2>&1; then
  ok "systemd-analyze verify"
else
  fail "systemd-analyze verify"
fi
cat "$work/verify.txt"
for setting in Type=notify WatchdogSec= NotifyAccess=all Restart=always ExecReload= NoNewPrivileges=yes ProtectSystem=strict \
               ProtectHome=yes PrivateTmp=yes ReadWritePaths=/var/lib/readiness-kiosk/summaries LimitCORE=0; do
  grep -q "^$setting" "$unit" && ok "unit has $setting" || fail "unit lacks $setting"
done
grep -q "^PrivateNetwork=yes" "$unit" && fail "PrivateNetwork=yes would cut the kiosk off from CUPS"
systemd-analyze security --offline=yes "$unit" 2>/dev/null | tail -1 || true

# --- --check from the installed paths, as root and as the kiosk user -----------------------
if /usr/bin/readiness-kiosk --check /usr/share/readiness-kiosk/questionnaires/*.toml; then
  ok "--check passes on the installed questionnaires"
else
  fail "--check on the installed questionnaires"
fi
if runuser -u readiness-kiosk -- /usr/bin/readiness-kiosk --check /usr/share/readiness-kiosk/questionnaires/*.toml > /dev/null; then
  ok "--check passes as readiness-kiosk"
else
  fail "--check as the kiosk user"
fi

# --- --set-pin on the installed config keeps its mode and owner ----------------------------
if printf '2580\n' | /usr/bin/readiness-kiosk --set-pin > "$work/set-pin.txt" 2>&1; then
  ok "--set-pin on /etc/readiness-kiosk/kiosk.toml"
else
  cat "$work/set-pin.txt" >&2
  fail "--set-pin"
fi
grep -q '^staff_pin_hash = "\$argon2id\$' /etc/readiness-kiosk/kiosk.toml && ok "staff_pin_hash written" || fail "no staff_pin_hash line"
grep -q 2580 /etc/readiness-kiosk/kiosk.toml && fail "the PIN itself is in the config"
expect_stat /etc/readiness-kiosk/kiosk.toml "640 root:readiness-kiosk"
ls -A /etc/readiness-kiosk | grep -v '^kiosk.toml$' && fail "temp files left in /etc/readiness-kiosk"

# --- Purge leaves the machine clean, the outbox included ------------------------------------
# A summary waiting in the outbox, as the kiosk user makes it (issue 10).
runuser -u readiness-kiosk -- sh -c 'umask 077; mkdir -p /var/lib/readiness-kiosk/summaries/.outbox/summary-20261129-101500-0000aaaa && echo "%PDF-1.4" > /var/lib/readiness-kiosk/summaries/.outbox/summary-20261129-101500-0000aaaa/summary-20261129-101500-0000aaaa.pdf' \
  && ok "an outbox entry made as readiness-kiosk" || fail "cannot make an outbox entry as the kiosk user"
dpkg --purge readiness-kiosk > "$work/purge.log" 2>&1 || { cat "$work/purge.log" >&2; fail "dpkg --purge"; }
trap - EXIT
dpkg-query -W -f='${Status}' readiness-kiosk 2>/dev/null | grep -q installed && fail "still installed after purge"
for p in /usr/bin/readiness-kiosk /usr/share/readiness-kiosk /etc/readiness-kiosk /var/lib/readiness-kiosk \
         /var/log/readiness-kiosk "$unit" /usr/lib/sysctl.d/90-readiness-kiosk.conf \
         /usr/lib/systemd/logind.conf.d/90-readiness-kiosk.conf /etc/systemd/system/ctrl-alt-del.target; do
  [ -e "$p" ] && fail "$p is left after purge"
done
getent passwd readiness-kiosk > /dev/null && fail "user readiness-kiosk is left after purge"
getent group readiness-kiosk > /dev/null && fail "group readiness-kiosk is left after purge"
[ "$failures" -eq 0 ] && ok "purged; nothing left"

# --- Upgrade from 0.1.0 ----------------------------------------------------------------------
# 0.1.0 (git: 2987e5d .. 0d3f334^) also shipped the conffile /etc/pam.d/readiness-kiosk for a
# logind session. It is rebuilt here from this package: the same files plus that conffile, with
# 0.1.0's version and without the scripts' rm_conffile calls, which is all dpkg looks at.
pam=/etc/pam.d/readiness-kiosk
previous_dir="$work/previous"
rm -rf "$previous_dir"
dpkg-deb -R "$deb" "$previous_dir"
mkdir -p "$previous_dir/etc/pam.d"
cat > "$previous_dir$pam" <<'PAM'
# PAM service of readiness-kiosk.service (PAMName=readiness-kiosk). systemd only opens a session
# with it (nobody logs in): pam_systemd registers a logind session on tty1, which lets cage open
# the display and the touch screen as the unprivileged readiness-kiosk user.
auth     required pam_unix.so
account  required pam_unix.so
session  required pam_unix.so
session  required pam_systemd.so
PAM
echo "$pam" >> "$previous_dir/DEBIAN/conffiles"
(cd "$previous_dir" && md5sum "${pam#/}") >> "$previous_dir/DEBIAN/md5sums"
rm -f "$previous_dir/DEBIAN/preinst"
sed -i '/dpkg-maintscript-helper/d' "$previous_dir/DEBIAN/postinst" "$previous_dir/DEBIAN/postrm"
sed -i 's/^Version: .*/Version: 0.1.0/' "$previous_dir/DEBIAN/control"
previous="$work/readiness-kiosk_0.1.0_previous.deb"
dpkg-deb --root-owner-group -b "$previous_dir" "$previous" > /dev/null

upgrade_from_previous() {  # $1: "changed" to edit the PAM file before the upgrade
  trap purge EXIT
  dpkg -i "$previous" > "$work/previous.log" 2>&1 || { cat "$work/previous.log" >&2; fail "dpkg -i 0.1.0"; return; }
  [ -f "$pam" ] && ok "0.1.0 installed $pam" || fail "0.1.0 did not install $pam"
  if [ "${1:-}" = changed ]; then echo "# changed by the administrator" >> "$pam"; fi
  dpkg -i "$deb" > "$work/upgrade.log" 2>&1 || { cat "$work/upgrade.log" >&2; fail "dpkg -i: the upgrade from 0.1.0"; }
  [ "$(dpkg-query -W -f='${Version}' readiness-kiosk)" = "$(dpkg-deb -f "$deb" Version)" ] \
    && ok "upgraded from 0.1.0 to $(dpkg-deb -f "$deb" Version)" || fail "not upgraded"
  if [ -e "$pam" ]; then fail "$pam is left after the upgrade from 0.1.0"; fi
  if dpkg-query -W -f='${Conffiles}' readiness-kiosk | grep -q "$pam"; then fail "dpkg still lists $pam"; fi
}
upgrade_from_previous
[ -e "$pam" ] || ok "the upgrade removed $pam (unchanged)"
if [ -e "$pam.dpkg-bak" ]; then fail "$pam.dpkg-bak made from an unchanged file"; fi
purge
upgrade_from_previous changed
[ -f "$pam.dpkg-bak" ] && ok "a changed $pam is kept as $pam.dpkg-bak" || fail "no $pam.dpkg-bak for a changed file"
purge
trap - EXIT
for p in "$pam" "$pam.dpkg-bak" "$pam.dpkg-remove" /usr/bin/readiness-kiosk; do
  if [ -e "$p" ]; then fail "$p is left after purge"; fi
done
[ "$failures" -eq 0 ] && ok "upgrades from 0.1.0 leave no PAM file"

echo "packaging test: $failures failure(s)"
[ "$failures" -eq 0 ]
