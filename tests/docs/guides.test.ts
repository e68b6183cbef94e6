import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Guides cannot drift from the code (decision 0031). Every block fenced
 * ```ts check (or ```tsx check) in README.md and docs/**.md is written to
 * .data/guide-blocks/, typechecked against the real code in one TypeScript
 * program, and linted with the project's ESLint config as if it lived where it
 * says: `file=src/features/tasks/server/example.ts` after `check`, or by
 * default in a route under src/app (which reaches features through their faces).
 * Fragments stay plain ```ts and are not checked.
 */

const root = path.resolve(import.meta.dirname, '../..');
const blocksDir = path.join(root, '.data/guide-blocks');

type Block = {
  guide: string; // relative to the root, e.g. docs/auth/guarding-pages.md
  line: number; // the opening fence's line in the guide (1-based)
  code: string;
  virtualPath: string; // where the block claims to live, relative to the root
  filePath: string; // where it is written, absolute
  fenceProblems: string[];
};

function guides(): string[] {
  const found: string[] = ['README.md'];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.md')) found.push(relative);
    }
  };
  walk('docs');
  return found.sort();
}

const fence = /^(\s*)(`{3,}|~{3,})\s*(.*)$/;

function blocksOf(guide: string): Block[] {
  const lines = fs.readFileSync(path.join(root, guide), 'utf8').split('\n');
  const blocks: Block[] = [];
  let open: { marker: string; indent: number; info: string[]; line: number; body: string[] } | null = null;
  lines.forEach((text, index) => {
    const match = fence.exec(text);
    if (!open) {
      if (match)
        open = { marker: match[2]!, indent: match[1]!.length, info: match[3]!.split(/\s+/), line: index + 1, body: [] };
      return;
    }
    const closes = match && match[2]![0] === open.marker[0] && match[2]!.length >= open.marker.length && !match[3];
    if (!closes) {
      open.body.push(text.slice(Math.min(open.indent, text.length - text.trimStart().length)));
      return;
    }
    const [language, ...options] = open.info;
    if ((language === 'ts' || language === 'tsx') && options.includes('check')) {
      blocks.push(toBlock(guide, open.line, blocks.length + 1, language, options, open.body.join('\n')));
    }
    open = null;
  });
  return blocks;
}

function toBlock(guide: string, line: number, n: number, language: string, options: string[], code: string): Block {
  const fenceProblems: string[] = [];
  let virtualPath = `src/app/_guides/${guide.replace(/\.md$/, '')}/block-${n}.${language}`;
  for (const option of options) {
    if (option === 'check') continue;
    if (option.startsWith('file=')) virtualPath = path.posix.normalize(option.slice('file='.length));
    else fenceProblems.push(`unknown fence option "${option}" (use: check, file=<path>)`);
  }
  const extension = path.posix.extname(virtualPath);
  if (virtualPath.startsWith('..') || path.posix.isAbsolute(virtualPath)) {
    fenceProblems.push(`file= must be a path inside the project: ${virtualPath}`);
  } else if (extension !== '.ts' && extension !== '.tsx') {
    fenceProblems.push(`file= must end in .ts or .tsx: ${virtualPath}`);
  } else if (language === 'tsx' && extension === '.ts') {
    fenceProblems.push(`a tsx block cannot claim a .ts file: ${virtualPath}`);
  }
  const filePath = path.join(blocksDir, guide.replace(/\.md$/, ''), `${n}${extension || '.ts'}`);
  return { guide, line, code: `${code}\n`, virtualPath, filePath, fenceProblems };
}

const blocks = guides().flatMap(blocksOf);

/** Compiler errors per block, from one program holding every block and the code they import. */
function typecheck(): Map<Block, string[]> {
  fs.rmSync(blocksDir, { recursive: true, force: true });
  for (const block of blocks) {
    fs.mkdirSync(path.dirname(block.filePath), { recursive: true });
    fs.writeFileSync(block.filePath, block.code);
  }
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  )!;
  // Every block is a module: a block without imports must not share its names with the others.
  const options: ts.CompilerOptions = {
    ...config.options,
    incremental: false,
    noEmit: true,
    moduleDetection: ts.ModuleDetectionKind.Force,
  };
  delete options.plugins;
  const host = ts.createCompilerHost(options, true);
  // A block that shows a file the tree does not have (a guide's example feature) can be imported by the
  // guide's other blocks at that path; the first block claiming it wins. Real files are never replaced.
  const shown = new Map<string, string>();
  for (const block of blocks) {
    const claimedPath = path.join(root, block.virtualPath);
    if (!shown.has(claimedPath) && !fs.existsSync(claimedPath)) shown.set(claimedPath, block.code);
  }
  const { fileExists, directoryExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => shown.has(name) || fileExists.call(host, name);
  host.directoryExists = (name) =>
    [...shown.keys()].some((file) => file.startsWith(`${name}/`)) || directoryExists?.call(host, name) !== false;
  host.readFile = (name) => shown.get(name) ?? readFile.call(host, name);
  host.getSourceFile = (name, language, ...rest) => {
    const code = shown.get(name);
    return code === undefined
      ? getSourceFile.call(host, name, language, ...rest)
      : ts.createSourceFile(name, code, language);
  };
  const cache = ts.createModuleResolutionCache(root, (name) => name, options);
  // A block's imports resolve from the place it claims, so `./schema` or `../_shell/logo` mean what they say.
  const claimed = new Map(blocks.map((block) => [block.filePath, path.join(root, block.virtualPath)]));
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, compilerOptions) => {
    const from = claimed.get(path.resolve(containingFile)) ?? containingFile;
    return literals.map((literal) =>
      ts.resolveModuleName(literal.text, from, compilerOptions, host, cache, redirected),
    );
  };
  // Global declarations (typed translations) come with the project's own .d.ts files.
  const declarations = config.fileNames.filter((name) => name.endsWith('.d.ts'));
  const program = ts.createProgram([...declarations, ...blocks.map((block) => block.filePath)], options, host);
  const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  if (global.length > 0) throw new Error(ts.formatDiagnostics(global, host));

  const problems = new Map<Block, string[]>();
  for (const block of blocks) {
    const source = program.getSourceFile(block.filePath)!;
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    problems.set(
      block,
      diagnostics.map((diagnostic) => {
        const { line } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
        const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n  ');
        return `${block.guide}:${block.line + 1 + line}: TS${diagnostic.code} ${message}`;
      }),
    );
  }
  return problems;
}

async function lint(): Promise<Map<Block, string[]>> {
  const eslint = new ESLint({ cwd: root });
  const problems = new Map<Block, string[]>();
  for (const block of blocks) {
    const [result] = await eslint.lintText(block.code, {
      filePath: path.join(root, block.virtualPath),
      warnIgnored: true,
    });
    problems.set(
      block,
      (result?.messages ?? []).map(
        (message) =>
          `${block.guide}:${block.line + (message.line ?? 1)}: ${message.ruleId ?? 'eslint'} ${message.message}`,
      ),
    );
  }
  return problems;
}

describe('guides: blocks marked `check` compile and pass lint', () => {
  let compilerProblems: Map<Block, string[]>;
  let lintProblems: Map<Block, string[]>;

  beforeAll(async () => {
    compilerProblems = typecheck();
    lintProblems = await lint();
  }, 600_000); // seconds of CPU; minutes on a machine busy with other work

  it('finds the marked blocks', () => {
    expect(blocks.length).toBeGreaterThan(20);
  });

  it.each(blocks.map((block) => [`${block.guide}:${block.line}`, block] as const))('%s', (_name, block) => {
    const problems = [...block.fenceProblems, ...compilerProblems.get(block)!, ...lintProblems.get(block)!];
    expect(problems, `written to ${path.relative(root, block.filePath)}, as ${block.virtualPath}`).toEqual([]);
  });
});

describe('decision records', () => {
  const directory = path.join(root, 'docs/decisions');
  const records = fs
    .readdirSync(directory)
    .filter((name) => /^\d{4}-.+\.md$/.test(name))
    .sort();
  const index = fs.readFileSync(path.join(directory, 'README.md'), 'utf8');
  const link = /^\[(\d{4})\]\((\d{4}-[^)]+\.md)\)$/;

  type Header = { title: string; date: string; status: string; supersededBy?: string; supersedes: string[] };
  function header(name: string): Header {
    const lines = fs.readFileSync(path.join(directory, name), 'utf8').split('\n');
    const title = /^# (\d{4}) — (.+)$/.exec(lines[0] ?? '');
    expect(title?.[1], `${name}: first line "# NNNN — Title" with the file's number`).toBe(name.slice(0, 4));
    expect(lines[1], `${name}: a blank line after the title`).toBe('');
    const fields = new Map<string, string>();
    for (const line of lines.slice(2)) {
      const field = /^- (Date|Status|Supersedes): (.+)$/.exec(line);
      if (!field) break;
      fields.set(field[1]!, field[2]!);
    }
    const date = fields.get('Date') ?? '';
    expect(date, `${name}: "- Date: YYYY-MM-DD"`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const status = fields.get('Status') ?? '';
    const superseded = /^Superseded by (.+)$/.exec(status);
    if (!superseded)
      expect(status, `${name}: "- Status: Accepted" or "Superseded by [NNNN](NNNN-….md)"`).toBe('Accepted');
    const target = superseded ? link.exec(superseded[1]!) : null;
    if (superseded) expect(target, `${name}: "Superseded by" links the record`).not.toBeNull();
    const supersedes = (fields.get('Supersedes') ?? '')
      .split(', ')
      .filter(Boolean)
      .map((item) => {
        const match = link.exec(item);
        expect(match, `${name}: "Supersedes" lists links like [0006](0006-….md)`).not.toBeNull();
        return match![2]!;
      });
    for (const file of [...supersedes, ...(target ? [target[2]!] : [])]) {
      expect(records, `${name} links ${file}`).toContain(file);
    }
    return {
      title: title![2]!,
      date,
      status: superseded ? 'Superseded' : 'Accepted',
      supersededBy: target?.[2],
      supersedes,
    };
  }

  it.each(records)('%s has its header, and the index lists it with its status', (name) => {
    const record = header(name);
    for (const older of record.supersedes)
      expect(header(older).supersededBy, `${older} is superseded by ${name}`).toBe(name);
    if (record.supersededBy) expect(header(record.supersededBy).supersedes).toContain(name);
    const row = index.split('\n').find((line) => line.startsWith(`- [${name.slice(0, 4)}](${name})`));
    expect(row, `docs/decisions/README.md lists ${name}`).toBeDefined();
    expect(row).toContain(record.date);
    expect(row).toContain(
      record.status === 'Accepted' ? 'Accepted' : `Superseded by [${record.supersededBy!.slice(0, 4)}]`,
    );
  });
});
