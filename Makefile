# Everything here works on a fresh clone with Node.js 22 or later (CI tests 22 and 24) and npm;
# nothing needs the Pulumi CLI or an AWS account unless the target says so.
# `make help` lists the targets and variables from their `##` comments: give every new one such a comment.
.PHONY: help install build chromium architecture test plan schema docs lint clean preview up sdk policy-pack pulumi-cli e2e-tools e2e mutation mutation-incremental mutation-reachability

NODE_MODULES := node_modules/.package-lock.json

## The dependencies, as package-lock.json pins them (npm ci; again only when the lock file changes).
install: $(NODE_MODULES)

# npm ci writes node_modules/.package-lock.json: reinstall only when the lock file changed.
$(NODE_MODULES): package.json package-lock.json
	npm ci --no-audit --no-fund

## Compiles everything (package, tests, examples, bench, provider) into dist/.
build: install
	npm run -s build

## Debian's Chromium for the render spec (tests/render): nothing when installed, apt-get install when
## missing and run as root, otherwise one line saying what to run (exit 2).
chromium:
	@tests/cli/report/render/install-chromium.sh

## The floors of the code (.dependency-cruiser.cjs, drawn in docs/architecture.md): each sdk/ folder
## imports only those below it, and the pure floors neither Pulumi nor the file system at run time.
architecture: install
	npx depcruise --config .dependency-cruiser.cjs sdk cli policy provider

## The whole test suite, including the install test of the packed tarball; ends with "N passed, N failed".
test: build chromium architecture
	npx mocha

## Mutation testing of the pure core (sdk/plan, sdk/validation) with StrykerJS:
## every mutant again, the committed reports/stryker-incremental.json rewritten, and a failure when
## sdk/plan or sdk/validation scores below 90%. CPU-heavy (about 40 minutes on 2 cores). CONTRIBUTING.md, "Mutation testing".
mutation: build
	npx stryker run --incremental --force
	node dist/tests/mutation/score-by-folder.js

## The same gate, re-mutating only the code and specs changed since reports/stryker-incremental.json (what CI runs).
mutation-incremental: build
	npx stryker run --incremental
	node dist/tests/mutation/score-by-folder.js

## Mutation score of the reachability model (reported, not gated; about 1.5 hours): its own config and incremental file.
mutation-reachability: build
	npx stryker run stryker.reachability.config.mjs --incremental
	node dist/tests/mutation/score-by-folder.js reports/mutation-reachability/mutation.json

## The offline plan of the root Pulumi.yaml program (what `pulumi preview` would create).
plan: build
	node dist/cli/main.js plan .

## provider/schema.json, inferred from the TypeScript types in this process, as the plugin serves
## it to `pulumi package add` (no Pulumi CLI needed). A test fails when the committed copy drifts.
schema: build
	node dist/provider/write-schema.js

## docs/reference.md, every argument and output with its type, default and description, generated from
## provider/schema.json (rewritten first, as make schema does) and sdk/args.ts. A test fails when the committed copy drifts.
docs: schema
	node dist/provider/write-reference.js

## Type-checks everything without writing dist/.
lint: install
	npx tsc -p tsconfig.json --noEmit

