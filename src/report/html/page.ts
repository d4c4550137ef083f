/**
 * The shell of every HTML page svclab writes (graph, scenario report, lint report, playground):
 * one self-contained file, inline style, no external font, script or image, so it opens offline
 * and can be uploaded as a CI artifact. `esc` is the one escaper of text and attribute values.
 */
import { xmlAttr, xmlText } from '../xml';

export const esc = xmlText;
export const attr = xmlAttr;

export const BASE_STYLE = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1b1f23;background:#fff}
header{padding:12px 20px;border-bottom:1px solid #d0d7de;background:#f6f8fa}
header h1{font-size:18px;margin:0}
main{padding:12px 20px}
h2{font-size:16px;margin:18px 0 6px}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
pre{background:#f6f8fa;padding:8px;overflow:auto;border-radius:6px;margin:4px 0}
.passed{color:#1a7f37}.failed,.error{color:#c62828}.warning{color:#9a6700}
.badge{display:inline-block;padding:0 6px;border-radius:10px;border:1px solid currentColor;font-size:12px;margin-right:6px}
.picture{overflow:auto;border:1px solid #d0d7de;border-radius:6px;max-height:80vh}
.filters label{margin-right:12px}
table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:2px 6px;text-align:left;vertical-align:top}
.diff-exp{background:#e6ffec}.diff-act{background:#ffebe9}
`.trim();

export function page(title: string, body: string, extra: { style?: string; script?: string } = {}): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No network: nothing on the page may load anything from elsewhere.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'unsafe-inline'; connect-src 'self'">`,
    `<title>${esc(title)}</title>`,
    `<style>${BASE_STYLE}${extra.style ? `\n${extra.style}` : ''}</style>`,
    '</head>',
    '<body>',
    body,
    extra.script ? `<script>${extra.script.replace(/<\/script/gi, '<\\/script')}</script>` : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
