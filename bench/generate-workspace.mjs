// Generates a large PlanLang workspace for benchmarks: N plans spread over R registries, each registry a
// district with streets, organisations, shelters, teams and a depot. Each district has a typhoon and a flood
// special plan; every other plan is a street's typhoon plan linked to its district's, shaped like the samples in
// plans/. The output checks with zero diagnostics and full coverage, so every analysis runs to its end.
// Usage: node bench/generate-workspace.mjs OUT_DIR [PLANS=1000] [REGISTRIES=20]
import fs from "node:fs";
import path from "node:path";

const [out, plansArg = "1000", registriesArg = "20"] = process.argv.slice(2);
if (!out) {
  console.error("usage: node bench/generate-workspace.mjs OUT_DIR [PLANS] [REGISTRIES]");
  process.exit(2);
}
const plans = Number(plansArg);
const registries = Number(registriesArg);
const perRegistry = Math.ceil(plans / registries);
const streetsPer = Math.max(1, perRegistry - 2);

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(path.join(out, "registries"), { recursive: true });
fs.writeFileSync(path.join(out, "planlang.yaml"), `planlang: 1
name: 基准测试工作区（生成）
language: zh-CN
norms:
  shelter-area: 1.5 m2/person
  water: 3 L/person/d
  food: 0.5 kg/person/d
coverage:
  district: [typhoon, flood]
  street: [typhoon]
`);

for (let r = 0; r < registries; r++) {
  const d = `cn-9${String(r).padStart(3, "0")}01`;
  const lines = [`planlang: 1`, `registry: bench-${r}`, `jurisdictions:`,
    `  - { id: ${d}, name: 示例${r}区, tier: district, population: ${500000 + r * 1000} persons }`];
  for (let s = 0; s < streetsPer; s++) lines.push(`  - { id: ${d}-${s}, name: 示例${r}区第${s}街道, tier: street, parent: ${d} }`);
  lines.push(`organizations:`, `  - { id: bench-${r}/ema, name: 示例${r}区应急管理局, kind: department, jurisdiction: ${d}, phone: 0577-8888 ${String(1000 + r)} }`);
  for (let s = 0; s < streetsPer; s++) lines.push(`  - { id: bench-${r}/street-${s}, name: 示例${r}区第${s}街道办事处, kind: government, jurisdiction: ${d}-${s} }`);
  lines.push(`resources:`);
  for (let s = 0; s < streetsPer; s++) {
    const capacity = 1000 + (s % 10) * 100;
    lines.push(`  - { id: shelter/b${r}-s${s}, kind: shelter, name: 第${s}避灾安置点, in: ${d}-${s}, capacity: ${capacity} persons, area: ${capacity * 1.6} m2, hazards: [typhoon, flood], group: bench-${r}/shelters }`);
  }
  lines.push(`  - { id: team/b${r}-fire, kind: team, in: ${d}, specialty: [fire, flood, typhoon], headcount: 80 persons, arrive: 30 min, group: bench-${r}/teams }`);
  lines.push(`  - { id: team/b${r}-flood, kind: team, in: ${d}, specialty: [flood, typhoon], headcount: 60 persons, arrive: 45 min, group: bench-${r}/teams }`);
  lines.push(`  - id: depot/b${r}`, `    kind: depot`, `    in: ${d}`, `    group: bench-${r}/depots`,
    `    stock: { tent: 5000 each, quilt: 30000 each, drinking-water: 200000 L, instant-food: 60000 kg }`);
  fs.writeFileSync(path.join(out, "registries", `bench-${r}.registry.yaml`), lines.join("\n") + "\n");
}

