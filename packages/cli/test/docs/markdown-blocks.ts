// The shell blocks of a Markdown walkthrough, read by the convention of docs/README.md: a block
// fenced as ```sh runs, ```sh no-run is shown only, `#> ` lines are the output it must print,
// and a block that starts the server (`npm start`, `companyos serve`) says how to start it.

export interface ShellBlock {
  /** 1-based line of the opening fence. */
  line: number;
  code: string;
  /** Each `#> ` line, in order; `...` or `…` stands for any text. */
  expected: string[];
  /** For a block that starts the server: the variables set on its command line. */
  startsServer?: Record<string, string>;
}

const FENCE = /^```(\S*)(.*)$/;
const START = /^(?:npm install && )?((?:[A-Z][A-Z0-9_]*=\S+\s+)*)(?:npm start|companyos serve|npx companyos serve)\b/;

export function shellBlocks(markdown: string): ShellBlock[] {
  const blocks: ShellBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (open === null) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
    if (open[1] !== 'sh' || open[2]!.trim() === 'no-run') continue;
    const code = body.join('\n');
    const block: ShellBlock = { line: start + 1, code, expected: body.filter((l) => l.startsWith('#> ')).map((l) => l.slice(3)) };
    const command = body.find((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
    const server = command === undefined ? null : START.exec(command.trim());
    if (server !== null) block.startsServer = Object.fromEntries(server[1]!.trim().split(/\s+/).filter(Boolean).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
    blocks.push(block);
  }
  return blocks;
}

/** Where an expected output is missing from `output` (matched in order), or undefined when all are there. */
export function missingOutput(expected: string[], output: string): string | undefined {
  let at = 0;
  for (const line of expected) {
    for (const piece of line.split(/\.\.\.|…/).map((p) => p.trim()).filter((p) => p !== '')) {
      const found = output.indexOf(piece, at);
      if (found === -1) return piece;
      // Pieces start in order but may share a character ("a":1,...,"z" around a comma).
      at = found + 1;
    }
  }
  return undefined;
}
