using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Ocop.Core.Planning;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning;

/// <summary>Figures in Vietnamese and the dashboard's charts as inline SVG: rendered on the server, no script, printable.</summary>
public static class PlanDisplay
{
    /// <summary>A count as "1.234", a percentage as "33,3 %", no value as "—".</summary>
    public static string Figure(decimal? value, MeasureOutput output) => value switch
    {
        null => "—",
        decimal v when output == MeasureOutput.Percent => v.ToString("0.0", Display.Vi) + " %",
        decimal v => v.ToString("#,##0.#", Display.Vi),
    };

    public static string Target(decimal target, TargetDirection direction, MeasureOutput output) =>
        (direction == TargetDirection.AtLeast ? "≥ " : "≤ ") + Figure(target, output);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string StateClass(TargetState state) => state switch
    {
        TargetState.Achieved => "state-achieved",
        TargetState.OnTrack => "state-ontrack",
        TargetState.Behind or TargetState.NotAchieved => "state-behind",
        _ => "state-none",
    };

    /// <summary>A progress bar with its value announced to screen readers (role progressbar), drawn in SVG so it prints.</summary>
    public static HtmlString ProgressBar(int percent, string label)
    {
        var p = Math.Clamp(percent, 0, 100);
        var width = p * 1.6m;
        return new HtmlString(string.Create(CultureInfo.InvariantCulture,
            $"<svg class=\"bar\" width=\"160\" height=\"14\" viewBox=\"0 0 160 14\" role=\"progressbar\" aria-valuemin=\"0\" aria-valuemax=\"100\" aria-valuenow=\"{p}\" aria-label=\"{Encode(label)}\"><rect width=\"160\" height=\"14\" rx=\"3\" fill=\"#e3e8e4\"/><rect width=\"{width}\" height=\"14\" rx=\"3\" fill=\"#1f6f43\"/></svg>"));
    }

    /// <summary>Vertical bars, one per label, with the value on top; the table beside it is the screen readers' view.</summary>
    public static HtmlString Bars(string title, IReadOnlyList<(string Label, decimal? Value)> points, MeasureOutput output)
    {
        const int barWidth = 46, gap = 14, height = 120, top = 18, bottom = 20;
        var max = points.Select(p => p.Value ?? 0).DefaultIfEmpty(0).Max();
        if (output == MeasureOutput.Percent)
        {
            max = Math.Max(max, 100);
        }

        max = max <= 0 ? 1 : max;
        var width = points.Count * (barWidth + gap) + gap;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" width=\"{width}\" height=\"{height + top + bottom}\" viewBox=\"0 0 {width} {height + top + bottom}\" role=\"img\" aria-label=\"{Encode(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{top + height}\" x2=\"{width}\" y2=\"{top + height}\" stroke=\"#5b665f\"/>");
        for (var i = 0; i < points.Count; i++)
        {
            var (label, value) = points[i];
            var h = (int)Math.Round((value ?? 0) / max * height);
            var x = gap + (i * (barWidth + gap));
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{top + height - h}\" width=\"{barWidth}\" height=\"{h}\" fill=\"#1f6f43\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (barWidth / 2)}\" y=\"{top + height - h - 4}\" text-anchor=\"middle\" font-size=\"11\">{Encode(Figure(value, output))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (barWidth / 2)}\" y=\"{top + height + 14}\" text-anchor=\"middle\" font-size=\"11\">{Encode(label)}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>Horizontal stacked bars of 3, 4 and 5 star products per group.</summary>
    public static HtmlString StackedStars(string title, IReadOnlyList<StarsRow> rows)
    {
        const int labelWidth = 70, barMax = 420, rowHeight = 22;
        var max = Math.Max(1, rows.Select(r => r.Total).DefaultIfEmpty(0).Max());
        var height = (rows.Count * rowHeight) + 26;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" width=\"{labelWidth + barMax + 50}\" height=\"{height}\" viewBox=\"0 0 {labelWidth + barMax + 50} {height}\" role=\"img\" aria-label=\"{Encode(title)}\">");
        string[] colours = ["#8fc1a0", "#3f8f5f", "#15502f"];
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var y = i * rowHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 15}\" font-size=\"12\">{Encode(r.GroupCode)}</text>");
            var x = (decimal)labelWidth;
            int[] counts = [r.Three, r.Four, r.Five];
            for (var s = 0; s < 3; s++)
            {
                var w = counts[s] * (decimal)barMax / max;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.##}\" y=\"{y + 3}\" width=\"{w:0.##}\" height=\"16\" fill=\"{colours[s]}\"/>");
                x += w;
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 4:0.##}\" y=\"{y + 15}\" font-size=\"12\">{r.Total}</text>");
        }

        var legendY = (rows.Count * rowHeight) + 16;
        for (var s = 0; s < 3; s++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth + (s * 70)}\" y=\"{legendY - 10}\" width=\"12\" height=\"12\" fill=\"{colours[s]}\"/><text x=\"{labelWidth + (s * 70) + 16}\" y=\"{legendY}\" font-size=\"12\">{s + 3} sao</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
