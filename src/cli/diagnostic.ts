/** How the CLI words a problem on a line of its own: `file:line:column: message` where it has a place, else `starcheck: file: message`. */
import type { Finding } from '../core/findings.js';
import { locatedMessage } from '../report/view.js';

export function diagnostic(file: string, finding: Pick<Finding, 'message' | 'line' | 'column'>): string {
  const line = locatedMessage(file, finding);
  return finding.line !== undefined ? line : `starcheck: ${line}`;
}