# The targets below drive the Pulumi CLI (and, for preview and up, AWS credentials). Without the
# CLI they stop before doing anything, with one line saying what to install, so that a CI job
# cannot go green having done nothing: `make plan` is the offline plan that needs no CLI.
PULUMI := $(shell command -v pulumi 2>/dev/null)
PULUMI_MISSING := make $(MAKECMDGOALS) needs the Pulumi CLI, which is not installed: install it (https://www.pulumi.com/docs/install/), or run make plan, which needs none
## The stack whose config preview and up use.
STACK ?= dev
## The program to preview or deploy: the root Pulumi.yaml program, or e.g. EXAMPLE=examples/isolated-rds.
EXAMPLE ?= .
POLICY_PACK := $(CURDIR)/policy
SDK_LANGUAGES := python go dotnet java
SDK_OUT := build/sdk

## Checks that the Pulumi CLI is installed: the first step of preview, up and sdk, which stop
## there, before building anything, with one line saying what to install (exit code 2).
pulumi-cli:
	$(if $(PULUMI),@:,$(error $(PULUMI_MISSING)))

## pulumi preview of EXAMPLE on STACK, with the vpc-lambda-guard policy pack enforced (needs the Pulumi CLI).
preview: pulumi-cli build
	pulumi preview --cwd $(EXAMPLE) --stack $(STACK) --policy-pack $(POLICY_PACK)

## pulumi up of EXAMPLE on STACK, with the vpc-lambda-guard policy pack enforced (needs the Pulumi CLI).
up: pulumi-cli build
	pulumi up --cwd $(EXAMPLE) --stack $(STACK) --policy-pack $(POLICY_PACK)

## SDKs for Python, Go, .NET and Java, generated from the plugin into build/sdk/<language> (needs the Pulumi CLI).
## (Programs usually run `pulumi package add` instead, which generates the SDK they need.)
sdk: pulumi-cli install
	@for language in $(SDK_LANGUAGES); do \
		command="pulumi package gen-sdk provider --language $$language --out $(SDK_OUT)/$$language"; \
		echo "$$command" && $$command || exit 1; \
	done

## A self-contained copy of the vpc-lambda-guard pack in build/policy-pack, for `pulumi policy publish`:
## policy/index.ts and everything it imports bundled by esbuild into one index.js (no list of files
## to keep), beside PulumiPolicy.yaml and a package.json that needs only @pulumi/policy and @pulumi/pulumi.
## (policy/ runs the compiled pack from ../dist/: in this repository, and installed in node_modules/pulumi-vpc-lambda.)
policy-pack: install
	rm -rf build/policy-pack && mkdir -p build/policy-pack
	npx esbuild policy/index.ts --bundle --platform=node --target=node22 --format=cjs --external:@pulumi/policy --external:@pulumi/pulumi --log-level=warning --outfile=build/policy-pack/index.js
	cp policy/PulumiPolicy.yaml build/policy-pack/
	node -e 'const root = require("./package.json"), pack = require("./policy/package.json"); const dependencies = { "@pulumi/policy": root.dependencies["@pulumi/policy"], "@pulumi/pulumi": root.devDependencies["@pulumi/pulumi"] }; require("fs").writeFileSync("build/policy-pack/package.json", JSON.stringify({ ...pack, main: "index.js", dependencies }, null, 2) + "\n")'

## The pinned Pulumi CLI (v3.274.1) and the YAML, Node.js and Python language hosts, built from the Go
## module proxy into .e2e/bin (cached: rebuilt only when their versions change), the AWS and awsx
## stand-ins (test doubles) installed as the `aws` and `awsx` plugins, and .e2e/bin/pulumi-local.
## Needs Go 1.26. See e2e/README.md.
e2e-tools: build
	e2e/tools/install.sh

## The programs, the plugin and the policy pack run by the real Pulumi CLI against the stand-ins
## (after `make e2e-tools`); steps this machine cannot run are listed as not run, with the reason.
e2e: build policy-pack
	node dist/e2e/run.js

## Removes dist/ (the compiled output, and the incremental build state with it).
clean:
	rm -rf dist

## This list: every target and variable with a `##` comment above it, one line each.
help:
	@awk '/^## / { doc = doc (doc == "" ? "" : " ") substr($$0, 4); next } \
		/^[a-z][a-z0-9_-]*:/ && doc != "" { name = $$0; sub(/:.*/, "", name); targets[++t] = sprintf("  %-12s %s", name, doc) } \
		/^[A-Z][A-Z0-9_]* *[?:]?=/ && doc != "" { name = $$0; sub(/ *[?:]?=.*/, "", name); variables[++v] = sprintf("  %-12s %s", name, doc) } \
		{ doc = "" } \
		END { print "Targets (make <target>):"; for (i = 1; i <= t; i++) print targets[i]; \
			print "Variables (make <target> NAME=value):"; for (i = 1; i <= v; i++) print variables[i] }' $(MAKEFILE_LIST)
