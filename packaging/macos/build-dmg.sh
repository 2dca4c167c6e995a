#!/usr/bin/env bash
# Wrap the macOS bundle build.spec makes (dist/smtpgui.app) in a disk image, on a Mac.
#
#   pyinstaller --noconfirm build.spec && packaging/macos/build-dmg.sh
#
# Set CODESIGN_IDENTITY ("Developer ID Application: ...") to sign the bundle with the hardened
# runtime (packaging/macos/sign.sh; REQUIRE_DEVELOPER_ID=1 refuses an ad hoc release), and
# NOTARY_PROFILE (a `xcrun notarytool store-credentials` profile) to notarize and
# staple the image; without them the image is signed ad hoc, Gatekeeper asks before the first
# start (right-click > Open), and the Keychain asks for the password again after each update.
set -euo pipefail
cd "$(dirname "$0")/../.."

bundle=dist/smtpgui.app
[ -d "$bundle" ] || { echo "build-dmg.sh: $bundle is missing (run pyinstaller first)" >&2; exit 1; }
version=$(/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$bundle/Contents/Info.plist")
dmg="dist/smtpgui-$version.dmg"

"$bundle/Contents/MacOS/smtpgui" --self-test

# Developer ID with a stable identifier, or ad hoc with a warning (see sign.sh for why).
packaging/macos/sign.sh "$bundle"

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$bundle" "$staging/"
ln -s /Applications "$staging/Applications"  # drag the app onto it to install
rm -f "$dmg"
hdiutil create -volname "smtpgui $version" -srcfolder "$staging" -format UDZO -ov "$dmg"

if [ -n "${NOTARY_PROFILE:-}" ]; then
  xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
  xcrun stapler staple "$dmg"
fi
echo "$dmg"
