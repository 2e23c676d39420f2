import { css } from "lit";

export const cardStyles = css`
  .value {
    /* As large as the card's width allows for this many characters (--_chars, set by the card; a
       digit is about 0.6 em wide), so that $60.00 is big and $123,456,789.12 still fits. */
    font-size: var(--kpi-card-value-size, clamp(0.875rem, min(12cqi, 140cqi / var(--_chars, 8)), 2.25rem));
    font-weight: 650;
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
    /* A number never breaks in the middle ("US$30,118.2" then "5" on a line of its own): the size
       follows the card's width instead (cqi). */
    white-space: nowrap;
  }
  .delta-row {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.5rem;
    font-size: 0.875rem;
  }
  .delta {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .comparison {
    color: var(--_muted);
  }
  .sparkline {
    display: block;
    inline-size: 100%;
    block-size: var(--kpi-sparkline-height, 2.5rem);
    color: var(--kpi-sparkline-color, var(--_accent));
    overflow: visible;
  }
  .skeleton.label-line {
    inline-size: 40%;
    block-size: 0.875rem;
  }
  .skeleton.value-line {
    inline-size: 60%;
    block-size: 2rem;
  }
  .skeleton.spark-line {
    inline-size: 100%;
    block-size: var(--kpi-sparkline-height, 2.5rem);
  }
  @container (max-width: 220px) {
    .base {
      padding: calc(var(--_padding) * 0.75);
    }
    .header {
      flex-direction: column;
      align-items: flex-start;
    }
  }
`;