for (let i = 0; i < plans; i++) {
  const r = Math.floor(i / perRegistry);
  const k = i % perRegistry;
  const d = `cn-9${String(r).padStart(3, "0")}01`;
  const district = k < 2;
  const s = k - 2;
  const hazard = k === 1 ? "flood" : "typhoon";
  const signal = hazard === "typhoon" ? "typhoon" : "rainstorm";
  const evacuate = district ? [100 + i % 50, 400 + i % 50, 1000 + i % 50, 2000 + i % 50] : [100, 300, 600, 900];
  const dir = path.join(out, `region-${r}`);
  fs.mkdirSync(dir, { recursive: true });
  const needs = district
    ? `    needs:
      shelter: scenario.evacuate
      drinking-water: scenario.evacuate * norms.water * scenario.days
      instant-food: scenario.evacuate * norms.food * scenario.days`
    : `    needs: { shelter: scenario.evacuate }`;
  fs.writeFileSync(path.join(dir, `plan-${i}.plan.yaml`), `planlang: 1
id: bench/plan-${i}
title: ${district ? `示例${r}区防${hazard === "typhoon" ? "台风" : "洪涝"}应急预案` : `示例${r}区第${s}街道防台风应急预案`}（${i}）
kind: ${district ? "special" : "community"}
category: natural
hazards: [${hazard}, rainstorm]
jurisdiction: ${district ? d : `${d}-${s}`}
owner: ${district ? `bench-${r}/ema` : `bench-${r}/street-${s}`}
${district ? "" : `parent: bench/plan-${r * perRegistry}\n`}version: "2025.1"
effective: "2025-06-01"
lifecycle:
  approved: { by: 示例${r}区人民政府, on: "2025-05-20" }
  published: "2025-05-22"
  filed: { with: bench-${r}/ema, on: "2025-06-10" }
  evaluated: "2025-05-10"
  drills:
    - { on: "2025-09-01", form: tabletop }
scenario:
  evacuate: { IV: ${evacuate[0]} persons, III: ${evacuate[1]} persons, II: ${evacuate[2]} persons, I: ${evacuate[3]} persons }
  days: { IV: 1 d, III: 2 d, II: 3 d, I: 5 d }
organization:
  hq: 防汛防台工作组
  roles:
    commander: { title: 总指挥, holder: 主任, backup: 副主任 }
    office: { title: 值班室, holder: 应急办主任, backup: 应急办副主任, reports-to: commander }
    rescue: { title: 抢险救援组, lead: 消防救援队, members: [民兵分队] }
    grid: { title: 网格员, lead: 各社区, members: [网格员] }
levels:
  IV: { when: "warning.${signal} >= blue or rain.h24 >= 50 mm", declare: office }
  III: { when: "warning.${signal} >= yellow or rain.h24 >= 100 mm", declare: commander }
  II: { when: "warning.${signal} >= orange or rain.h24 >= 200 mm", declare: commander }
  I: { when: "warning.${signal} >= red or rain.h24 >= 300 mm", declare: commander }
end: { when: "warning.${signal} == none and rain.h3 < 10 mm for 6 h", declare: commander }
tasks:
  - { id: relay, title: 接收并转发预警, owner: office, from: IV, within: 30 min, ack: 5 min }
  - { id: report, title: 报告上级, owner: office, from: IV, within: 1 h, after: [relay] }
  - { id: check-list, title: 核对转移清单, owner: grid, from: IV, within: 3 h, after: [relay] }
  - id: evacuate
    title: 组织人员转移
    owner: grid
    from: III
    within: 6 h
    ack: 15 min
    after: [check-list]
${needs}
  - id: standby
    title: 救援队伍集结待命
    owner: rescue
    from: III
    within: 2 h
    needs: { rescuers: 50 persons, arrive: 60 min, specialty: [${hazard}] }
  - { id: close-outdoor, title: 停止户外作业, owner: grid, from: II, within: 3 h }
  - { id: casualties, title: 核实伤亡情况, owner: office, from: II, within: 2 h, after: [report] }
  - { id: request-aid, title: 请求上级支援, owner: commander, from: I, within: 1 h }
resources: [bench-${r}/shelters, bench-${r}/teams, bench-${r}/depots]
text:
  scope: 本预案适用于本辖区${hazard === "typhoon" ? "台风" : "洪涝"}灾害的防御和应急处置。
  reporting: 值班电话 0577-8888 ${String(2000 + (i % 8000)).padStart(4, "0")}，接到预警后 30 分钟内传达到各责任人。
  aftermath: 组织转移群众有序返回，开展灾后卫生防疫和灾情核查。
  risks: 辖区沿海低洼，台风期常伴随暴雨和天文大潮，危旧房和地质灾害隐患点人员安全风险突出。
  monitoring: 接收气象、水利部门的预警信息，通过应急广播和网格员传达到责任人和群众。
  measures: 按任务清单组织人员转移、巡查和抢险，转移人员登记造册并每 2 小时上报。
  assurance: 区应急管理局统一调度救援队伍和救灾物资，保障应急通信畅通。
`);
}
console.log(`wrote ${plans} plans and ${registries} registries to ${out}`);
