#!/usr/bin/env bash
# Sign dist/smtpgui.app with a Developer ID, so that the Keychain keeps trusting it across
# updates; on a Mac.
#
#   CODESIGN_IDENTITY="Developer ID Application: Example Ltd (TEAMID1234)" \
#     packaging/macos/sign.sh [dist/smtpgui.app]
#
# Why: macOS remembers which app may read a Keychain item by the app's "designated
# requirement". Signed ad hoc (no identity), that requirement is the hash of this very build,
# so after every update the Keychain asks again for the saved password ("smtpgui wants to use
# your confidential information..."). Signed with a Developer ID it is "this identifier,
# signed by this team", the same for every version: the grant survives updates. The
# identifier is the bundle's CFBundleIdentifier (org.smtpgui.smtpgui, BUNDLE_ID in
# build.spec): never change it, or every user is asked again.
#
# Without CODESIGN_IDENTITY the bundle is signed ad hoc and a warning says what that costs;
# REQUIRE_DEVELOPER_ID=1 (for release builds) makes that an error instead.
set -euo pipefail
cd "$(dirname "$0")/../.."

bundle=${1:-dist/smtpgui.app}
[ -d "$bundle" ] || { echo "sign.sh: $bundle is missing (run pyinstaller first)" >&2; exit 1; }
plistbuddy=${PLISTBUDDY:-/usr/libexec/PlistBuddy}  # (a stand-in in tests/test_packaging_macos.py)
identifier=$("$plistbuddy" -c "Print :CFBundleIdentifier" "$bundle/Contents/Info.plist")
identity=${CODESIGN_IDENTITY:--}  # "-": ad hoc
if [ "$identity" = "-" ] && [ "${REQUIRE_DEVELOPER_ID:-0}" = 1 ]; then
  echo "sign.sh: REQUIRE_DEVELOPER_ID=1 but CODESIGN_IDENTITY is not set" >&2
  exit 1
fi

# Inside out: every library and executable first, then the bundle (Apple advises against
# relying on --deep to sign nested code). The hardened runtime is what notarization needs.
sign() { codesign --force --timestamp --options runtime --sign "$identity" "$@"; }
find "$bundle/Contents" -type f \( -name '*.dylib' -o -name '*.so' -o -perm -u+x \) \
  ! -path '*/Contents/MacOS/smtpgui' -print0 | while IFS= read -r -d '' file; do
  if file -b "$file" | grep -q 'Mach-O'; then sign "$file"; fi
done
# The hardened runtime's exceptions a frozen Python needs (the same file build.spec gives
# PyInstaller): signing again without them would drop them.
sign --entitlements packaging/macos/entitlements.plist --identifier "$identifier" "$bundle"
codesign --verify --deep --strict "$bundle"

requirement=$(codesign --display --requirements - "$bundle" 2>&1)
if [ "$identity" = "-" ]; then
  echo "sign.sh: WARNING: signed ad hoc. The Keychain will ask for the saved password again" \
    "after every update; set CODESIGN_IDENTITY to a Developer ID Application identity." >&2
elif ! grep -q "identifier \"$identifier\"" <<<"$requirement" \
  || ! grep -q 'certificate leaf\[subject.OU\]' <<<"$requirement"; then
  echo "sign.sh: the designated requirement does not name $identifier and a team:" >&2
  echo "$requirement" >&2
  exit 1
fi
echo "signed $bundle as $identifier ($identity)"
