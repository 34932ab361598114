using System.Globalization;
using System.Net;
using System.Text;
using InventoryProFlow.Contracts.Compliance;

namespace InventoryProFlow.Api.Compliance;

/// <summary>An ABC report as a page to print and sign: what the licensee files with the state, laid out as a form.</summary>
public static class ReportHtml
{
    public static string Write(ComplianceReportView report, string organizationName)
    {
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>ABC report {Text(report.LocationName)} {report.Period.Start:yyyy-MM-dd} to {report.Period.End:yyyy-MM-dd}</title>
            <style>
            body {"{"} font: 12px/1.4 system-ui, sans-serif; margin: 2em; color: #111; {"}"}
            table {"{"} border-collapse: collapse; margin: 1em 0; {"}"}
            th, td {"{"} border: 1px solid #999; padding: 3px 6px; text-align: right; {"}"}
            th:first-child, td:first-child {"{"} text-align: left; {"}"}
            tr.total td {"{"} font-weight: bold; {"}"}
            @media print {"{"} body {"{"} margin: 0; {"}"} {"}"}
            </style></head><body>
            <h1>Alcoholic beverage report</h1>
            <p><strong>{Text(organizationName)}</strong>, {Text(report.LocationName)}<br>
            Period {report.Period.Start:yyyy-MM-dd} to {report.Period.End:yyyy-MM-dd} ({Text(report.ReportType)}, business days in {Text(report.Timezone)})<br>
            Status: {Text(report.Status)}; ledger as of {report.LedgerAsOf:yyyy-MM-dd HH:mm:ss} UTC; report {report.Id}</p>
            <h2>Stock and sales by category</h2>
            <table><thead><tr><th>Category</th><th>Opening</th><th>Purchased</th><th>Sold</th><th>Wasted</th><th>Comped</th><th>Adjusted</th>
            <th>Transfers in</th><th>Transfers out</th><th>Closing</th><th>Sold (L)</th><th>Closing (L)</th><th>Purchases ($)</th><th>Gross receipts ($)</th></tr></thead><tbody>
            """);
        foreach (var row in report.ByCategory.Append(report.Totals))
        {
            page.Append(CultureInfo.InvariantCulture, $"""
                <tr{(row.Category == "total" ? " class=\"total\"" : string.Empty)}><td>{Text(row.Category)}</td><td>{row.OpeningUnits:0.########}</td><td>{row.PurchasedUnits:0.########}</td><td>{row.SoldUnits:0.########}</td>
                <td>{row.WastedUnits:0.########}</td><td>{row.CompedUnits:0.########}</td><td>{row.AdjustedUnits:0.########}</td><td>{row.TransferredInUnits:0.########}</td><td>{row.TransferredOutUnits:0.########}</td>
                <td>{row.ClosingUnits:0.########}</td><td>{row.SoldLitres:0.000}</td><td>{row.ClosingLitres:0.000}</td><td>{row.PurchasedAmount:N2}</td><td>{row.GrossReceipts:N2}</td></tr>
                """);
        }

        page.Append("</tbody></table><h2>Purchases by supplier</h2>");
        if (report.PurchasesBySupplier.Count == 0)
        {
            page.Append("<p>No purchases recorded in the period.</p>");
        }
        else
        {
            page.Append("<table><thead><tr><th>Supplier</th><th>Category</th><th>Units</th><th>Litres</th><th>Amount ($)</th></tr></thead><tbody>");
            foreach (var supplier in report.PurchasesBySupplier)
            {
                page.Append(CultureInfo.InvariantCulture, $"<tr><td>{Text(supplier.SupplierName)}</td><td>{Text(supplier.Category)}</td><td>{supplier.Units:0.########}</td><td>{supplier.Litres:0.000}</td><td>{supplier.Amount:N2}</td></tr>");
            }

            page.Append("</tbody></table>");
        }

        if (report.Taxes.Count > 0)
        {
            page.Append("<h2>State taxes (estimate)</h2><table><thead><tr><th>Tax</th><th>Rate</th><th>Taxable receipts ($)</th><th>Tax ($)</th><th>Due</th></tr></thead><tbody>");
            foreach (var tax in report.Taxes)
            {
                page.Append(CultureInfo.InvariantCulture, $"<tr><td>{Text(tax.Name)} ({Text(tax.Authority)})</td><td>{tax.Rate:0.###%}</td><td>{tax.TaxableReceipts:N2}</td><td>{tax.Amount:N2}</td><td>{tax.DueOn:yyyy-MM-dd}</td></tr>");
            }

            page.Append("</tbody></table>");
        }

        page.Append("<p>Litres are bottles x bottle size, exact; money as recorded in the ledger. Computed by Inventory Pro Flow; the licensee files.</p>");
        page.Append("<p>Signature: ______________________ Date: __________</p></body></html>");
        return page.ToString();
    }

    private static string Text(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);
}
