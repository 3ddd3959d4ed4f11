#!/usr/bin/env bash
# Debian's Chromium for tests/render, which draws every diagram with the real Mermaid in headless
# Chromium (playwright-core downloads no browser). `make test` and .ci/run both run this: it does
# nothing when Chromium is there, installs Debian's package when it is missing and it runs as root
# with apt-get, and otherwise stops with one line saying what to run (exit 2).
# VPC_LAMBDA_CHROMIUM overrides the path the render spec launches (tests/cli/report/render/mermaid-browser.ts).
set -euo pipefail
chromium="${VPC_LAMBDA_CHROMIUM:-/usr/bin/chromium}"

if [[ -x "$chromium" ]]; then
    exit 0
fi
if [[ "$(id -u)" -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    echo "make test needs Chromium at $chromium for tests/render: run \`sudo apt-get install -y chromium\` (Debian's package), then make test again" >&2
    exit 2
fi
echo "chromium: not installed; installing Debian's package (apt-get install chromium) ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium > /dev/null
if [[ ! -x "$chromium" ]]; then
    echo "apt-get installed chromium, but $chromium is still missing: install a Chromium there, or set VPC_LAMBDA_CHROMIUM to its path" >&2
    exit 2
fi
echo "chromium: installed $("$chromium" --version 2>/dev/null || true)"
