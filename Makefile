# Everything here works on a fresh clone with Node.js 20+ and npm; nothing needs the Pulumi CLI
# or an AWS account unless the target says so.
.PHONY: install build test plan lint clean

NODE_MODULES := node_modules/.package-lock.json

install: $(NODE_MODULES)

# npm ci writes node_modules/.package-lock.json: reinstall only when the lock file changed.
$(NODE_MODULES): package.json package-lock.json
	npm ci --no-audit --no-fund

build: install
	npx tsc -p tsconfig.json

test: build
	npx mocha

## The offline plan of the root Pulumi.yaml program (what `pulumi preview` would create).
plan: build
	node dist/cli/main.js plan .

lint: install
	npx tsc -p tsconfig.json --noEmit

clean:
	rm -rf dist
