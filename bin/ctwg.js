#!/usr/bin/env node
import { run } from "../dist/bundle/ctwg.mjs";
process.exitCode = await run(process.argv.slice(2));
