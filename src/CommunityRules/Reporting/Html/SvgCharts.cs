namespace CommunityRules.Reporting.Html;

/// <summary>A bar of a horizontal bar chart: a label and one or more stacked segments.</summary>
/// <param name="Label">The label beside the bar.</param>
/// <param name="Tooltip">What a reader sees when pointing at the bar, and what assistive technology reads.</param>
/// <param name="Segments">The stacked segments, left to right.</param>
internal sealed record BarRow(string Label, string Tooltip, IReadOnlyList<BarSegment> Segments);

/// <summary>A segment of a bar.</summary>
/// <param name="Value">The value.</param>
/// <param name="Style">The CSS class that colours it.</param>
internal sealed record BarSegment(int Value, string Style);

/// <summary>An entry of a chart's legend.</summary>
/// <param name="Name">What the colour means.</param>
/// <param name="Style">The CSS class of the colour.</param>
internal sealed record LegendItem(string Name, string Style);

/// <summary>A row of the activity heat-map.</summary>
/// <param name="Label">The group's name, shortened.</param>
/// <param name="FullName">The group's full name and id.</param>
/// <param name="Flagged">Whether the group has findings.</param>
/// <param name="Values">The posts and comments per month.</param>
internal sealed record HeatRow(string Label, string FullName, bool Flagged, IReadOnlyList<int> Values);

/// <summary>
/// Draws the report's charts as inline SVG: horizontal bar charts, an activity heat-map and sparklines. Every chart
/// has a <c>title</c> and <c>desc</c> that assistive technology reads, axis titles or a legend, and colours from
/// CSS classes chosen to be told apart with any colour vision and in grey print; numbers are written on the bars too.
/// </summary>
internal static class SvgCharts
{
    private const double Width = 760;
    private const double CharWidth = 6.6;

    /// <summary>Draws a horizontal bar chart, one bar per row, segments stacked.</summary>
    public static void HorizontalBars(
        HtmlOutput output,
        string id,
        string title,
        string description,
        string valueAxis,
        string categoryAxis,
        IReadOnlyList<BarRow> rows,
        IReadOnlyList<LegendItem> legend)
    {
        const double rowHeight = 26;
        const double barHeight = 16;
        var top = legend.Count > 0 ? 36.0 : 12.0;
        var labelWidth = Math.Clamp((rows.Count == 0 ? 0 : rows.Max(row => row.Label.Length) * 7) + 12, 60, 330);
        var left = 34 + labelWidth;
        var right = Width - 60;
        var height = top + (rows.Count * rowHeight) + 52;
        var maxValue = rows.Count == 0 ? 0 : rows.Max(row => row.Segments.Sum(segment => segment.Value));
        var (scaleMax, step) = NiceScale(maxValue);
        double X(double value) => left + ((right - left) * value / scaleMax);

        OpenSvg(output, id, title, description, Width, height, "chart bar-chart");
        if (legend.Count > 0)
        {
            Legend(output, legend, left, 14);
        }

        var axisY = top + (rows.Count * rowHeight) + 4;
        output.Line($"<g class=\"grid\" aria-hidden=\"true\">");
        for (var tick = 0; tick <= scaleMax; tick += step)
        {
            var x = X(tick);
            output.Line($"<line x1=\"{x}\" y1=\"{top - 4}\" x2=\"{x}\" y2=\"{axisY}\"/><text class=\"tick\" x=\"{x}\" y=\"{axisY + 14}\" text-anchor=\"middle\">{HtmlText.Count(tick)}</text>");
        }

        output.Line($"</g>");
        output.Line($"<line class=\"axis\" x1=\"{left}\" y1=\"{top - 4}\" x2=\"{left}\" y2=\"{axisY}\"/>");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = top + (i * rowHeight);
            output.Line($"<g class=\"bar-row\"><title>{row.Tooltip}</title>");
            output.Line($"<text class=\"bar-label\" x=\"{left - 8}\" y=\"{y + (barHeight / 2) + 4}\" text-anchor=\"end\">{row.Label}</text>");
            double start = 0;
            foreach (var segment in row.Segments.Where(segment => segment.Value > 0))
            {
                output.Line($"<rect class=\"{segment.Style}\" x=\"{X(start)}\" y=\"{y}\" width=\"{X(start + segment.Value) - X(start)}\" height=\"{barHeight}\"/>");
                start += segment.Value;
            }

            output.Line($"<text class=\"bar-value\" x=\"{X(start) + 6}\" y=\"{y + (barHeight / 2) + 4}\">{HtmlText.Count((long)start)}</text>");
            output.Line($"</g>");
        }

