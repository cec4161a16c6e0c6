# Sourced by deploy/backup and deploy/restore: pg_env_from_url URL sets PGURL to the URL without
# its password and exports the password as PGPASSWORD, so it never appears on a command line
# (`ps` shows every process's arguments to every user; the environment is the owner's only).
pg_env_from_url() {
  local parsed
  parsed=$(python3 - "$1" <<'PY'
import sys
from urllib.parse import unquote, urlsplit, urlunsplit

url = urlsplit(sys.argv[1])
netloc = url.netloc.rpartition("@")
userinfo, host = (netloc[0], netloc[2]) if netloc[1] else ("", url.netloc)
user, _, password = userinfo.partition(":")
clean = urlunsplit((url.scheme, f"{user}@{host}" if user else host, url.path, url.query, ""))
print(clean)
print(unquote(password))
PY
  ) || return 1
  PGURL=${parsed%%$'\n'*}
  if [ "$parsed" != "$PGURL" ]; then
    local password=${parsed#*$'\n'}
    [ -n "$password" ] && export PGPASSWORD="$password"
  fi
  export PGURL
}
