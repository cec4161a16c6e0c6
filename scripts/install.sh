#!/usr/bin/env bash
# Installs everything the project needs, idempotently: Debian packages (as root, or via sudo),
# the virtualenv in .venv/, the Python packages pinned in pyproject.toml, compiled translations.
# INSTALL_MODE=production (`make install-prod`, deploy/upgrade): the project's dependencies only,
# without the test tools and without the browser set-up.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
INSTALL_MODE=${INSTALL_MODE:-development}
case "$INSTALL_MODE" in
  production) extras="" ;;
  development) extras="[test]" ;;
  *) echo "install: INSTALL_MODE is production or development, not $INSTALL_MODE" >&2 && exit 1 ;;
esac
# WeasyPrint needs Pango; libharfbuzz-subset0 makes font subsetting ~6x faster; gettext compiles
# the translation catalogues.
DEB_PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 gettext fonts-dejavu-core)

missing=()
for pkg in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -x .venv/bin/python ]; then
  echo "Creating .venv/"
  "$PYTHON" -m venv .venv
fi

# Reinstall Python packages only when pyproject.toml changed since the last install.
stamp=.venv/.installed-pyproject-$INSTALL_MODE
if ! cmp -s pyproject.toml "$stamp" 2>/dev/null; then
  .venv/bin/python -m pip install -q --upgrade pip
  if [ "$INSTALL_MODE" = production ]; then
    .venv/bin/python -m pip install -q .
  else
    .venv/bin/python -m pip install -q -e ".$extras"
  fi
  cp pyproject.toml "$stamp"
fi

mkdir -p data media
# Compile every app's gettext catalogue (.po -> .mo).
.venv/bin/python manage.py compilemessages -v 0 --ignore=.venv

# Browser-test dependencies (Debian chromium, axe-core), when the browser-test setup exists; never
# on a server.
if [ "$INSTALL_MODE" != production ] && [ -f scripts/install-browser.sh ]; then
  bash scripts/install-browser.sh
fi
