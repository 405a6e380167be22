#!/usr/bin/env bash
# Executes the notebooks headless against a demo database, failing on any cell error.
# Installs Debian's Jupyter packages if missing (no PyPI), starts `./contactsync serve-demo-db`
# (embedded PostgreSQL, generated profiles, backfill with progress samples, verification runs),
# runs both notebooks with nbconvert and keeps the executed HTML in target/notebooks/.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(jupyter-nbconvert python3-ipykernel python3-pandas python3-matplotlib python3-psycopg2)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

out=target/notebooks
mkdir -p "$out"
rm -f "$out"/*.html "$out"/demo.dsn
dsn_file="$out/demo.dsn"
log="$out/serve-demo-db.log"

./contactsync serve-demo-db --profiles "${NOTEBOOK_PROFILES:-20000}" --dsn-file "$dsn_file" >"$log" 2>&1 &
server=$!
stop_server() {
  if kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server"   # its shutdown hook stops PostgreSQL
    wait "$server" 2>/dev/null || true
  fi
}
trap stop_server EXIT

# The DSN file appears once the data is loaded, backfilled and verified.
for _ in $(seq 1 "${NOTEBOOK_SERVER_TIMEOUT:-900}"); do
  [[ -s "$dsn_file" ]] && break
  if ! kill -0 "$server" 2>/dev/null; then
    cat "$log" >&2
    echo "notebooks: serve-demo-db stopped before the database was ready" >&2
    exit 1
  fi
  sleep 1
done
if [[ ! -s "$dsn_file" ]]; then
  tail -50 "$log" >&2
  echo "notebooks: the demo database was not ready in time" >&2
  exit 1
fi
tail -5 "$log"

export CONTACTSYNC_DSN="$(cat "$dsn_file")"
export MPLBACKEND=Agg
for notebook in quality_report migration_progress; do
  # Debian's nbconvert runs the notebook's python3 kernel with Debian's python3, which has the packages.
  /usr/bin/python3 -m nbconvert --to html --execute --ExecutePreprocessor.timeout=600 \
    --output-dir "$out" "notebooks/$notebook.ipynb"
done
ls -l "$out"/*.html
echo "notebooks: both executed without a cell error; HTML in $out"
