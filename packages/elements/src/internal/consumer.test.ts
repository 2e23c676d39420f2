// A provider that upgrades after the elements inside it: they take its configuration when it does,
// and a provider that upgrades inside another takes its elements over. Each test defines a provider
// element of its own, as a page's module would define one late.
import { expect, fixture, html } from "@open-wc/testing";
import { unsafeStatic, html as staticHtml } from "lit/static-html.js";
import type { KpiCard } from "../components/kpi-card/kpi-card.js";
import { KpiProvider } from "../components/kpi-provider/kpi-provider.js";
import "../index.js";
import { pageErrors, result } from "../../test/support.js";

afterEach(() => expect(pageErrors()).to.deep.equal([]));

/** A provider's tag that is not yet defined, and its definition. */
function lateProvider(tag: string) {
  return { tag: unsafeStatic(tag), define: () => customElements.define(tag, class extends KpiProvider {}) };
}

describe("a provider that upgrades after the widgets inside it", () => {
  it("hands them its configuration when it upgrades", async () => {
    const late = lateProvider("late-provider-alone");
    const root = await fixture(
      staticHtml`<${late.tag} locale="ru"><kpi-card .data=${result()}></kpi-card></${late.tag}>`,
    );
    const el = root.querySelector<KpiCard>("kpi-card")!;
    await el.updateComplete;
    expect(el.effectiveLocale).not.to.equal("ru");
    late.define();
    await el.updateComplete;
    expect(el.effectiveLocale).to.equal("ru");
  });

  it("inside another provider, takes its widgets over, which then follow it and no longer the outer one", async () => {
    const late = lateProvider("late-provider-inner");
    const card = html`<kpi-card .data=${result()}></kpi-card>`;
    const root = await fixture<KpiProvider>(
      staticHtml`<kpi-provider locale="ru"><${late.tag} locale="ms">${card}</${late.tag}></kpi-provider>`,
    );
    const el = root.querySelector<KpiCard>("kpi-card")!;
    await el.updateComplete;
    expect(el.effectiveLocale).to.equal("ru");
    late.define();
    await el.updateComplete;
    expect(el.effectiveLocale).to.equal("ms");
    root.locale = "zh-Hans";
    await root.updateComplete;
    await el.updateComplete;
    expect(el.effectiveLocale).to.equal("ms");
    const inner = root.firstElementChild as KpiProvider;
    inner.locale = "zh-Hant";
    await inner.updateComplete;
    await el.updateComplete;
    expect(el.effectiveLocale).to.equal("zh-Hant");
  });

  it("a widget moved out of its provider and into another takes the new one's configuration", async () => {
    const root = await fixture(html`<div>
      <kpi-provider locale="ru"><kpi-card .data=${result()}></kpi-card></kpi-provider>
      <kpi-provider locale="ms"></kpi-provider>
    </div>`);
    const [from, to] = root.querySelectorAll("kpi-provider");
    const el = from!.querySelector<KpiCard>("kpi-card")!;
    await el.updateComplete;
    expect(el.effectiveLocale).to.equal("ru");
    to!.append(el);
    await el.updateComplete;
    expect(el.effectiveLocale).to.equal("ms");
    (from as KpiProvider).locale = "zh-Hans";
    await (from as KpiProvider).updateComplete;
    expect(el.effectiveLocale).to.equal("ms");
  });
});
