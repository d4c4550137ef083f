import { formatJunit } from '../../src/report/junit';
import { cdata, xmlAttr, xmlText } from '../../src/report/xml';
import { finding, input } from './fixtures';

const web = { apiVersion: 'v1', kind: 'Service', namespace: 'default', name: 'web' };
const api = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'api' };

/** Every `<![CDATA[...]]>` section's content, joined: what an XML parser would read back. */
function cdataText(xml: string): string {
  return [...xml.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1]).join('');
}

describe('xml escaping', () => {
  test('attributes escape markup, quotes and keep newlines as references', () => {
    expect(xmlAttr(`a<b>&"c"'d'\n`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;&#10;');
  });
  test('text escapes markup', () => {
    expect(xmlText('x < y && z > w')).toBe('x &lt; y &amp;&amp; z &gt; w');
  });
  test('characters XML 1.0 cannot hold are replaced', () => {
    expect(xmlAttr('a\u0000b\u001bc')).toBe('a\uFFFDb\uFFFDc');
  });
  test('every ]]> inside CDATA is split so the section cannot be closed early', () => {
    const out = cdata('a]]>b]]>c');
    expect(out).toBe('<![CDATA[a]]]]><![CDATA[>b]]]]><![CDATA[>c]]>');
    // The only real terminators are those the splitting introduced plus the final one.
    expect(cdataText(out)).toBe('a]]>b]]>c');
  });
});

describe('formatJunit', () => {
  test('one testcase per object, passing objects included, failures carry the findings', () => {
    const xml = formatJunit(
      input([finding({ object: web })], {
        files: ['k8s/web.yaml'],
        objects: [
          { file: 'k8s/web.yaml', ref: api },
          { file: 'k8s/web.yaml', ref: web },
        ],
      }),
    );
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="svclab lint" tests="2" failures="1" errors="0">/);
    expect(xml).toContain('<testsuite name="k8s/web.yaml" tests="2" failures="1" errors="0" skipped="0">');
    expect(xml).toContain('<testcase classname="k8s/web.yaml" name="Deployment/default/api"/>');
    expect(xml).toMatch(/<testcase classname="k8s\/web.yaml" name="Service\/default\/web">\n\s+<failure message="selector app=web-server[^"]*" type="service-selector-no-match"><!\[CDATA\[k8s\/web.yaml:27:5 error/);
  });

  test('a finding without object is a testcase named after the file', () => {
    const xml = formatJunit(input([finding({ object: null, ruleId: 'yaml-syntax', file: 'bad.yaml', message: 'YAML syntax error' })], { files: ['bad.yaml'] }));
    expect(xml).toContain('<testcase classname="bad.yaml" name="bad.yaml">');
    expect(xml).toContain('type="yaml-syntax"');
  });

  test('a file with nothing in it passes as one testcase', () => {
    const xml = formatJunit(input([], { files: ['empty.yaml'], objects: [] }));
    expect(xml).toContain('<testcase classname="empty.yaml" name="empty.yaml"/>');
    expect(xml).toContain('tests="1" failures="0"');
  });

  test('info findings do not fail the testcase; they go to system-out', () => {
    const xml = formatJunit(input([finding({ severity: 'info', ruleId: 'unknown-kind' })]));
    expect(xml).not.toContain('<failure');
    expect(xml).toContain('<system-out><![CDATA[');
  });

  test('messages with ]]>, quotes and markup produce well-formed XML', () => {
    const nasty = 'value "]]><script>&amp;</script>" is odd';
    const xml = formatJunit(input([finding({ message: nasty, hint: 'fix ]]> it' })]));
    expect(xml).toContain(`message="value &quot;]]&gt;&lt;script&gt;&amp;amp;&lt;/script&gt;&quot; is odd"`);
    expect(cdataText(xml)).toContain(nasty);
    expect(cdataText(xml)).toContain('fix ]]> it');
    // Outside CDATA sections no raw ]]> and no unescaped < from the message remain.
    const outside = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
    expect(outside).not.toContain(']]>');
    expect(outside).not.toContain('<script>');
  });

  test('several findings on one object are one failure listing all of them', () => {
    const xml = formatJunit(input([finding(), finding({ line: 30, message: 'second problem' })]));
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml).toContain('message="2 problems, first: selector');
    expect(cdataText(xml)).toContain('second problem');
  });
});
