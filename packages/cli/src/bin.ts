#!/usr/bin/env node
import { readFile, writeFile } from 'node:fs/promises'
import { main } from './main.js'

const exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  writeBytes: async (path, bytes) => {
    if (path === '-') await new Promise<void>((resolve, reject) => process.stdout.write(bytes, (error) => (error ? reject(error) : resolve())))
    else await writeFile(path, bytes)
  },
  isTty: process.stdout.isTTY === true,
})
process.exitCode = exitCode
