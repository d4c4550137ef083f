/**
 * Issue 11, "Korean, and any other language": the route engine's catalogue has a Korean edition
 * for every statement (keyed on the English catalogue's keys, so a sentence added later fails
 * here until it is translated), curl and explain speak Korean on request, authors' texts take
 * { en, ko } maps, and tables pad by display width (Hangul is double width; kubectl's
 * printers pad through text/tabwriter, which counts runes, so svclab measures with string-width).
 */
import { ENGLISH } from '../../src/sim/proxy/sentences';
import { KOREAN } from '../../src/sim/proxy/sentences-ko';
import { RULES_BY_ID } from '../../src/rules/index';
import { catalogueLang, languageCode, localize, requestedLanguage, textIn } from '../../src/i18n/lang';
import { EXERCISE_WORDS } from '../../src/i18n/exercise-words';
import { CURL_WORDS } from '../../src/i18n/curl-words';
import { renderTable } from '../../src/views/printers';
import { displayWidth } from '../../src/util/display-width';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, runCli } from '../helpers';

describe('the Korean catalogue', () => {
  test('every statement of the English catalogue has a Korean sentence', () => {
    const missing = Object.keys(ENGLISH).filter((k) => typeof (KOREAN as Record<string, unknown>)[k] !== 'function');
    expect(missing).toEqual([]);
  });

  test('svclab\'s words in exercise mode and around curl have the same keys in both editions', () => {
    expect(Object.keys(EXERCISE_WORDS.ko).sort()).toEqual(Object.keys(EXERCISE_WORDS.en).sort());
    expect(Object.keys(CURL_WORDS.ko).sort()).toEqual(Object.keys(CURL_WORDS.en).sort());
  });
});

describe('choosing the language', () => {
  test('--lang, then SVCLAB_LANG, then LC_ALL / LC_MESSAGES / LANG; C and POSIX are English', () => {
    expect(languageCode('ko_KR.UTF-8')).toBe('ko');
    expect(languageCode('C.UTF-8')).toBeNull();
    expect(requestedLanguage(undefined, { LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(requestedLanguage(undefined, { LANG: 'ko_KR.UTF-8', SVCLAB_LANG: 'en' })).toBe('en');
    expect(requestedLanguage('ko', { SVCLAB_LANG: 'en' })).toBe('ko');
    expect(requestedLanguage(undefined, { LANG: 'POSIX' })).toBe('en');
    expect(catalogueLang('fr')).toBe('en');
  });

  test('author texts: a string or a language map, the requested language else English; `match` values are left alone', () => {
    expect(textIn({ en: 'Fix it.', ko: '고치세요.' }, 'ko')).toBe('고치세요.');
    expect(textIn({ en: 'Fix it.' }, 'ko')).toBe('Fix it.');
    const spec = localize({ description: { en: 'a', ko: '가' }, exercise: { hints: [{ en: 'h', ko: '힌' }, 'plain'] }, expect: { objects: [{ match: { description: { en: 'kept' } }, hint: { en: 'x', ko: '엑스' } }] } }, 'ko');
    expect(spec).toEqual({ description: '가', exercise: { hints: ['힌', 'plain'] }, expect: { objects: [{ match: { description: { en: 'kept' } }, hint: '엑스' }] } });
    // Expectation names too; a plain name (a DNS query, a step) stays as written.
    expect(localize({ expect: { routes: [{ name: { en: 'reaches all', ko: '모두에 닿아요' } }], dns: [{ name: 'web' }] } }, 'ko')).toEqual({ expect: { routes: [{ name: '모두에 닿아요' }], dns: [{ name: 'web' }] } });
  });
});

describe('Korean through the CLI', () => {
  const fix = ['-f', 'exercises/01-selector-typo/.solution', '-f', 'exercises/01-selector-typo/deploy-hostname.yaml'];

  test('curl --lang ko says the route in Korean; names, addresses and kubectl words stay', async () => {
    const r = await runCli(['curl', 'hostname-svc-clusterip:8080', '--seed', '1', '-v', '--lang', 'ko', ...fix]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\* 디버그 파드 default\/debug\(10\.244\.\d+\.\d+, node-\d\)가 http:\/\/hostname-svc-clusterip:8080에 연결해요$/m);
    expect(r.stdout).toMatch(/kube-proxy가 10\.96\.\d+\.\d+:8080를 10\.244\.\d+\.\d+:80로 DNAT해요/);
    expect(r.stdout).toMatch(/^연결 1개: 성공 1, 거부 0, 버려짐 0, DNS 오류 0$/m);
    const broken = await runCli(['curl', 'hostname-svc-clusterip:8080', '--seed', '1', '-f', 'exercises/01-selector-typo'], { env: { LANG: 'ko_KR.UTF-8' } });
    expect(broken.stdout).toContain('거부됨(refused): Service default/hostname-svc-clusterip에는 포트 8080/TCP (web-port)로 쓸 수 있는 엔드포인트가 없어요');
    const english = await runCli(['curl', 'hostname-svc-clusterip:8080', '--seed', '1', '-f', 'exercises/01-selector-typo']);
    expect(english.stdout).toContain('refused: Service default/hostname-svc-clusterip has no usable endpoint');
  });

  test('svclab explain --lang ko has a Korean page for every rule the exercises meet; others fall back to English', async () => {
    const met = ['service-selector-no-match', 'target-port-no-container-port', 'target-port-name-unresolved', 'nodeport-out-of-range', 'statefulset-service-missing', 'schema', 'env-service-reference'];
    for (const id of met) {
      expect(RULES_BY_ID.has(id)).toBe(true);
      const r = await runCli(['explain', id, '--lang', 'ko']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^# ${id}\\n\\n\\*\\*기본 심각도:\\*\\*`));
      expect(r.stdout).toContain('## 고치는 법');
    }
    for (const f of fs.readdirSync(path.join(REPO_ROOT, 'docs', 'rules', 'ko'))) expect(RULES_BY_ID.has(f.replace(/\.md$/, ''))).toBe(true);
    const fallback = await runCli(['explain', 'duplicate-key', '--lang', 'ko']);
    expect(fallback.stdout).toMatch(/^# duplicate-key\n\n\*\*Default severity:\*\*/);
  });
});

describe('tables pad by display width', () => {
  test('a Hangul cell takes two columns per syllable, so the next column lines up', () => {
    expect(displayWidth('웹서버')).toBe(6);
    const text = renderTable({ headers: ['NAME', 'TYPE'], rows: [['웹서버', 'ClusterIP'], ['web', 'NodePort']] });
    const [header, ko, en] = text.trimEnd().split('\n');
    expect(displayWidth(ko.slice(0, ko.indexOf('ClusterIP')))).toBe(header.indexOf('TYPE'));
    expect(en.indexOf('NodePort')).toBe(header.indexOf('TYPE'));
  });
});
