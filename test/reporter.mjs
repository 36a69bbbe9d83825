// node:test reporter: one line per failure with its cause, then the `N passed, M failed` line CI reads.
export default async function* reporter(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    if (event.type === 'test:pass' && event.data.details?.type !== 'suite') passed++;
    if (event.type === 'test:fail' && event.data.details?.type !== 'suite') {
      failed++;
      const err = event.data.details?.error;
      yield `not ok ${event.data.name} (${event.data.file ?? ''}:${event.data.line ?? ''})\n  ${String(
        err?.cause ?? err,
      )
        .split('\n')
        .join('\n  ')}\n`;
    }
    if (event.type === 'test:diagnostic' && /^(tests|pass|fail)\b/.test(event.data.message) === false) {
      yield `# ${event.data.message}\n`;
    }
  }
  yield `${passed} passed, ${failed} failed\n`;
}
