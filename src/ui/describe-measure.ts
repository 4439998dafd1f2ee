import { findName } from '../engine/names';
import type { Measure, Scenario } from '../scenario/schema';

const LEVEL = ['', 'Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'];
const percent = (x: number) => `${Math.round(x * 100)}%`;

/** A measure in plain Chinese, for the consequence screen and the timeline. */
export function describeMeasure(scenario: Scenario, m: Measure): string {
  const region = (id: string) => findName(scenario, 'region', id);
  const supply = (id: string) => {
    const s = scenario.supplies?.find((x) => x.id === id);
    return { name: s?.name ?? id, unit: s?.unit ?? '' };
  };
  switch (m.type) {
    case 'contact':
      return `${region(m.region)}：社会接触调整为正常的 ${percent(m.factor)}`;
    case 'travel':
      return `${region(m.between[0])}与${region(m.between[1])}之间往来调整为正常的 ${percent(m.factor)}`;
    case 'isolation':
      return `${region(m.region)}：发现并隔离约 ${percent(m.share)} 的感染者`;
    case 'beds':
      return `${region(m.region)}：新增床位 ${m.add} 张（${m.after} 后可用）`;
    case 'supply': {
      const s = supply(m.supply);
      return `${region(m.region)}：${s.name}${m.add >= 0 ? '增加' : '减少'} ${Math.abs(m.add)} ${s.unit}`;
    }
    case 'ship': {
      const s = supply(m.supply);
      const via = m.via?.length ? `，途经${m.via.map(region).join('、')}` : '';
      return `从${region(m.from)}向${region(m.to)}调运${s.name} ${m.amount} ${s.unit}（在途 ${m.takes}${via}）`;
    }
    case 'intercept':
      return m.by ? `${region(m.by)}截留途经的一批物资` : '截留途经本地的一批物资';
    case 'release':
      return m.by ? `${region(m.by)}放行途经的一批物资` : '放行途经本地的一批物资';
    case 'notify':
      return `向${m.regions.map(region).join('、')}通报疫情信息`;
    case 'roads':
      return `${m.from ? region(m.from) : '本地'}${m.open ? '恢复' : '关闭'}通往${region(m.region)}的道路`;
    case 'road':
      return `${m.open ? '恢复' : '关闭'}${m.name}（${region(m.between[0])}与${region(m.between[1])}之间，约占两地往来的 ${percent(m.share)}）`;
    case 'level':
      return `启动 ${LEVEL[m.level]} 级应急响应`;
    case 'policy':
      return `上级要求：社会接触控制在正常的 ${percent(m.contact)}`;
    case 'trust':
      return `${region(m.region)}：公众信任${m.add >= 0 ? '上升' : '下降'} ${Math.abs(m.add)}`;
    default: {
      const never: never = m;
      return never;
    }
  }
}
