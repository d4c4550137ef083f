/** svclab curl's own words around the route sentences (the summary lines), in English and Korean. */
import type { Lang } from './lang';

export interface CurlWords {
  resolved: (name: string, ip: string) => string;
  summary: (n: number, s: { ok: number; refused: number; dropped: number; dnsError: number }) => string;
  reachable: string;
  outcome: Record<'ok' | 'refused' | 'dropped' | 'dns-error', string>;
  assumed: (assumed: number, n: number) => string;
  routeSeed: (seed: number) => string;
}

export const CURL_WORDS: Readonly<Record<Lang, CurlWords>> = {
  en: {
    resolved: (name, ip) => `${name} resolved to ${ip}`,
    summary: (n, s) => `${n} connection${n === 1 ? '' : 's'}: ${s.ok} ok, ${s.refused} refused, ${s.dropped} dropped, ${s.dnsError} dns-error`,
    reachable: 'reachable endpoints:',
    outcome: { ok: 'ok', refused: 'refused', dropped: 'dropped', 'dns-error': 'dns-error' },
    assumed: (a, n) => `assumed: ${a} of ${n} outcome${n === 1 ? '' : 's'} rest${a === 1 ? 's' : ''} on svclab's guess of the ports the app listens on (containerPort is informational); the pod template annotation svclab.io/listens states them`,
    routeSeed: (seed) => `endpoint picked with route seed ${seed} (a new one each run); --route-seed ${seed} replays it, --count 20 shows the spread`,
  },
  ko: {
    resolved: (name, ip) => `${name} -> ${ip}`,
    summary: (n, s) => `연결 ${n}개: 성공 ${s.ok}, 거부 ${s.refused}, 버려짐 ${s.dropped}, DNS 오류 ${s['dnsError']}`,
    reachable: '닿을 수 있는 엔드포인트:',
    outcome: { ok: '성공', refused: '거부됨(refused)', dropped: '버려짐(dropped)', 'dns-error': 'DNS 오류(dns-error)' },
    assumed: (a, n) => `가정: 결과 ${n}개 중 ${a}개는 앱이 기다리는 포트에 대한 svclab의 추측에 기대고 있어요 (containerPort는 정보용이에요). 파드 템플릿 애너테이션 svclab.io/listens로 알려 주세요`,
    routeSeed: (seed) => `이번 엔드포인트는 route seed ${seed}로 골랐어요 (실행할 때마다 새로 골라요). --route-seed ${seed}로 똑같이 다시 볼 수 있고, --count 20으로 분포를 볼 수 있어요`,
  },
};
