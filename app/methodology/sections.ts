/** Section anchors other pages link to (`/methodology#win-rate`, ...). */
export const METHODOLOGY_SECTIONS = [
  { id: "settings", title: "Settings of this snapshot" },
  { id: "scores", title: "Scores" },
  { id: "win-rate", title: "Mean win rate (the ranking)" },
  { id: "worked-example", title: "Worked example" },
  { id: "intervals", title: "Intervals, rank intervals and tie groups" },
  { id: "order-bias", title: "Answer-order bias" },
  { id: "efficiency", title: "Token efficiency" },
  { id: "paired-tests", title: "Paired tests" },
  { id: "snapshots", title: "Snapshots and citing" },
] as const;
