// The styles of what goals.ts draws (the status pill, the pace, the target's progress bar), which a
// card adopts beside its own when it first draws one. Made with the card's `css`, lent as goals.ts's
// other imports from Lit are.
import type { CSSResult, css as litCss } from "lit";

export const goalStyles = (css: typeof litCss): CSSResult => css`
  .status {
    font-size: 0.75rem;
    font-weight: 600;
    padding: 0.125rem 0.5rem;
    border-radius: 999px;
    border: 1px solid currentColor;
    white-space: nowrap;
  }
  .pace {
    margin: 0;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .target {
    display: grid;
    gap: 0.25rem;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .track {
    block-size: 0.375rem;
    border-radius: 999px;
    background: var(--_skeleton);
    overflow: hidden;
  }
  .bar {
    block-size: 100%;
    border-radius: inherit;
    background: var(--kpi-target-color, var(--_accent));
    transition: inline-size 0.4s ease-out;
  }
`;
