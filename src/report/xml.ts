/** Characters XML 1.0 cannot hold at all, even escaped (C0 controls but tab, CR, LF; U+FFFE/U+FFFF; lone surrogates). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function stripInvalid(s: string): string {
  return s.replace(INVALID_XML, '\uFFFD');
}

/** Escapes text for an attribute value in double quotes; newlines and tabs are kept as character references. */
export function xmlAttr(s: string): string {
  return stripInvalid(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/** Escapes element text. */
export function xmlText(s: string): string {
  return stripInvalid(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A CDATA section; every `]]>` inside is split across two sections, as it cannot appear in one. */
export function cdata(s: string): string {
  return `<![CDATA[${stripInvalid(s).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}
