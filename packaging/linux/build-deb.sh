#!/usr/bin/env bash
# Build a Debian package from the frozen one-folder app (pyinstaller --noconfirm build.spec).
#
#   packaging/linux/build-deb.sh [FROZEN_DIR] [OUT_DIR]     # defaults: dist/smtpgui dist
#
# The app goes to /opt/smtpgui, /usr/bin/smtpgui links to it, and the desktop entry, AppStream
# metainfo and hicolor icons (taken from the frozen folder's resources/) go where desktops look
# for them. No maintainer scripts: dpkg removes exactly what it installed, and Debian's own
# triggers (desktop-file-utils, the icon theme cache) refresh the menus and icon caches.
set -euo pipefail
cd "$(dirname "$0")/../.."

frozen=${1:-dist/smtpgui}
out=${2:-dist}
app=smtpgui
# Where people find the project and report problems (also in pyproject.toml and the metainfo).
homepage=${SMTPGUI_HOMEPAGE:-https://github.com/smtpgui/smtpgui}
maintainer=${SMTPGUI_MAINTAINER:-smtpgui maintainers <smtpgui@users.noreply.github.com>}
resources="$frozen/_internal/resources"
[ -x "$frozen/$app" ] || { echo "build-deb.sh: no frozen app in $frozen (run pyinstaller first)" >&2; exit 1; }
[ -d "$resources" ] || { echo "build-deb.sh: $resources is missing" >&2; exit 1; }

upstream=$("$frozen/$app" --version | awk '{print $2}')  # the frozen app says what it is
# Debian revision 1 of the upstream version; 0.2.0rc1 becomes 0.2.0~rc1, which sorts before
# 0.2.0 as a release candidate should.
version="$(echo "$upstream" | sed -E 's/(a|b|rc)([0-9]+)$/~\1\2/')-1"
arch=$(dpkg --print-architecture)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

# Libraries the frozen app links to but PyInstaller leaves to the system (the C library, GL,
# the display server's client libraries): each becomes a dependency. An unknown one stops the
# build, so a new dependency cannot slip into a package that fails to start.
package_for() {
  case "$1" in
    libc.so.6|libm.so.6|libdl.so.2|libpthread.so.0|librt.so.1|libresolv.so.2|libutil.so.1|ld-linux*) echo libc6 ;;
    libGL.so.1) echo libgl1 ;;
    libEGL.so.1) echo libegl1 ;;
    libGLX.so.0) echo libglx0 ;;
    libOpenGL.so.0) echo libopengl0 ;;
    libdrm.so.2) echo libdrm2 ;;
    libxcb.so.1) echo libxcb1 ;;
    libxcb-*.so.*) echo "${1%%.so.*}${1##*.so.}" ;;  # libxcb-icccm.so.4 -> libxcb-icccm4
    libX11.so.6) echo libx11-6 ;;
    libX11-xcb.so.1) echo libx11-xcb1 ;;
    libxkbcommon.so.0) echo libxkbcommon0 ;;
    libxkbcommon-x11.so.0) echo libxkbcommon-x11-0 ;;
    libwayland-client.so.0) echo libwayland-client0 ;;
    libwayland-cursor.so.0) echo libwayland-cursor0 ;;
    libwayland-egl.so.1) echo libwayland-egl1 ;;
    libfontconfig.so.1) echo libfontconfig1 ;;
    libdbus-1.so.3) echo libdbus-1-3 ;;
    *) return 1 ;;
  esac
}

system_libraries() {
  local frozen=$1
  find "$frozen" -type f \( -name '*.so' -o -name '*.so.*' -o -name "$app" \) -print0 \
    | xargs -0 objdump -p 2>/dev/null | awk '/^ *NEEDED/ {print $2}' | sort -u \
    | while read -r soname; do
        [ -n "$(find "$frozen" -name "$soname" -print -quit)" ] || echo "$soname"
      done
}

install -d "$root/opt/$app" "$root/usr/bin" "$root/DEBIAN"
cp -a "$frozen/." "$root/opt/$app/"
# The X11 client libraries Qt's xcb plugin links come from the system, always: PyInstaller
# bundles whichever the build machine happens to have, which made the package's contents and
# dependencies vary with the build machine. They are removed here and become dependencies.
find "$root/opt/$app/_internal" -maxdepth 1 \( -name 'libxcb*.so*' -o -name 'libX11*.so*' \
  -o -name 'libxkbcommon*.so*' \) -delete
# Shared libraries are not programs (lintian: shared-library-is-executable).
find "$root/opt/$app/_internal" -type f -name '*.so*' -exec chmod a-x {} +

depends=(libc6)
for soname in $(system_libraries "$root/opt/$app"); do
  package=$(package_for "$soname") \
    || { echo "build-deb.sh: no Debian package known for $soname: add it to package_for" >&2; exit 1; }
  depends+=("$package")
done
# The bootloader and Python need the C library they were built against, or a newer one.
glibc=$(ldd --version | awk 'NR==1 {print $NF}')
depends_line=$(printf '%s\n' "${depends[@]}" | sort -u | sed "s/^libc6$/libc6 (>= $glibc)/" \
  | paste -sd, - | sed 's/,/, /g')

ln -s "/opt/$app/$app" "$root/usr/bin/$app"
install -Dm644 "$resources/$app.desktop" "$root/usr/share/applications/$app.desktop"
install -Dm644 "$resources/$app.metainfo.xml" "$root/usr/share/metainfo/$app.metainfo.xml"
install -Dm644 "$resources/icons/$app.svg" "$root/usr/share/icons/hicolor/scalable/apps/$app.svg"
for png in "$resources"/icons/hicolor/*/apps/"$app".png; do
  size=$(basename "$(dirname "$(dirname "$png")")")
  install -Dm644 "$png" "$root/usr/share/icons/hicolor/$size/apps/$app.png"
done
install -Dm644 packaging/linux/copyright "$root/usr/share/doc/$app/copyright"
install -Dm644 packaging/linux/lintian-overrides "$root/usr/share/lintian/overrides/$app"
install -d "$root/usr/share/man/man1"
gzip -9n < packaging/linux/smtpgui.1 > "$root/usr/share/man/man1/$app.1.gz"
# The changelog's date is the commit's, so two builds of one commit give the same package.
stamp=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
gzip -9n > "$root/usr/share/doc/$app/changelog.Debian.gz" <<CHANGELOG
$app ($version) unstable; urgency=medium

  * Package of smtpgui $upstream: the frozen app (PyInstaller) in /opt/$app.

 -- $maintainer  $(LC_ALL=C date -u -R -d "@$stamp")
CHANGELOG

# Files as root:root, readable by all; executables keep their x bit.
chmod -R u=rwX,go=rX "$root"
find "$root/usr/share" -type f -exec chmod 644 {} +
cat > "$root/DEBIAN/control" <<CONTROL
Package: $app
Version: $version
Architecture: $arch
Maintainer: $maintainer
Homepage: $homepage
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends_line
Recommends: fonts-dejavu-core | fonts-liberation2, gnome-keyring | kwalletmanager
Section: mail
Priority: optional
Description: set up, test and safely store the outgoing mail (SMTP) server
 An office admin types the server, the login and the addresses; Test runs the
 whole SMTP conversation and explains any failure in plain words, and Save keeps
 the settings only if the test passed, with the password in the system keyring.
 In English and Spanish.
CONTROL

mkdir -p "$out"
deb="$out/${app}_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
