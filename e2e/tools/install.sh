#!/usr/bin/env bash
# `make e2e-tools`: the pinned Pulumi CLI and the YAML, Node.js and Python language hosts, built from the Go
# module proxy as dependencies of our tools modules (their own go.mod files carry `replace`
# lines, so `go install mod@version` refuses them), into .e2e/bin; then the AWS stand-in
# installed as the `aws` resource plugin and the awsx stand-in as the `awsx` one in .e2e/home, and
# .e2e/bin/pulumi-local.
# A binary is rebuilt only when the version it was built from (recorded beside it) changes.
#   e2e/tools/go.mod       the CLI (pkg/v3 and sdk/v3 v3.274.1) and gen-sdk (Pulumi's Go and
#                          Python code generators at that version)
#   e2e/tools/yaml/go.mod  pulumi-yaml v1.25.0, the newest the proxy serves, with the pkg/v3 and
#                          sdk/v3 it requires (v3.206.0): it does not compile against v3.274.1's
#                          pkg/v3, whose schema.NewPluginLoader and plugin.NewContextWithRoot changed.
#   e2e/tools/langhosts/go.mod  the newest Node.js and Python language hosts the proxy serves: the
#                          ones inside sdk/v3 v3.67.1, before each became a module of its own (which
#                          the proxy refuses at every version). They run programs; they have no
#                          RunPlugin, so plugins and policy packs from source need the executable
#                          plugins.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
E2E="$ROOT/.e2e"
BIN="$E2E/bin"
TOOLS="$ROOT/e2e/tools"
command -v go >/dev/null 2>&1 || export PATH="/usr/local/go/bin:$PATH"
command -v go >/dev/null 2>&1 || { echo "make e2e-tools: needs Go 1.26 (go) on PATH or in /usr/local/go/bin" >&2; exit 1; }
mkdir -p "$BIN"

# build <tools module dir> <binary> <main package> <module whose version it is> [version variable set at link time]
build() {
    local dir="$1" binary="$2" package="$3" module="$4" variable="${5:-}"
    local version stamp
    version="$(cd "$dir" && go list -m -f '{{.Version}}' "$module")"
    stamp="$module@$version $(go env GOVERSION)"
    if [[ "$package" == ./* ]]; then
        stamp="$stamp source $(cat "$dir/$package"/*.go | sha256sum | cut -c1-16)"
    fi
    if [ -x "$BIN/$binary" ] && [ "$(cat "$BIN/$binary.version" 2>/dev/null)" = "$stamp" ]; then
        echo "$binary: $stamp (cached)"
        return
    fi
    echo "$binary: building $stamp ..."
    local started=$SECONDS
    local flags=()
    [ -z "$variable" ] || flags=(-ldflags "-X $variable=$version")
    (cd "$dir" && go build "${flags[@]}" -o "$BIN/$binary" "$package")
    echo "$stamp" > "$BIN/$binary.version"
    echo "$binary: built in $((SECONDS - started)) s"
}

build "$TOOLS" pulumi github.com/pulumi/pulumi/pkg/v3/cmd/pulumi \
    github.com/pulumi/pulumi/pkg/v3 github.com/pulumi/pulumi/sdk/v3/go/common/version.Version
build "$TOOLS" vpc-lambda-gen-sdk ./gen-sdk github.com/pulumi/pulumi/pkg/v3
build "$TOOLS/yaml" pulumi-language-yaml github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml \
    github.com/pulumi/pulumi-yaml github.com/pulumi/pulumi-yaml/pkg/version.Version

build "$TOOLS/langhosts" pulumi-language-nodejs github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs \
    github.com/pulumi/pulumi/sdk/v3 github.com/pulumi/pulumi/sdk/v3/go/common/version.Version
build "$TOOLS/langhosts" pulumi-language-python github.com/pulumi/pulumi/sdk/v3/python/cmd/pulumi-language-python \
    github.com/pulumi/pulumi/sdk/v3 github.com/pulumi/pulumi/sdk/v3/go/common/version.Version
# The Python host runs a program through the script its release ships beside it (it looks for it
# next to its own executable): the one of the same sdk/v3, from the module cache.
SDK_V3_DIR="$(cd "$TOOLS/langhosts" && go list -m -f '{{.Dir}}' github.com/pulumi/pulumi/sdk/v3)"
install -m 755 "$SDK_V3_DIR/python/cmd/pulumi-language-python-exec" "$BIN/"

# The language hosts of v3.274.1 for Node.js, Python and Go are Go modules of their own
# (github.com/pulumi/pulumi/sdk/{nodejs/cmd/pulumi-language-nodejs,python/cmd/pulumi-language-python,go/pulumi-language-go}/v3)
# that the module proxy here does not serve: see e2e/README.md. Go programs, and
# `pulumi package gen-sdk` (which asks the language host to generate), cannot run here;
# vpc-lambda-gen-sdk drives the code generators those hosts would run.

# The AWS stand-in (a test double) as the `aws` resource plugin at @pulumi/aws's version.
AWS_VERSION="$(node -p 'require("@pulumi/aws/package.json").version')"
PLUGIN="$E2E/home/plugins/resource-aws-v$AWS_VERSION"
mkdir -p "$PLUGIN"
sed "s|@ROOT@|$ROOT|" "$ROOT/e2e/aws-standin/pulumi-resource-aws" > "$PLUGIN/pulumi-resource-aws"
chmod +x "$PLUGIN/pulumi-resource-aws"
node "$ROOT/dist/e2e/aws-standin/schema.js" "$PLUGIN/schema.json"
echo "aws plugin: the AWS stand-in at v$AWS_VERSION in $PLUGIN"

# The awsx stand-in (a test double) as the `awsx` resource plugin at @pulumi/awsx's version.
AWSX_VERSION="$(node -p 'require("@pulumi/awsx/package.json").version')"
PLUGIN="$E2E/home/plugins/resource-awsx-v$AWSX_VERSION"
mkdir -p "$PLUGIN"
sed "s|@ROOT@|$ROOT|" "$ROOT/e2e/awsx-standin/pulumi-resource-awsx" > "$PLUGIN/pulumi-resource-awsx"
chmod +x "$PLUGIN/pulumi-resource-awsx"
echo "awsx plugin: the awsx stand-in at v$AWSX_VERSION in $PLUGIN"

# The wrapper.
install -m 755 "$ROOT/e2e/bin/pulumi-local" "$BIN/"
"$BIN/pulumi-local" version | sed 's/^/pulumi-local: pulumi /'
