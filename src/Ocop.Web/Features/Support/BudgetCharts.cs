using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Support;

/// <summary>
/// Budget charts drawn on the server as SVG, like the dashboard's: for each line three bars (allocated, committed, paid),
/// with a table beside them that screen readers and print read.
/// </summary>
public static class BudgetCharts
{
    private static readonly string[] Colours = ["#8fc1a0", "#3f8f5f", "#15502f"];
    private static readonly string[] Labels = ["Dự toán", "Cam kết", "Đã chi"];

    public static HtmlString Lines(string title, IReadOnlyList<NamedBudgetLine> lines)
    {
        const int labelWidth = 190, barMax = 360, barHeight = 8, rowHeight = 34;
        var max = Math.Max(1, lines.Select(l => Math.Max(l.AllocatedVnd, Math.Max(l.CommittedVnd, l.PaidVnd))).DefaultIfEmpty(0).Max());
        var height = (lines.Count * rowHeight) + 26;
        var width = labelWidth + barMax + 110;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Encode(title)}\">");
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var y = i * rowHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 18}\" font-size=\"12\">{Encode(Shorten(line.Name))}</text>");
            long[] values = [line.AllocatedVnd, line.CommittedVnd, line.PaidVnd];
            for (var k = 0; k < 3; k++)
            {
                var w = values[k] * (decimal)barMax / max;
                var barY = y + 4 + (k * (barHeight + 1));
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{barY}\" width=\"{w:0.##}\" height=\"{barHeight}\" fill=\"{Colours[k]}\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + barMax + 6}\" y=\"{y + 18}\" font-size=\"11\">{Encode(Millions(line.AllocatedVnd))}</text>");
        }

        var legendY = (lines.Count * rowHeight) + 16;
        for (var k = 0; k < 3; k++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth + (k * 90)}\" y=\"{legendY - 10}\" width=\"12\" height=\"12\" fill=\"{Colours[k]}\"/><text x=\"{labelWidth + (k * 90) + 16}\" y=\"{legendY}\" font-size=\"12\">{Labels[k]}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>"12,5 tr" for 12.500.000 đồng: the chart's label; the table has the exact figure.</summary>
    public static string Millions(long vnd) => (vnd / 1_000_000m).ToString("#,##0.#", Display.Vi) + " tr";

    private static string Shorten(string name) => name.Length <= 30 ? name : name[..29] + "…";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
