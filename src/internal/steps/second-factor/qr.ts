import {svg, type SVGTemplateResult} from 'lit';
import {encode} from 'uqr';

/**
 * A QR code drawn as inline SVG in the browser (one `<path>`, no image and no markup string), so a strict
 * `img-src 'self'` and Trusted Types allow it where the API's `data:` PNG is blocked.
 */
export function qrSvg(text: string, label: string): SVGTemplateResult {
  const {data, size} = encode(text, {ecc: 'M', border: 2});
  let d = '';
  data.forEach((row, y) => row.forEach((dark, x) => (d += dark ? `M${x} ${y}h1v1h-1z` : '')));
  return svg`<svg class="lr-qr" role="img" aria-label=${label} viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">
    <rect class="lr-qr__light" width=${size} height=${size}></rect><path class="lr-qr__dark" d=${d}></path>
  </svg>`;
}
