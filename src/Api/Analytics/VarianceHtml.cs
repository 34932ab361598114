using System.Globalization;
using System.Net;
using System.Text;
using InventoryProFlow.Contracts.Analytics;

namespace InventoryProFlow.Api.Analytics;

/// <summary>The variance report as a page to print for the owner's meeting: biggest losses first, then categories, then data health.</summary>
public static class VarianceHtml
{
    public static string Write(VarianceReport report)
    {
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Variance {Text(report.LocationName)} {report.From.SnapshotAt:yyyy-MM-dd} to {report.To.SnapshotAt:yyyy-MM-dd}</title>
            <style>
            body {"{"} font: 12px/1.4 system-ui, sans-serif; margin: 2em; color: #111; {"}"}
            table {"{"} border-collapse: collapse; margin: 1em 0; {"}"}
            th, td {"{"} border: 1px solid #999; padding: 3px 6px; text-align: right; {"}"}
            th:first-child, td:first-child, td.text {"{"} text-align: left; {"}"}
            tr.loss td {"{"} color: #9b1c1c; {"}"}
            tr.total td {"{"} font-weight: bold; {"}"}
            @media print {"{"} body {"{"} margin: 0; {"}"} {"}"}
            </style></head><body>
            <h1>Variance report</h1>
            <p><strong>{Text(report.LocationName)}</strong><br>
            From {Text(report.From.Name)} ({report.From.SnapshotAt:yyyy-MM-dd HH:mm} UTC) to {Text(report.To.Name)} ({report.To.SnapshotAt:yyyy-MM-dd HH:mm} UTC)</p>
            <h2>By product, biggest loss first</h2>
            <table><thead><tr><th>Product</th><th>Category</th><th>Actual (oz)</th><th>Theoretical (oz)</th><th>Waste (oz)</th><th>Comps (oz)</th>
            <th>Variance (oz)</th><th>Variance (ml)</th><th>Variance (units)</th><th>Cost ($)</th><th>Retail ($)</th><th>%</th></tr></thead><tbody>
            """);
        foreach (var p in report.Products)
        {
            page.Append(CultureInfo.InvariantCulture, $"""
                <tr{(p.Variance.Cost > 0 ? " class=\"loss\"" : string.Empty)}><td>{Text(p.Name)} <small>{Text(p.Sku)}</small></td><td class="text">{Text(p.Category)}</td>
                <td>{p.ActualUsage.Oz:0.00}</td><td>{p.TheoreticalUsage.Oz:0.00}</td><td>{p.Waste.Oz:0.00}</td><td>{p.Comps.Oz:0.00}</td><td>{p.Variance.Oz:0.00}</td>
                <td>{p.Variance.Ml:0.###}</td><td>{p.Variance.Units:0.########}</td><td>{p.Variance.Cost:N2}</td><td>{p.Variance.Retail:N2}</td><td>{p.VariancePercent:0.0}</td></tr>
                """);
        }

        page.Append("""
            </tbody></table>
            <h2>By category</h2>
            <table><thead><tr><th>Category</th><th>Actual (ml)</th><th>Theoretical (ml)</th><th>Variance (ml)</th><th>Cost ($)</th><th>Retail ($)</th><th>%</th></tr></thead><tbody>
            """);
        foreach (var c in report.Categories.Append(report.Totals))
        {
            page.Append(CultureInfo.InvariantCulture, $"""
                <tr{(c.Category == "total" ? " class=\"total\"" : string.Empty)}><td>{Text(c.Category)}</td><td>{c.ActualMl:0.###}</td><td>{c.TheoreticalMl:0.###}</td>
                <td>{c.Variance.Ml:0.###}</td><td>{c.Variance.Cost:N2}</td><td>{c.Variance.Retail:N2}</td><td>{c.VariancePercent:0.0}</td></tr>
                """);
        }

        page.Append("</tbody></table><h2>Data health</h2><ul>");
        Health(page, "POS items left unmapped", report.DataHealth.UnmappedPosItems);
        Health(page, "Receipts without a cost", report.DataHealth.ReceiptsWithoutCost);
        Health(page, "Products sold but not counted at close", report.DataHealth.SoldNotCounted);
        page.Append(CultureInfo.InvariantCulture, $"</ul><p><small>{Text(report.Method)}</small></p></body></html>");
        return page.ToString();
    }

    private static void Health(StringBuilder page, string title, IReadOnlyList<DataHealthItem> items) =>
        page.Append(CultureInfo.InvariantCulture, $"<li>{Text(title)}: {(items.Count == 0 ? "none" : string.Join(", ", items.Select(i => $"{Text(i.What)} ({i.Lines} lines)")))}</li>");

    private static string Text(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);
}
