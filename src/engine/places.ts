import type { Region } from '../corpus/schema.ts';

/** The gazetteer's regions as a tree: China > Jiangsu > Suzhou > Zhangjiagang. */
export class RegionTree {
  private readonly childrenOf = new Map<string, Region[]>();

  constructor(private readonly byId: ReadonlyMap<string, Region>) {
    for (const region of byId.values()) {
      if (!region.parent) continue;
      const siblings = this.childrenOf.get(region.parent);
      if (siblings) siblings.push(region);
      else this.childrenOf.set(region.parent, [region]);
    }
  }

  /** The regions and everything below them, each once: Jiangsu holds Suzhou, which holds Zhangjiagang. */
  within(regions: readonly Region[]): Region[] {
    const out = [...new Set(regions)];
    const seen = new Set(out);
    for (let i = 0; i < out.length; i++) {
      for (const child of this.childrenOf.get(out[i]!.id) ?? []) {
        if (seen.has(child)) continue;
        seen.add(child);
        out.push(child);
      }
    }
    return out;
  }

  /** China > Jiangsu > Suzhou, from the top. */
  ancestry(region: Region): Region[] {
    const out: Region[] = [];
    for (let r: Region | undefined = region; r; r = r.parent ? this.byId.get(r.parent) : undefined) out.unshift(r);
    return out;
  }
}
