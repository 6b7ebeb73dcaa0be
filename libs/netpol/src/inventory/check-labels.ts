import type { IssueSink } from '../errors/issue-sink';
import type { Labels } from '../selector/label-selector';
import { labelKeyError, labelValueError } from '../selector/label-syntax';

/** Reports every invalid label key and value of an object's labels. */
export function checkLabels(sink: IssueSink, labels: Labels, path: string): void {
  for (const [key, value] of Object.entries(labels)) {
    const keyError = labelKeyError(key);
    if (keyError) sink.add('INVALID_LABEL_KEY', path, `key ${JSON.stringify(key)}: ${keyError}`);
    const valueError = labelValueError(value);
    if (valueError)
      sink.add(
        'INVALID_LABEL_VALUE',
        `${path}.${key}`,
        `value ${JSON.stringify(value)}: ${valueError}`,
      );
  }
}
