import {css} from 'lit';

/**
 * Global design tokens (tier 1), inside `@layer lr.theme` so that any unlayered page CSS wins without
 * `!important`. Declared on `:root` (document) and `:host` (when adopted into a shadow root), so a page can
 * override them anywhere up the tree, e.g. `lr-login { --lr-color-accent: rebeccapurple; }`.
 *
 * Dark mode: colours use `light-dark()`, which follows the `color-scheme` of the element. Our elements
 * inherit the page's `color-scheme` (a page with `color-scheme: light dark` follows the OS); the classes
 * `.lr-theme-light` / `.lr-theme-dark` on the element or any ancestor force one scheme.
 *
 * Per-element knobs (tier 2, `--lr-<element>-*` and `--lr-field-*`) are read in the element styles with a
 * fallback to these tokens.
 */
export const tokenStyles = css`
  @layer lr.theme, lr.components;

  @layer lr.theme {
    :root,
    :host {
      /* The system's UI font unless the page sets this token (set it to \`inherit\` to use the page's font). */
      --lr-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
      --lr-font-size: 1rem;
      --lr-font-size-small: 0.875rem;
      --lr-line-height: 1.5;
      --lr-font-weight-strong: 600;

      --lr-color-text: light-dark(#1b1b1f, #e6e6ea);
      --lr-color-text-muted: light-dark(#4a4a55, #b4b4bf);
      --lr-color-surface: light-dark(#ffffff, #1b1b1f);
      --lr-color-field: light-dark(#ffffff, #26262c);
      --lr-color-border: light-dark(#70707c, #9a9aa6);
      --lr-color-border-subtle: light-dark(#c9c9d1, #4a4a55);
      --lr-color-accent: light-dark(#1a56c4, #8fb4ff);
      --lr-color-on-accent: light-dark(#ffffff, #0b1a33);
      --lr-color-danger: light-dark(#b3261e, #ffb4ab);
      --lr-color-success: light-dark(#1d6b32, #8fd6a0);
      --lr-color-focus: light-dark(#1a56c4, #8fb4ff);
      --lr-color-accent-soft: light-dark(#e8effc, #1e2a40);

      --lr-space-xs: 0.25rem;
      --lr-space-s: 0.5rem;
      --lr-space-m: 0.75rem;
      --lr-space-l: 1.25rem;

      --lr-radius-m: 0.5rem;
      --lr-border-width: 1px;
      --lr-focus-ring-width: 3px;
      --lr-focus-ring-offset: 2px;
      --lr-control-min-height: 2.75rem;
    }

    .lr-theme-light {
      color-scheme: light;
    }
    .lr-theme-dark {
      color-scheme: dark;
    }
  }
`;
