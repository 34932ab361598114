using System.Globalization;
using System.Security;
using System.Text;
using InventoryProFlow.Grains.Analytics.Forecasting;

namespace InventoryProFlow.Bench.ForecastEval;

/// <summary>Hand-written SVG: per charted series, the last year of actual weeks and each origin's forecast with its band.</summary>
internal static class ForecastChart
{
    private const int PanelWidth = 900, PanelHeight = 220, Margin = 50;

    public static string Draw(IReadOnlyList<WeeklyDemand> series, IReadOnlyDictionary<string, List<ChartedForecast>> forecasts, DateOnly calendarStart, double confidence)
    {
        var svg = new StringBuilder();
        var height = series.Count * (PanelHeight + Margin) + Margin;
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{PanelWidth + 2 * Margin}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for (var p = 0; p < series.Count; p++)
        {
            DrawPanel(svg, series[p], forecasts.GetValueOrDefault(series[p].Key) ?? [], calendarStart, confidence, Margin + p * (PanelHeight + Margin));
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void DrawPanel(StringBuilder svg, WeeklyDemand s, List<ChartedForecast> forecasts, DateOnly calendarStart, double confidence, int top)
    {
        var offset = (s.StartWeek.DayNumber - calendarStart.DayNumber) / 7;
        var first = Math.Max(0, s.Weeks - 60);
        var max = Math.Max(1, s.Quantities.Skip(first).Max());
        foreach (var f in forecasts)
        {
            max = Math.Max(max, f.Weeks.Max(w => w.Upper));
        }

        string X(int week) => F(Margin + (week - first) * (double)PanelWidth / (s.Weeks - first));
        string Y(double q) => F(top + PanelHeight - q / max * PanelHeight);

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin}\" y=\"{top - 8}\" font-weight=\"bold\">{SecurityElement.Escape(s.Key)}: weekly quantity, last {s.Weeks - first} weeks from {s.WeekStart(first):yyyy-MM-dd}; forecasts 1-4 weeks ahead with {confidence:P0} band</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Margin}\" y1=\"{top + PanelHeight}\" x2=\"{Margin + PanelWidth}\" y2=\"{top + PanelHeight}\" stroke=\"#999\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Margin}\" y1=\"{top}\" x2=\"{Margin}\" y2=\"{top + PanelHeight}\" stroke=\"#999\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin - 5}\" y=\"{top + 4}\" text-anchor=\"end\">{max:0}</text><text x=\"{Margin - 5}\" y=\"{top + PanelHeight}\" text-anchor=\"end\">0</text>\n");

        foreach (var f in forecasts)
        {
            var local = f.Origin - offset;
            var band = new StringBuilder();
            for (var h = 0; h < f.Weeks.Count; h++)
            {
                band.Append(CultureInfo.InvariantCulture, $"{X(local + h)},{Y(f.Weeks[h].Upper)} ");
            }

            for (var h = f.Weeks.Count - 1; h >= 0; h--)
            {
                band.Append(CultureInfo.InvariantCulture, $"{X(local + h)},{Y(f.Weeks[h].Lower)} ");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{band}\" fill=\"#f4a261\" fill-opacity=\"0.35\" stroke=\"none\"/>\n");
            var line = string.Join(' ', f.Weeks.Select((w, h) => $"{X(local + h)},{Y(w.Predicted)}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{line}\" fill=\"none\" stroke=\"#e76f51\" stroke-width=\"2\"/>\n");
        }

        var actual = string.Join(' ', Enumerable.Range(first, s.Weeks - first).Select(t => $"{X(t)},{Y(s.Quantities[t])}"));
        svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{actual}\" fill=\"none\" stroke=\"#264653\" stroke-width=\"1.2\"/>\n");
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
