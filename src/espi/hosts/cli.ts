/**
 * `npm run espi -- summarize FILE` prints the document's figures as JSON (issue 3);
 * `npm run espi -- csv FILE` writes one CSV row per interval to stdout.
 * Exit codes: 0 done, 1 the file could not be read, 2 wrong usage.
 */
import { readFile } from 'node:fs/promises';
import { EspiReadError } from '../errors.ts';
import { readEspi } from '../read/read-espi.ts';
import { summarize } from '../summarize.ts';
import { writeCsvChunks } from '../write-csv.ts';

const USAGE = `usage: npm run espi -- <command> FILE

commands:
  summarize FILE   print usage points, reading count, time span and totals as JSON
  csv FILE         write the interval readings as CSV to stdout`;

async function main(args: string[]): Promise<number> {
  const [command, file, ...rest] = args;
  if ((command !== 'summarize' && command !== 'csv') || !file || rest.length > 0) {
    process.stderr.write(
      `${command && command !== 'summarize' && command !== 'csv' ? `unknown command "${command}"\n` : ''}${USAGE}\n`,
    );
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    process.stderr.write(`espi: cannot read ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    const doc = readEspi(bytes);
    for (const w of doc.warnings)
      process.stderr.write(
        `espi: warning [${w.code}]${w.where?.line ? ` line ${w.where.line}` : ''}: ${w.message}\n`,
      );
    if (command === 'summarize') process.stdout.write(`${JSON.stringify(summarize(doc), null, 2)}\n`);
    else for (const chunk of writeCsvChunks(doc)) process.stdout.write(chunk);
    return 0;
  } catch (error) {
    if (!(error instanceof EspiReadError)) throw error;
    process.stderr.write(`espi: ${file}: ${error.message} [${error.code}]\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
