import { proseTexts } from "../model/prose.js";
import type { Workplan } from "../model/schema.js";
import type { RuleVisitors } from "./rule.js";

/**
 * Walks the plan once, in document order, calling every rule's visitors: the plan, then each text,
 * with each area and deliverable (and its event) visited just before its first text; then `done`.
 * Apart from the engine so a rule's tests can run its visitors without a source file.
 */
export function walkWorkplan(workplan: Workplan, visitors: readonly RuleVisitors[]): void {
  const having = (key: keyof RuleVisitors) => visitors.filter((v) => v[key] !== undefined);
  const onText = having("text");
  const onArea = having("area");
  const onDeliverable = having("deliverable");
  const onEvent = having("event");
  for (const v of having("workplan")) v.workplan!(workplan);
  const { areas } = workplan.crossCutting;
  let area = 0;
  let deliverable = 0;
  // Each item is visited when the walk reaches its first text; catching up to it visits any item before it that has none.
  const areasUpTo = (end: number) => {
    for (; area < end; area++) for (const v of onArea) v.area!(areas[area]!, area);
  };
  const deliverablesUpTo = (end: number) => {
    areasUpTo(areas.length);
    for (; deliverable < end; deliverable++) {
      const item = workplan.deliverables[deliverable]!;
      for (const v of onDeliverable) v.deliverable!(item, deliverable);
      if (item.event) for (const v of onEvent) v.event!(item.event, deliverable);
    }
  };
  for (const text of proseTexts(workplan)) {
    const [section, key, index] = text.path;
    if (section === "crossCutting" && key === "areas") areasUpTo(Number(index) + 1);
    else if (section === "deliverables") deliverablesUpTo(Number(key) + 1);
    for (const v of onText) v.text!(text);
  }
  deliverablesUpTo(workplan.deliverables.length);
  for (const v of having("done")) v.done!();
}
