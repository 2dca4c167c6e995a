#!/usr/bin/env bash
# Wrap the macOS bundle build.spec makes (dist/smtpgui.app) in a disk image, on a Mac.
#
#   pyinstaller --noconfirm build.spec && packaging/macos/build-dmg.sh
#
# Set CODESIGN_IDENTITY ("Developer ID Application: ...") for both commands: pyinstaller then
# signs every binary and the bundle inside out with the hardened runtime and
# packaging/macos/entitlements.plist (build.spec); sign.sh checks (and, for an ad hoc build,
# makes) the signature with the stable identifier the Keychain needs across updates
# (REQUIRE_DEVELOPER_ID=1 refuses an ad hoc release), and this script signs the disk image.
# NOTARY_PROFILE (a `xcrun notarytool store-credentials` profile) notarizes and staples the
# image. Without them the app is signed ad hoc, Gatekeeper asks before the first start
# (right-click > Open), and the Keychain asks for the password again after each update.
set -euo pipefail
cd "$(dirname "$0")/../.."

bundle=dist/smtpgui.app
[ -d "$bundle" ] || { echo "build-dmg.sh: $bundle is missing (run pyinstaller first)" >&2; exit 1; }
version=$(/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$bundle/Contents/Info.plist")
dmg="dist/smtpgui-$version.dmg"

identity=${CODESIGN_IDENTITY:-}
# Developer ID with a stable identifier, or ad hoc with a warning (see sign.sh for why).
packaging/macos/sign.sh "$bundle"
# The signature pyinstaller made must hold for every nested binary (verifying with --deep is
# right; signing with it is what notarization rejects), and the signed app must still work:
# the hardened runtime is what breaks a frozen Python app that lacks an entitlement.
codesign --verify --deep --strict --verbose=2 "$bundle"
"$bundle/Contents/MacOS/smtpgui" --self-test

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$bundle" "$staging/"
ln -s /Applications "$staging/Applications"  # drag the app onto it to install
rm -f "$dmg"
hdiutil create -volname "smtpgui $version" -srcfolder "$staging" -format UDZO -ov "$dmg"
if [ -n "$identity" ]; then
  codesign --sign "$identity" --timestamp "$dmg"  # notarization checks the image's signature too
  codesign --verify --strict "$dmg"
fi

if [ -n "${NOTARY_PROFILE:-}" ]; then
  xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
  xcrun stapler staple "$dmg"
fi
echo "$dmg"
