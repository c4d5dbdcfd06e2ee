#!/usr/bin/env bash
# A province in a typhoon (docs/cluster.md): a generated province (COUNTIES × TOWNS × VILLAGES village plans, with
# their towns' and counties' plans) and one orange typhoon alert for all of it, on one node and on a 3-node cluster
# on this machine, against the raw batched PostgreSQL insert of the same events, in the same run. A throw-away
# PostgreSQL (the Debian package scripts/test.sh installs) is started on 127.0.0.1 for it.
# Usage: bash bench/cluster-time.sh [COUNTIES] [TOWNS] [VILLAGES] [NODES…]   (defaults 100 20 10 1 3: 20,000 villages)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build cli -c Release --nologo -v quiet >/dev/null
dotnet build bench/PlanLang.Bench -c Release --nologo -v quiet >/dev/null
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
data=$(mktemp -d /tmp/planlang-bench-pg-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$data"
as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --no-instructions >/dev/null
as_pg "$bin/pg_ctl" -D "$data" -w -l "$data/server.log" -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=300" start >/dev/null
trap 'as_pg "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null; rm -rf "$data"' EXIT
counties=${1:-100}; towns=${2:-20}; villages=${3:-10}; shift $(( $# < 3 ? $# : 3 )) || true
dotnet bench/PlanLang.Bench/bin/Release/net10.0/PlanLang.Bench.dll cluster "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres" "$counties" "$towns" "$villages" "${@:-1 3}"
