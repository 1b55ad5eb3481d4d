#!/usr/bin/env node
// The `handoff-kit` command: a thin launcher for the bundled command line.
require('../dist/cli/cli.js');
