import { parseDocument } from 'yaml';
import { BATCH_CHARS, fastDocument, fastDocuments, splitDocuments } from '../../src/parse/fast-yaml';

/*
 * Issue 14, the 50 MB file: js-yaml's events are parsed a batch of documents at a time (about
 * BATCH_CHARS characters), not for the whole file at once. A document's value must not depend
 * on the batch it fell in: the same as parsing that document alone, and as `yaml`'s
 * parseDocument(...).toJS() (the reference, as in fast-yaml.test.ts).
 */
function documentText(i: number): string {
  const name = `app-${i}`;
  switch (i % 7) {
    case 0: // comment lines indented before the document: a batch never starts on them
      return `  # generated for ${name}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  config.yaml: |\n    x: ${i}\n`;
    case 1:
      return `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  labels: &l\n    app: ${name}\nspec:\n  selector:\n    matchLabels: *l\n  template:\n    metadata:\n      labels: *l\n    spec:\n      containers:\n        - name: c\n          image: "nginx:1.${i % 10}"\n          args: [--a, "--b=${i}"]\n`;
    case 2:
      return `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  annotations:\n    note: a long note that a chart folded\n      over two lines\nspec:\n  ports:\n    - port: 80\n`;
    case 3: // broken: js-yaml rejects it, so its batch falls back to one parse per document
      return i % 70 === 3 ? `---\nkind: [unclosed\nmetadata: {name: ${name}\n` : `---\nkind: Secret\nmetadata: {name: ${name}}\nstringData: {k: 'v'}\n`;
    case 4:
      return `---\n# Source: chart/templates/${name}.yaml\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: "1"\n  b: yes\n  c: 0x1F\n`;
    case 5:
      return `--- # a comment on the marker line\n- ${i}\n- two\n`;
    default:
      return `---\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: x\n    image: busybox\n`;
  }
}

describe('fast YAML path: batches of documents give what one document alone gives', () => {
  const parts: string[] = [];
  let size = 0;
  // From 1: a stream whose first line is indented is declined as a whole (fast-yaml/index.ts).
  for (let i = 1; size < 2.5 * BATCH_CHARS; i++) {
    const t = documentText(i);
    parts.push(t);
    size += t.length;
  }
  const text = parts.join('');
  const chunks = splitDocuments(text)!;

  test('the text spans several batches', () => {
    expect(chunks).not.toBeNull();
    expect(text.length).toBeGreaterThan(2 * BATCH_CHARS);
  });

  test('every document: batch value = the document parsed alone, and = yaml where read', () => {
    const batched = fastDocuments(text, chunks);
    expect(batched).toHaveLength(chunks.length);
    let read = 0;
    chunks.forEach((chunk, i) => {
      const alone = fastDocument(text, chunk, false);
      expect({ i, value: batched[i]?.value ?? null }).toEqual({ i, value: alone?.value ?? null });
      if (batched[i] !== null) read++;
      // The reference on a sample (yaml is slow on 2.5 MB): every 13th document.
      if (i % 13 === 0 && batched[i] !== null) {
        const doc = parseDocument(text.slice(chunk.start, chunk.end), { uniqueKeys: true });
        expect(doc.errors).toEqual([]);
        expect({ i, value: batched[i]!.value }).toEqual({ i, value: doc.toJS({ maxAliasCount: -1 }) });
      }
    });
    // Only the broken documents are declined.
    expect(read).toBe(chunks.length - chunks.filter((_, i) => (i + 1) % 70 === 3).length);
  });
});