        output.Line($"<text class=\"axis-title\" x=\"{(left + right) / 2}\" y=\"{height - 8}\" text-anchor=\"middle\">{valueAxis}</text>");
        output.Line($"<text class=\"axis-title\" transform=\"rotate(-90)\" x=\"{-(top + (rows.Count * rowHeight / 2))}\" y=\"14\" text-anchor=\"middle\">{categoryAxis}</text>");
        output.Line($"</svg>");
    }

    /// <summary>
    /// Draws a grid of groups by months, each cell shaded by its posts and comments and labelled with the number, with
    /// each row's total at its end and a mark before the groups that have findings.
    /// </summary>
    public static void HeatMap(HtmlOutput output, string id, string title, string description, IReadOnlyList<int> months, IReadOnlyList<HeatRow> rows)
    {
        const double cellWidth = 54;
        const double cellHeight = 20;
        const double gap = 2;
        const double top = 58;
        const double labelX = 40;
        const double totalWidth = 64;
        // Labels of groups with findings are bold, a little wider.
        var labelWidth = Math.Clamp((rows.Count == 0 ? 0 : rows.Max(row => row.Label.Length) * 7.2) + 12, 80, 280);
        var left = labelX + labelWidth;
        var gridRight = left + (months.Count * cellWidth);
        var width = Math.Max(gridRight + totalWidth + 8, 560);
        var gridBottom = top + (rows.Count * (cellHeight + gap));
        var height = gridBottom + 64;
        var bins = Bins(rows.SelectMany(row => row.Values));

        OpenSvg(output, id, title, description, width, height, "chart heat-map");
        output.Line($"<text class=\"axis-title\" x=\"{left + (months.Count * cellWidth / 2)}\" y=\"14\" text-anchor=\"middle\">Month (UTC)</text>");
        output.Line($"<text class=\"axis-title\" x=\"{labelX}\" y=\"{top - 8}\">Group</text>");
        output.Line($"<text class=\"axis-title\" x=\"{gridRight + totalWidth - 6}\" y=\"{top - 8}\" text-anchor=\"end\">Total</text>");
        for (var m = 0; m < months.Count; m++)
        {
            var x = left + (m * cellWidth) + ((cellWidth - gap) / 2);
            var month = months[m];
            output.Write($"<text class=\"tick\" x=\"{x}\" y=\"32\" text-anchor=\"middle\">{HtmlText.MonthName(ReportModel.MonthOf(month))}</text>");
            if (m == 0 || ReportModel.MonthOf(month) == 1)
            {
                output.Write($"<text class=\"tick\" x=\"{x}\" y=\"45\" text-anchor=\"middle\">{ReportModel.YearOf(month)}</text>");
            }

            output.Line($"");
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var y = top + (r * (cellHeight + gap));
            output.Write($"<g class=\"heat-row{(row.Flagged ? " flagged" : string.Empty)}\"><title>{row.FullName}{(row.Flagged ? " (has findings)" : string.Empty)}</title>");
            if (row.Flagged)
            {
                FlagMark(output, labelX - 14, y + (cellHeight / 2));
            }

            output.Write($"<text class=\"row-label\" x=\"{labelX}\" y=\"{y + 14}\">{row.Label}</text>");
            output.Line($"<text class=\"row-total\" x=\"{gridRight + totalWidth - 6}\" y=\"{y + 14}\" text-anchor=\"end\">{HtmlText.Count(row.Values.Sum())}</text></g>");
            for (var m = 0; m < months.Count; m++)
            {
                var value = row.Values[m];
                var bin = BinOf(bins, value);
                var x = left + (m * cellWidth);
                output.Line($"<g class=\"cell\"><title>{row.FullName}, {ReportModel.MonthLabel(months[m])}: {HtmlText.Plural(value, "post or comment", "posts and comments")}</title><rect class=\"heat-{bin}\" x=\"{x}\" y=\"{y}\" width=\"{cellWidth - gap}\" height=\"{cellHeight}\"/><text class=\"cell-value{(bin >= 3 ? " on-dark" : string.Empty)}\" x=\"{x + ((cellWidth - gap) / 2)}\" y=\"{y + 14}\" text-anchor=\"middle\">{HtmlText.Count(value)}</text></g>");
            }
        }

        // Legend: the shades and what they stand for, and the mark of groups with findings.
        var legendY = gridBottom + 22;
        output.Line($"<text class=\"legend-title\" x=\"{labelX}\" y=\"{legendY + 11}\">Posts and comments</text>");
        var legendX = left;
        var labels = BinLabels(bins);
        for (var b = 0; b < labels.Count; b++)
        {
            var shade = b == 0 ? 0 : 4 - bins.Count + b;
            output.Line($"<rect class=\"heat-{shade}\" x=\"{legendX}\" y=\"{legendY}\" width=\"16\" height=\"14\"/><text class=\"legend\" x=\"{legendX + 21}\" y=\"{legendY + 11}\">{labels[b]}</text>");
            legendX += 30 + (labels[b].Length * CharWidth);
        }

        FlagMark(output, labelX + 5, legendY + 32);
        output.Line($"<text class=\"legend\" x=\"{labelX + 16}\" y=\"{legendY + 36}\">group with findings in this report</text>");
        output.Line($"</svg>");
    }

    private static void FlagMark(HtmlOutput output, double x, double y) =>
        output.Write($"<path class=\"flag-mark\" d=\"M{x} {y - 5}L{x + 5} {y}L{x} {y + 5}L{x - 5} {y}Z\"/>");

    /// <summary>
    /// Draws a small bar per month, its number above it and the month's initial below; the accessible label and each
    /// bar's tooltip name the months and numbers in full.
    /// </summary>
    public static void Sparkline(HtmlOutput output, IReadOnlyList<int> values, IReadOnlyList<int> months, string label)
    {
        const double barWidth = 16;
        const double gap = 5;
        const double barsTop = 12;
        const double barsHeight = 24;
        const double height = barsTop + barsHeight + 12;
        var width = (values.Count * (barWidth + gap)) - gap;
        var max = Math.Max(1, values.Count == 0 ? 0 : values.Max());
        var baseline = barsTop + barsHeight;
        output.Line($"<svg class=\"sparkline\" role=\"img\" aria-label=\"{label}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">");
        output.Line($"<line class=\"spark-base\" x1=\"0\" y1=\"{baseline + 0.5}\" x2=\"{width}\" y2=\"{baseline + 0.5}\"/>");
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            var x = i * (barWidth + gap);
            var barHeight = value == 0 ? 1.5 : Math.Max(3, barsHeight * value / max);
            output.Line($"<rect class=\"{(value == 0 ? "spark-zero" : "spark-bar")}\" x=\"{x}\" y=\"{baseline - barHeight}\" width=\"{barWidth}\" height=\"{barHeight}\"><title>{ReportModel.MonthLabel(months[i])}: {HtmlText.Count(value)}</title></rect>");
            output.Line($"<text class=\"spark-value\" x=\"{x + (barWidth / 2)}\" y=\"{baseline - barHeight - 2.5}\" text-anchor=\"middle\">{HtmlText.Count(value)}</text><text class=\"spark-month\" x=\"{x + (barWidth / 2)}\" y=\"{height - 1}\" text-anchor=\"middle\">{HtmlText.MonthName(ReportModel.MonthOf(months[i]))[..1]}</text>");
        }

        output.Line($"</svg>");
    }

    /// <summary>Picks a round step (1, 2 or 5 times a power of ten) that divides the axis into at most six parts.</summary>
    internal static (int Max, int Step) NiceScale(int maxValue)
    {
        if (maxValue <= 0)
        {
            return (1, 1);
        }

        var step = 1;
        for (var magnitude = 1; ; magnitude *= 10)
        {
            foreach (var factor in (ReadOnlySpan<int>)[1, 2, 5])
            {
                step = factor * magnitude;
                if ((maxValue + step - 1) / step <= 6)
                {
                    return ((maxValue + step - 1) / step * step, step);
                }
            }
        }
    }

    /// <summary>Splits the non-zero values into up to four shades at their quartiles; the bounds are the shades' upper ends.</summary>
    internal static IReadOnlyList<int> Bins(IEnumerable<int> values)
    {
        var sorted = values.Where(value => value > 0).Order().ToArray();
        if (sorted.Length == 0)
        {
            return [];
        }

        int Quantile(int percent) => sorted[Math.Min(sorted.Length - 1, (sorted.Length - 1) * percent / 100)];
        return [.. new[] { Quantile(25), Quantile(50), Quantile(75), sorted[^1] }.Distinct()];
    }

    private static int BinOf(IReadOnlyList<int> bounds, int value)
    {
        if (value <= 0)
        {
            return 0;
        }

        for (var i = 0; i < bounds.Count; i++)
        {
            if (value <= bounds[i])
            {
                // Shades 1 to 4; fewer bounds use the darker end, so the busiest cells are always darkest.
                return 4 - bounds.Count + i + 1;
            }
        }

        return 4;
    }

    private static List<string> BinLabels(IReadOnlyList<int> bounds)
    {
        var labels = new List<string> { "0" };
        var low = 1;
        foreach (var bound in bounds)
        {
            labels.Add(low == bound ? HtmlText.Count(bound) : $"{HtmlText.Count(low)}–{HtmlText.Count(bound)}");
            low = bound + 1;
        }

        return labels;
    }

    private static void OpenSvg(HtmlOutput output, string id, string title, string description, double width, double height, string style)
    {
        output.Line($"<svg class=\"{style}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" preserveAspectRatio=\"xMinYMin meet\">");
        output.Line($"<title id=\"{id}-title\">{title}</title>");
        output.Line($"<desc id=\"{id}-desc\">{description}</desc>");
    }

    private static void Legend(HtmlOutput output, IReadOnlyList<LegendItem> legend, double x, double y)
    {
        foreach (var item in legend)
        {
            output.Line($"<rect class=\"{item.Style}\" x=\"{x}\" y=\"{y - 10}\" width=\"14\" height=\"14\"/><text class=\"legend\" x=\"{x + 19}\" y=\"{y + 1}\">{item.Name}</text>");
            x += 36 + (item.Name.Length * CharWidth);
        }
    }
}
