import type { Severity } from '../model/types.js';

/** Colour when FORCE_COLOR says so, never under NO_COLOR, else only on a terminal. */
export function colorsEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}

export interface Painter {
  severity(severity: Severity, text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const paint = (code: number) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;

export function painter(enabled: boolean): Painter {
  if (!enabled) return { severity: (_, text) => text, dim: (text) => text, bold: (text) => text };
  const colours: Record<Severity, (text: string) => string> = { error: paint(31), warning: paint(33), info: paint(36) };
  return { severity: (severity, text) => colours[severity](text), dim: paint(2), bold: paint(1) };
}

/** A single line rewritten in place on a terminal; nothing at all elsewhere. */
export class ProgressLine {
  private shown = false;

  constructor(private readonly stream: NodeJS.WriteStream, private readonly enabled: boolean) {}

  update(text: string): void {
    if (!this.enabled) return;
    this.stream.write(`\r\u001b[2K${text}`);
    this.shown = true;
  }

  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\u001b[2K');
    this.shown = false;
  }
}
