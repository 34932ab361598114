#!/usr/bin/env bash
# Checks deploy/ on a machine without a container engine or a Kubernetes cluster, as far as that goes:
#   1. static checks (deploy/check_files.py): YAML parses; Compose, Kubernetes and Dockerfile hang together; the
#      autoscalers (3 to 20 at 70 % CPU, 80 % memory), every container's requests and limits, the Ingress and the
#      SignalR affinity; every environment variable set is a real setting (README row read in src/, or a named
#      platform variable)
#   2. `kubectl kustomize deploy/k8s` renders the manifests offline (when kubectl is installed)
#   3. the web stage: `npm ci` + `npm run build` with WEB_OUT_DIR, as the Dockerfile's web stage runs them
#   4. the build stage: `dotnet restore` + `dotnet publish` of src/Api and src/Silo, as the Dockerfile runs them
#   5. the images themselves: `docker build --target silo|api`, only when a Docker daemon answers
# Output goes to build/deploy-check/. Prints "ran:" or "skipped:" per step; exits non-zero when a step that ran failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly OUT=$PWD/build/deploy-check
rm -rf "$OUT"
mkdir -p "$OUT"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
exec </dev/null

ran=()
skipped=()
step() { printf '\n== %s\n' "$*"; }

step "static checks"
python3 -c 'import yaml' 2>/dev/null || { echo "PyYAML is missing: apt-get install python3-yaml" >&2; exit 1; }
python3 deploy/check_files.py
ran+=("static checks of Dockerfile, docker-compose.yml and deploy/k8s (deploy/check_files.py)")

step "kubectl kustomize deploy/k8s"
if command -v kubectl >/dev/null; then
  kubectl kustomize deploy/k8s >"$OUT/k8s.yaml"
  echo "rendered $(grep -c '^kind:' "$OUT/k8s.yaml") objects into $OUT/k8s.yaml"
  ran+=("kubectl kustomize deploy/k8s (offline render)")
else
  skipped+=("kubectl kustomize: kubectl is not installed")
fi

step "web stage: npm ci && npm run build"
(cd src/Web && npm ci --no-audit --no-fund --loglevel=error && WEB_OUT_DIR="$OUT/web" npm run --silent build)
test -f "$OUT/web/index.html"
echo "built $(find "$OUT/web" -type f | wc -l) files into $OUT/web"
ran+=("web stage: npm ci + npm run build into WEB_OUT_DIR")

step "build stage: dotnet restore + publish of src/Api and src/Silo"
dotnet restore src/Api/Api.csproj
dotnet publish src/Api/Api.csproj -c Release --no-restore -o "$OUT/api" -v q -nologo
dotnet publish src/Silo/Silo.csproj -c Release --no-restore -o "$OUT/silo" -v q -nologo
for file in api/InventoryProFlow.Api.dll api/appsettings.json silo/InventoryProFlow.Silo.dll silo/silosettings.json; do
  test -f "$OUT/$file" || { echo "missing $OUT/$file" >&2; exit 1; }
done
echo "published $OUT/api and $OUT/silo"
ran+=("build stage: dotnet publish of src/Api and src/Silo (Release)")

step "images: docker build --target silo / api"
if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  docker build -f deploy/Dockerfile --target silo -t inventory-pro-flow-silo .
  docker build -f deploy/Dockerfile --target api -t inventory-pro-flow-api .
  ran+=("docker build of the silo and api targets")
else
  skipped+=("docker build, docker compose up, kubectl apply: no Docker daemon or Kubernetes cluster on this machine")
fi

printf '\n'
for line in "${ran[@]}"; do printf 'ran:     %s\n' "$line"; done
for line in "${skipped[@]}"; do printf 'skipped: %s\n' "$line"; done
