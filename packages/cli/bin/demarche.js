#!/usr/bin/env node
// The command's entry, kept out of dist so that `pnpm install` can link it before the first build.
import '../dist/bin.js'
