/** The page's own style (uPlot's stylesheet is inlined next to it). Layer colours match the script's. */
export const PAGE_CSS = `
:root { --fg:#1d2330; --muted:#5b6475; --line:#d9dee7; --bg:#f6f7f9; --card:#fff; --accent:#c0392b;
  --kernel:#d1495b; --hypervisor:#8e44ad; --network:#2e86de; --storage:#e67e22; --hardware:#7f8c8d;
  --userland:#16a085; --metrics:#27ae60; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--fg); background:var(--bg); }
header { padding:16px 24px 12px; background:#1d2330; color:#fff; }
header h1 { margin:0 0 6px; font-size:20px; font-weight:600; }
header p { margin:2px 0; color:#d5dae4; max-width:110ch; }
header .verdict { color:#fff; font-size:15px; }
.badge { display:inline-block; padding:1px 8px; border-radius:10px; font-size:12px; font-weight:600; background:#e4e7ec; color:#1d2330; }
.badge.high, .badge.affected, .badge.no_fix { background:#f8d7da; color:#842029; }
.badge.medium, .badge.unknown { background:#fff3cd; color:#664d03; }
.badge.low, .badge.fixed, .badge.not_affected { background:#d1e7dd; color:#0f5132; }
main { display:grid; grid-template-columns:minmax(0,1fr) 380px; gap:16px; padding:16px 24px; }
main > section, main > aside { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:12px 16px; min-width:0; }
#timeline-section { grid-column:1; }
#evidence { grid-column:2; grid-row:1 / span 2; position:sticky; top:12px; align-self:start; max-height:calc(100vh - 24px); overflow:auto; }
.wide { grid-column:1 / span 2; }
h2 { font-size:16px; margin:0 0 8px; }
h3 { font-size:14px; margin:10px 0 4px; }
.toolbar { display:flex; gap:6px; align-items:center; flex-wrap:wrap; margin-bottom:6px; color:var(--muted); font-size:12px; }
.toolbar button { font:inherit; font-size:13px; padding:2px 10px; border:1px solid var(--line); border-radius:4px; background:#fff; cursor:pointer; }
.legend { display:flex; gap:12px; flex-wrap:wrap; font-size:12px; color:var(--muted); margin:4px 0 8px; }
.legend i { display:inline-block; width:10px; height:10px; border-radius:2px; margin-right:4px; vertical-align:-1px; }
#lanes { position:relative; }
.mark { position:absolute; display:flex; align-items:center; gap:4px; height:19px; padding:0; border:0; background:none; cursor:pointer; white-space:nowrap; font:12px/19px system-ui, sans-serif; color:var(--fg); z-index:5; }
.mark.flip { flex-direction:row-reverse; }
.mark.inside .label { position:absolute; left:6px; max-width:calc(100% - 12px); overflow:hidden; text-overflow:ellipsis; }
#lanes .u-over { overflow:hidden; }
.mark .bar { display:inline-block; height:13px; min-width:10px; border-radius:3px; opacity:.9; box-shadow:0 0 0 1px rgba(0,0,0,.25) inset; }
.mark .label { background:rgba(255,255,255,.85); padding:0 3px; border-radius:3px; }
.mark:hover .label, .mark:focus .label { background:#fff7d6; }
.mark.selected .label { background:#1d2330; color:#fff; }
.mark.first .bar { box-shadow:0 0 0 2px var(--accent); }
#unplaced { font-size:12px; color:var(--muted); margin:4px 0; }
#unplaced button { font:inherit; margin:2px 4px 2px 0; }
.chart { margin-top:10px; }
.more-series { margin-top:12px; }
.more-series summary { cursor:pointer; color:var(--muted); }
.chart .u-legend { font-size:12px; text-align:left; padding-left:120px; }
.chart .u-legend th { color:var(--fg); }
.chart .u-title { font-size:13px; font-weight:600; text-align:left; padding-left:120px; }
#evidence .hint { color:var(--muted); }
#evidence dl { display:grid; grid-template-columns:auto 1fr; gap:2px 10px; margin:6px 0; font-size:13px; }
#evidence dt { color:var(--muted); }
#evidence dd { margin:0; overflow-wrap:anywhere; }
.ev-line { border-top:1px solid var(--line); padding:4px 0; }
.ev-loc { font-size:12px; color:var(--muted); }
.ev-text, pre { font:12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space:pre-wrap; overflow-wrap:anywhere; margin:0; }
#evidence ul.links { padding-left:18px; margin:4px 0; font-size:13px; }
pre.trace { background:#f3f4f7; padding:6px 8px; border-radius:4px; }
table { border-collapse:collapse; width:100%; font-size:13px; }
th, td { text-align:left; padding:5px 8px; border-bottom:1px solid var(--line); vertical-align:top; overflow-wrap:anywhere; }
th { color:var(--muted); font-weight:600; overflow-wrap:normal; white-space:nowrap; }
td button { white-space:nowrap; font:inherit; font-size:12px; padding:1px 8px; border:1px solid var(--line); border-radius:4px; background:#fff; cursor:pointer; }
.layer { display:inline-block; width:9px; height:9px; border-radius:2px; margin-right:6px; }
.issue { border-left:4px solid var(--line); padding:4px 12px; margin:10px 0; }
.issue.affected, .issue.no_fix { border-color:#d1495b; }
.issue.unknown { border-color:#e0a800; }
.issue p { margin:4px 0; }
code { font:12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background:#f3f4f7; padding:1px 4px; border-radius:3px; overflow-wrap:anywhere; }
.muted { color:var(--muted); }
@media (max-width: 1000px) { main { grid-template-columns:minmax(0,1fr); } #evidence { grid-column:1; grid-row:auto; position:static; max-height:none; } .wide { grid-column:1; } }
`;
