// Types of bench-harness.mjs, for the TypeScript code that imports it (its test).
export interface BenchRow {
  part: string | undefined;
  name: string;
  value: number | null;
  unit: string;
  budget: { limit: number; comparison: 'max' | 'min' } | null;
  status: 'pass' | 'fail' | 'info' | 'failed';
  baseline?: { name: string; value: number; unit: string };
  note?: string;
  details?: unknown;
}

export interface BenchPartTiming {
  id: string;
  seconds: number;
  loadAverage: { start: number[]; end: number[] };
}

export const root: string;
export const cacheRoot: string;
export function loadAverage(): number[];
export function createRecorder(): {
  results: BenchRow[];
  record: (
    name: string,
    value: number | null,
    unit: string,
    budget?: number,
    comparison?: 'max' | 'min',
    extra?: { baseline?: BenchRow['baseline']; note?: string; details?: unknown },
  ) => void;
  failed: (name: string, error: unknown) => void;
  setPart: (id: string) => void;
};
export function buildApp(outDir: string): void;
export function serveApp(outDir: string, port: number): Promise<{ origin: string; stop(): void }>;
export function printResults(results: readonly BenchRow[], parts?: readonly BenchPartTiming[]): void;
export function isMain(moduleUrl: string): boolean;
