# Everything here works on a fresh clone with Node.js 20+ and npm; nothing needs the Pulumi CLI
# or an AWS account unless the target says so.
.PHONY: install build test plan schema lint clean preview up sdk policy-pack mutation mutation-incremental

NODE_MODULES := node_modules/.package-lock.json

install: $(NODE_MODULES)

# npm ci writes node_modules/.package-lock.json: reinstall only when the lock file changed.
$(NODE_MODULES): package.json package-lock.json
	npm ci --no-audit --no-fund

build: install
	npx tsc -p tsconfig.json

test: build
	npx mocha

## Mutation testing of the pure core (sdk/plan, sdk/validation, sdk/reachability) with StrykerJS:
## every mutant again, the committed reports/stryker-incremental.json rewritten, and a failure when
## sdk/plan or sdk/validation scores below 90%. CPU-heavy (about 30 minutes on 2 cores); needs Node.js 22 or later
## (StrykerJS 10). See README "Testing".
mutation: build
	npx stryker run --incremental --force
	node dist/tests/mutation/score-by-folder.js

## The same gate, re-mutating only the code and specs changed since reports/stryker-incremental.json (what CI runs).
mutation-incremental: build
	npx stryker run --incremental
	node dist/tests/mutation/score-by-folder.js

## The offline plan of the root Pulumi.yaml program (what `pulumi preview` would create).
plan: build
	node dist/cli/main.js plan .

## provider/schema.json, inferred from the TypeScript types in this process, as the plugin serves
## it to `pulumi package add` (no Pulumi CLI needed). A test fails when the committed copy drifts.
schema: build
	node dist/provider/write-schema.js

lint: install
	npx tsc -p tsconfig.json --noEmit

# The targets below drive the Pulumi CLI (and, for preview and up, AWS credentials). Without the
# CLI they print the command they would run and succeed, so that `make` stays usable where
# there is no Pulumi: use `make plan` for the offline plan there.
PULUMI := $(shell command -v pulumi 2>/dev/null)
STACK ?= dev
## The program to preview or deploy: the root Pulumi.yaml program, or e.g. EXAMPLE=examples/isolated-rds.
EXAMPLE ?= .
POLICY_PACK := $(CURDIR)/policy
SDK_LANGUAGES := python go dotnet java
SDK_OUT := build/sdk
run_pulumi = $(if $(PULUMI),$(1),@echo "pulumi CLI not found; would run: $(1)")

## pulumi preview of EXAMPLE on STACK, with the vpc-lambda-guard policy pack enforced.
preview: build
	$(call run_pulumi,pulumi preview --cwd $(EXAMPLE) --stack $(STACK) --policy-pack $(POLICY_PACK))

## pulumi up of EXAMPLE on STACK, with the vpc-lambda-guard policy pack enforced.
up: build
	$(call run_pulumi,pulumi up --cwd $(EXAMPLE) --stack $(STACK) --policy-pack $(POLICY_PACK))

## SDKs for Python, Go, .NET and Java, generated from the plugin into build/sdk/<language>.
## (Programs usually run `pulumi package add` instead, which generates the SDK they need.)
sdk: install
	@for language in $(SDK_LANGUAGES); do \
		command="pulumi package gen-sdk provider --language $$language --out $(SDK_OUT)/$$language"; \
		if [ -n "$(PULUMI)" ]; then echo "$$command" && $$command || exit 1; else echo "pulumi CLI not found; would run: $$command"; fi; \
	done

## A self-contained copy of the vpc-lambda-guard pack in build/policy-pack, for `pulumi policy publish`
## (policy/ itself runs the compiled pack from dist/, which only works inside this repository).
policy-pack: build
	rm -rf build/policy-pack && mkdir -p build/policy-pack/sdk/plan
	cp -r dist/policy build/policy-pack/policy
	cp dist/sdk/aws-limits.js dist/sdk/aws-resource-types.js build/policy-pack/sdk/ && cp dist/sdk/plan/iam-documents.js build/policy-pack/sdk/plan/
	cp policy/PulumiPolicy.yaml build/policy-pack/
	node -e 'const root = require("./package.json"), pack = require("./policy/package.json"); const dependencies = { "@pulumi/policy": root.devDependencies["@pulumi/policy"], "@pulumi/pulumi": root.devDependencies["@pulumi/pulumi"] }; require("fs").writeFileSync("build/policy-pack/package.json", JSON.stringify({ ...pack, main: "policy/index.js", dependencies }, null, 2) + "\n")'

clean:
	rm -rf dist
