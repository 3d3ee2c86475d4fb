namespace CommunityRules.Reporting.Html;

/// <summary>
/// The report's inline style sheet: system fonts only, nothing loaded from anywhere. Severity colours come from the
/// Okabe–Ito palette and differ in lightness as well as hue, and a severity is always named in words beside its colour.
/// The print rules keep tables, charts and cards whole on a page and print the help links' addresses.
/// </summary>
internal static class ReportStyles
{
    /// <summary>Gets the style sheet, with <c>\n</c> line ends whatever the checkout did to this file.</summary>
    public static string Css { get; } = """
        :root {
          --ink: #1d2733; --muted: #566273; --line: #d8dee6; --paper: #ffffff; --page: #f3f5f8;
          --brand: #0b3a5e; --brand-ink: #ffffff; --accent: #0072b2;
          --error: #b8390e; --warning: #e69f00; --suggestion: #0072b2; --silent: #6b7280; --suppressed: #6b7280;
          --keep: #007a5a; --keep-bg: #e6f4ef;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body {
          margin: 0; background: var(--page); color: var(--ink);
          font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
        }
        .wrap { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
        .masthead { background: var(--brand); color: var(--brand-ink); padding: 28px 0 22px; }
        .eyebrow { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 12px; font-weight: 600; opacity: .85; }
        h1 { margin: 4px 0 14px; font-size: 32px; line-height: 1.2; font-weight: 700; }
        .facts { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 12px 28px; margin: 0 0 22px; }
        .facts div { min-width: 0; }
        .facts dt { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; opacity: .8; }
        .data-notes { margin: 0 0 22px; padding: 10px 14px 10px 32px; border-left: 3px solid currentColor; font-size: 14px; opacity: .9; }
        .facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
        .facts dd .detail { display: block; font-weight: 400; font-size: 13px; opacity: .9; }
        .cards { list-style: none; display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 0; padding: 0; }
        .card { background: var(--paper); color: var(--ink); border-radius: 8px; padding: 12px 14px 10px; border-top: 6px solid var(--silent); }
        .card.sev-error { border-top-color: var(--error); }
        .card.sev-warning { border-top-color: var(--warning); }
        .card.sev-suggestion { border-top-color: var(--suggestion); }
        .card.sev-suppressed { border-top-color: var(--suppressed); border-top-style: dashed; }
        .card-value { display: block; font-size: 34px; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
        .card-label { display: block; font-weight: 600; }
        .card-note { display: block; font-size: 12px; color: var(--muted); }
        .toc { margin: 18px 0 0; font-size: 13px; }
        .toc ol { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 0; padding: 0; }
        .toc a { color: var(--brand-ink); text-decoration: none; border-bottom: 1px solid rgba(255, 255, 255, .45); }
        .toc a:hover, .toc a:focus { border-bottom-color: var(--brand-ink); }
        main { padding: 8px 0 24px; }
        section.block { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; margin: 20px 0; padding: 6px 24px 22px; }
        h2 { font-size: 22px; margin: 16px 0 4px; display: flex; align-items: baseline; gap: 10px; }
        h2 .num { display: inline-block; min-width: 30px; height: 30px; line-height: 30px; text-align: center; border-radius: 50%; background: var(--brand); color: #fff; font-size: 15px; }
        h2 .count { font-size: 15px; font-weight: 400; color: var(--muted); }
        h3 { font-size: 17px; margin: 22px 0 6px; }
        h3 .count { font-weight: 400; color: var(--muted); }
        .intro { margin: 0 0 12px; color: var(--muted); max-width: 80ch; }
        .empty { margin: 8px 0; padding: 12px 14px; background: #f6f8fa; border-left: 4px solid var(--line); border-radius: 4px; }
        table { width: 100%; border-collapse: collapse; margin: 8px 0 4px; font-size: 14px; }
        caption { text-align: left; font-weight: 600; padding: 4px 0 6px; }
        th, td { text-align: left; vertical-align: top; padding: 7px 10px; border-bottom: 1px solid var(--line); }
        thead th { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); border-bottom: 2px solid var(--ink); white-space: nowrap; }
        tbody th { font-weight: 400; }
        tbody tr:nth-child(even) > * { background: #f8fafc; }
        tfoot td, tfoot th { font-weight: 700; border-top: 2px solid var(--ink); border-bottom: none; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.id, .id { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12.5px; white-space: nowrap; }
        .muted { color: var(--muted); }
        .small { font-size: 12.5px; }
        p.message { max-width: 80ch; }
        td.target { width: 30%; overflow-wrap: anywhere; }
        table.problems tbody th { width: 26%; }
        table.crossposting ul.plain { list-style: none; margin: 0; padding: 0; }
        table.crossposting tbody th { width: 16%; }
        table.crossposting td.span { white-space: nowrap; }
        td.expires { white-space: nowrap; }
        td.target .id { white-space: normal; }
        table.compact { font-size: 13px; }
        table.compact th, table.compact td { padding: 4px 8px; }
        tr.rule-row th { background: #eef2f6; font-size: 13px; text-transform: none; letter-spacing: 0; color: var(--ink); border-bottom: 1px solid var(--line); }
        tr.off td { color: var(--muted); }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
        .badge.sev-error { background: var(--error); color: #fff; }
        .badge.sev-warning { background: var(--warning); color: #1d1d1d; }
        .badge.sev-suggestion { background: var(--suggestion); color: #fff; }
        .badge.sev-silent, .badge.sev-none { background: #fff; color: var(--muted); border-color: var(--line); }
        .badge.stage-help { background: #fff; color: var(--suggestion); border-color: var(--suggestion); }
        .badge.stage-archive { background: #1d2733; color: #fff; }
        .badge.soon { background: #fff4d6; color: #6b4700; border-color: var(--warning); }
        [data-baseline="new"] > :first-child::before, [data-baseline="updated"] > :first-child::before { display: inline-block; margin-right: 6px; padding: 0 6px; border-radius: 999px; font-size: 11px; font-weight: 700; background: #fff; color: #1d2733; border: 1px solid #1d2733; }
        [data-baseline="new"] > :first-child::before { content: "New"; }
        [data-baseline="updated"] > :first-child::before { content: "Updated"; }
        a.help { color: var(--accent); }
        .help-url { display: none; }
        figure { margin: 14px 0 8px; }
        figcaption { font-weight: 600; margin-bottom: 4px; }
        figcaption .muted { font-weight: 400; }
        svg.chart { display: block; max-width: 100%; height: auto; }
        svg text { font-family: inherit; fill: var(--ink); }
        svg .tick { font-size: 11px; fill: var(--muted); }
        svg .grid line { stroke: #e3e8ee; stroke-width: 1; }
        svg .axis { stroke: var(--ink); stroke-width: 1; }
        svg .axis-title, svg .legend-title { font-size: 12px; font-weight: 600; fill: var(--muted); }
        svg .legend { font-size: 12px; }
        svg .bar-label { font-size: 12.5px; }
        svg .bar-value { font-size: 12px; font-weight: 600; }
        svg .row-label { font-size: 12px; }
        svg .row-total { font-size: 11.5px; font-weight: 600; font-variant-numeric: tabular-nums; }
        svg .cell-value { font-size: 10.5px; fill: #1d2733; font-variant-numeric: tabular-nums; }
        svg .cell-value.on-dark { fill: #fff; }
        .fill-error { fill: var(--error); }
        .fill-warning { fill: var(--warning); }
        .fill-suggestion { fill: var(--suggestion); }
        .fill-silent { fill: var(--silent); }
        .fill-primary { fill: #0b3a5e; }
        .fill-secondary { fill: #9ecae1; }
        .fill-accent { fill: var(--accent); }
        .heat-0 { fill: #f1f3f6; }
        .heat-1 { fill: #deebf7; }
        .heat-2 { fill: #9ecae1; }
        .heat-3 { fill: #4292c6; }
        .heat-4 { fill: #08519c; }
        .flag-mark { fill: #d55e00; stroke: #7a2e00; stroke-width: 1; }
        .heat-row.flagged .row-label { font-weight: 700; }
        svg.sparkline { display: block; }
        svg .spark-value { font-size: 9.5px; fill: var(--ink); font-variant-numeric: tabular-nums; }
        svg .spark-month { font-size: 9.5px; fill: var(--muted); }
        .spark-bar { fill: var(--accent); }
        .spark-zero { fill: #b8c2cc; }
        .spark-base { stroke: #b8c2cc; stroke-width: 1; }
        .trend-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 10px; }
        .trend-rule { margin: 0; }
        .trend-now { float: right; }
        .trend-line { fill: none; stroke: var(--accent); stroke-width: 1.5; }
        .trend-point { fill: var(--accent); }
        .trend { white-space: nowrap; }
        .clusters { display: grid; gap: 16px; margin-top: 10px; }
        .cluster { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px 14px; break-inside: avoid; }
        .cluster h3 { margin: 2px 0 4px; display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
        .cluster-groups { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 10px; margin: 10px 0; }
        .group-card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; background: #fbfcfd; }
        .group-card.keep { border: 3px solid var(--keep); background: var(--keep-bg); padding: 8px 10px; }
        .group-card h4 { margin: 0 0 2px; font-size: 15px; overflow-wrap: anywhere; }
        .group-card .role { margin: 0 0 4px; font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
        .group-card.keep .role { color: var(--keep); }
        .group-card dl { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 2px 10px; margin: 8px 0 0; font-size: 13px; }
        .group-card dt { color: var(--muted); }
        .group-card dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; white-space: nowrap; }
        .evidence { margin: 4px 0 0; padding-left: 20px; font-size: 13.5px; }
        .lead-line { fill: none; stroke-width: 2; }
        circle.lead-point { stroke-width: 1.5; fill: #fff; }
        .lead-1 { stroke: #0072b2; }
        .lead-2 { stroke: #e69f00; stroke-dasharray: 7 3; }
        .lead-3 { stroke: #009e73; stroke-dasharray: 2 3; }
        .lead-4 { stroke: #cc79a7; stroke-dasharray: 9 3 2 3; }
        .lead-5 { stroke: #56b4e9; stroke-dasharray: 1 2; }
        .lead-all { stroke: #1d2733; stroke-width: 3.5; }
        circle.lead-point { stroke-dasharray: none; }
        tr.flagged th strong { font-weight: 700; }
        .report-footer { color: var(--muted); font-size: 12.5px; padding-top: 8px; padding-bottom: 32px; }
        @media (max-width: 640px) {
          .wrap { padding: 0 12px; }
          .facts { grid-template-columns: repeat(2, minmax(0, 1fr)); }
          section.block { padding: 4px 12px 16px; }
          h1 { font-size: 26px; }
          .table-scroll { overflow-x: auto; }
        }
        @media print {
          @page { size: A4; margin: 14mm 12mm 16mm; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          body { background: #fff; font-size: 10pt; }
          .wrap { max-width: none; padding: 0; }
          .masthead { background: #fff; color: var(--ink); padding: 0 0 8px; border-bottom: 2px solid var(--ink); }
          .card { border: 1px solid var(--line); border-top-width: 6px; }
          .toc { display: none; }
          main { padding: 0; }
          section.block { border: none; border-radius: 0; padding: 0; margin: 14px 0 0; }
          h2 { break-after: avoid; font-size: 16pt; }
          h3 { break-after: avoid; }
          h2 .num { background: #fff; color: var(--ink); border: 2px solid var(--ink); }
          figure, .cluster, .group-card, .card, tr, svg { break-inside: avoid; }
          #chart-activity, #chart-activity svg { break-inside: auto; }
          thead { display: table-header-group; }
          tbody tr:nth-child(even) > * { background: #f4f6f8; }
          a.help { color: var(--ink); text-decoration: none; }
          .help-url { display: block; font-size: 8pt; color: var(--muted); overflow-wrap: anywhere; }
          .table-scroll { overflow: visible; }
        }
        """.ReplaceLineEndings("\n");
}
