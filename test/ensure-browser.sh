#!/usr/bin/env bash
# Run by `npm test` (pretest): the HTML report's browser test drives Debian's
# chromium (puppeteer-core downloads none) and reads its PDF back with
# poppler's pdftotext. A fresh machine has neither, so they are installed from
# Debian's packages when missing (as root, else with sudo).
set -euo pipefail
command -v chromium >/dev/null && command -v pdftotext >/dev/null && exit 0
echo "starcheck tests: installing Debian's chromium and poppler-utils for the HTML report's browser test" >&2
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium poppler-utils >/dev/null
