// The colour of the previous period, for the widgets that draw it beside the current one (a trend's
// previous series, a funnel's previous bars, a breakdown's previous markers): a theme token as those
// of styles.ts are (light and dark, overridable through --kpi-color-previous), apart from them so
// that a card, which draws no previous period, does not bring it.
import { css } from "lit";

export const previousStyles = css`
  :host {
    --_previous: var(--kpi-color-previous, light-dark(#6e7781, #8b949e));
  }
`;
