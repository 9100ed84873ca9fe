#!/usr/bin/env node
import { readFile, writeFile } from 'node:fs/promises'
import { main } from './main.js'

const exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  isTty: process.stdout.isTTY === true,
})
process.exitCode = exitCode
