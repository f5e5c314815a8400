// CAMEO vocabulary for labels: quad classes and the 20 root event codes.

// quads lists the quad classes 1–4 with their series key in the relations API and a colour.
export const quads = [
  { quad: 1, key: "verbal_cooperation", label: "Verbal cooperation", short: "Verbal coop.", color: "#74a9cf" },
  { quad: 2, key: "material_cooperation", label: "Material cooperation", short: "Material coop.", color: "#0570b0" },
  { quad: 3, key: "verbal_conflict", label: "Verbal conflict", short: "Verbal confl.", color: "#fdae6b" },
  { quad: 4, key: "material_conflict", label: "Material conflict", short: "Material confl.", color: "#d94801" },
];

export function quadLabel(q) {
  const c = quads.find((x) => x.quad === q);
  return c ? c.label : String(q ?? "–");
}

// roots names the CAMEO root codes.
export const roots = {
  "01": "Make public statement",
  "02": "Appeal",
  "03": "Express intent to cooperate",
  "04": "Consult",
  "05": "Engage in diplomatic cooperation",
  "06": "Engage in material cooperation",
  "07": "Provide aid",
  "08": "Yield",
  "09": "Investigate",
  "10": "Demand",
  "11": "Disapprove",
  "12": "Reject",
  "13": "Threaten",
  "14": "Protest",
  "15": "Exhibit military posture",
  "16": "Reduce relations",
  "17": "Coerce",
  "18": "Assault",
  "19": "Fight",
  "20": "Use unconventional mass violence",
};

// goldsteinColor maps a Goldstein score, −10 to +10, to a colour from red
// (conflict) through pale grey (0) to blue (cooperation).
export function goldsteinColor(g) {
  if (g === null || g === undefined || Number.isNaN(g)) return "#888888";
  const t = Math.max(-1, Math.min(1, g / 10));
  const mid = [240, 240, 240];
  const end = t < 0 ? [178, 24, 43] : [33, 102, 172];
  const a = Math.min(1, Math.abs(t) * 1.6); // most scores lie within ±6
  const c = mid.map((m, i) => Math.round(m + (end[i] - m) * a));
  return "#" + c.map((v) => v.toString(16).padStart(2, "0")).join("");
}
