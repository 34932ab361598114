using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InventoryProFlow.Api.Hosting;

/// <summary>
/// The OpenAPI document's own description: title, licence, what each tag groups, and server addresses without a
/// trailing slash (a client joining "/api/v1/..." to one would send "//api/v1/...").
/// </summary>
internal sealed class DocumentDescription : IOpenApiDocumentTransformer
{
    /// <summary>What each tag of the endpoints groups; a tag missing here fails the OpenAPI tests and the lint.</summary>
    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>
    {
        ["Auth"] = "Sign-in, sign-up, token refresh and sign-out for people; client credentials for integrations; the keys that verify tokens.",
        ["Organizations"] = "Your organisation: its name, tier, settings and IP allow-list.",
        ["Users"] = "The people of your organisation and their roles (admin, manager, staff).",
        ["Notifications"] = "What each person receives by mail: licence and report alerts, the daily below-par digest, shrinkage.",
        ["Locations"] = "The bars, restaurants and stores of your organisation; one is the primary.",
        ["Suppliers"] = "The distributors you buy from, with lead times.",
        ["Products"] = "The catalogue: products with SKU, barcode, size, proof and prices; look one up by barcode.",
        ["Inventory"] = "Stock on hand per location: items, par levels, counts, count sessions, batch updates and alerts.",
        ["Transactions"] = "The ledger: sales, purchases, transfers, adjustments, waste and comps, each applied once.",
        ["Menu"] = "What the POS sells and what it pours: serving sizes, recipes, POS items and modifiers.",
        ["Integrations"] = "POS connections, pushed POS sales, unmapped POS items and OAuth integration clients.",
        ["Webhooks"] = "Signed event deliveries to your endpoints, their history and redelivery.",
        ["Compliance"] = "Licences, compliance alerts and reports, TTB figures, retail dealer records and the audit trail.",
        ["Analytics"] = "Sales analytics, shrinkage anomalies, variance, demand forecasts and reorder suggestions.",
        ["Admin"] = "Operator checks of the organisation's ledger and the dashboard session.",
        ["Operator"] = "The platform operator's view of every organisation: subscription tier and status (suspension), and the hour's usage.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Inventory Pro Flow API";
        document.Info.Description = "Inventory, sales and compliance for bars, restaurants and liquor stores. Every answer is an envelope: " +
            "{\"success\": true, \"data\": ...} or {\"success\": false, \"error\": {code, message, details, timestamp, requestId}} (ErrorEnvelope).";
        document.Info.License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" };
        foreach (var server in document.Servers ?? [])
        {
            if (server.Url is { Length: > 1 } url && url.EndsWith('/'))
            {
                server.Url = url.TrimEnd('/');
            }
        }

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && Tags.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }

        return Task.CompletedTask;
    }
}
