/**
 * The one shape every problem and notice takes, whoever finds it: the loader
 * (syntax), the validator (schema, catalogue) or the engine (warnings). Each
 * has a stable `code`, so tests and tools can rely on codes while the words
 * improve.
 */
export interface Finding {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  /** JSON pointer into the dossier, when the finding is about a node. */
  path?: string;
  /** 1-based position in the source text. */
  line?: number;
  column?: number;
}
