// Writes a long plan (≈60 A4 pages as a handbook) into a copy of plans/: many tasks per level and long text
// sections, for timing `planlang render handbook --format pdf`. Usage: node bench/generate-large-plan.mjs OUT_DIR
import fs from "node:fs";
import path from "node:path";

const out = process.argv[2];
fs.rmSync(out, { recursive: true, force: true });
fs.cpSync("plans", out, { recursive: true });
const paragraph = "各街道、各有关部门要按照职责分工，加强值班值守和信息报送，落实“叫应”机制，确保预警信息及时传达到村（社区）、到户到人，做好危险区域人员转移、物资调拨和抢险救援队伍预置等各项工作。";
const keys = ["purpose", "basis", "scope", "principles", "grading", "system", "risks", "organization", "monitoring", "reporting", "response", "measures", "aftermath", "management"];
const text = keys.map((k) => `  ${k}: ${Array.from({ length: 16 }, () => paragraph).join("")}`);
const levels = ["IV", "III", "II", "I"];
const tasks = [];
for (const level of levels) {
  for (let i = 0; i < 85; i++) {
    tasks.push(`  - { id: t-${level.toLowerCase()}-${i}, title: ${level}级第${i + 1}项任务：组织开展巡查、转移和物资保障, owner: office, from: ${level}, within: ${30 + i} min, ack: 5 min }`);
  }
}
const plan = `planlang: 1
id: bench/large
title: 大型示例预案（性能测试用）
number: BENCH-60
kind: special
category: natural
hazards: [typhoon]
jurisdiction: cn-330303
owner: longwan/ema
parent: wenzhou/typhoon
version: "2026.1"
effective: 2026-06-01
lifecycle:
  approved: { by: 龙湾区人民政府, on: 2026-05-20 }
  published: 2026-05-22
  filed: { with: wenzhou/ema, on: 2026-06-05 }
  evaluated: 2026-05-10
  drills: [ { on: 2026-06-12, form: tabletop } ]
organization:
  hq: 区防汛防台抗旱指挥部
  roles:
    commander: { title: 总指挥, holder: 区长, backup: 常务副区长 }
    office: { title: 区防指办, holder: 区应急管理局局长, backup: 分管副局长, reports-to: commander }
levels:
  IV: { when: "warning.typhoon >= blue", declare: office }
  III: { when: "warning.typhoon >= yellow", declare: commander }
  II: { when: "warning.typhoon >= orange", declare: commander }
  I: { when: "warning.typhoon >= red", declare: commander }
end: { when: "warning.typhoon == none for 6 h", declare: commander }
tasks:
${tasks.join("\n")}
text:
${text.join("\n")}
`;
fs.writeFileSync(path.join(out, "longwan", "large.plan.yaml"), plan);
console.log(path.join(out, "longwan", "large.plan.yaml"));
