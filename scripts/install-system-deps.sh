#!/usr/bin/env bash
# Installs the Debian packages gov-inspector needs on this machine, and nothing else:
#   chromium            the browser Playwright drives (binary /usr/bin/chromium)
#   fonts-wqy-microhei  a CJK font, so that rendered pages and header screenshots show Chinese text
#   tesseract-ocr, tesseract-ocr-chi-sim
#                       OCR with its Simplified Chinese model, to read header names drawn in images
#   fonts-arphic-ukai   a 楷体 (calligraphic) CJK font, in which the OCR tests draw header banners
#   redis-server        the queue's Redis, for `gov-inspect serve`/`worker` and for the tests, which start
#                       their own on a free loopback port
#   postgresql          PostgreSQL, for the tests of the results store against a real server (the service
#                       itself needs none: without DATABASE_URL it uses the embedded store)
#   poppler-utils       pdftotext, with which the tests read back the PDF reports
# Installing them starts no service; nothing is left running.
# Packages already present are left alone; run as root (or with sudo available).
set -euo pipefail

packages=(chromium fonts-wqy-microhei tesseract-ocr tesseract-ocr-chi-sim fonts-arphic-ukai redis-server postgresql
  poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "install-system-deps: all present (${packages[*]})"
  exit 0
fi

echo "install-system-deps: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
