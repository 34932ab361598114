using System.Text;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InventoryProFlow.Api.Hosting;

/// <summary>
/// Gives every operation of the OpenAPI document an operationId, which generated clients turn into method names.
/// An endpoint's own <c>.WithName("signIn")</c> wins; any other gets one derived from its method and route, so an
/// endpoint added later has one without anyone remembering to name it, and the same route always gets the same id.
/// </summary>
internal sealed class OperationIds : IOpenApiOperationTransformer
{
    private const string ApiPrefix = "api/v1/";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(operation.OperationId))
        {
            var paged = operation.Parameters?.Any(p => p.In == ParameterLocation.Query && string.Equals(p.Name, "page", StringComparison.OrdinalIgnoreCase)) ?? false;
            operation.OperationId = Derive(context.Description.HttpMethod ?? "GET", context.Description.RelativePath ?? string.Empty, paged);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// <c>GET products</c> with paging: listProducts; <c>POST products</c>: createProduct; <c>GET products/{id}</c>: getProduct;
    /// <c>PUT</c>/<c>PATCH</c>: update, <c>DELETE</c>: delete; <c>POST count-sessions/{id}/complete</c>: completeCountSession.
    /// Segments before the last are qualifiers and read in the singular (integrations/clients: IntegrationClient).
    /// </summary>
    public static string Derive(string method, string relativePath, bool paged)
    {
        var path = relativePath.Split('?')[0].Trim('/');
        if (path.StartsWith(ApiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            path = path[ApiPrefix.Length..];
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var addressed = segments.Length > 0 && IsParameter(segments[^1]);
        var literals = segments.Where(s => !IsParameter(s)).ToList();
        // POST to a verb under an item (count-sessions/{id}/complete): the verb names the operation.
        var action = method is "POST" && segments.Length >= 2 && !addressed && IsParameter(segments[^2]) ? literals[^1] : null;
        if (action is not null)
        {
            literals.RemoveAt(literals.Count - 1);
        }

        var one = addressed || action is not null || method is "POST";
        var verb = action ?? method.ToUpperInvariant() switch
        {
            "GET" => addressed || !paged ? "get" : "list",
            "POST" => "create",
            "PUT" or "PATCH" => "update",
            "DELETE" => "delete",
            var other => other.ToLowerInvariant(),
        };

        var name = new StringBuilder(Camel(verb));
        for (var i = 0; i < literals.Count; i++)
        {
            var last = i == literals.Count - 1;
            name.Append(Pascal(last && !one ? literals[i] : Singular(literals[i])));
        }

        return name.ToString();
    }

    private static bool IsParameter(string segment) => segment.StartsWith('{');

    // Kebab-case and dotted segments (serving-sizes, jwks.json) become one PascalCase word run.
    private static string Pascal(string segment) => string.Concat(segment.Split('-', '.', '_')
        .Where(w => w.Length > 0)
        .Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));

    private static string Camel(string segment)
    {
        var pascal = Pascal(segment);
        return pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];
    }

    // Plain English plurals only; a route whose id reads badly gets .WithName instead of more rules here.
    private static string Singular(string segment)
    {
        var cut = segment.LastIndexOfAny(['-', '.']) + 1;
        var (head, word) = (segment[..cut], segment[cut..]);
        var singular = word switch
        {
            _ when word.EndsWith("ies", StringComparison.Ordinal) => word[..^3] + "y",
            _ when word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)
                || word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal) => word[..^2],
            _ when word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal)
                || word.EndsWith("ics", StringComparison.Ordinal) => word,
            _ when word.EndsWith('s') => word[..^1],
            _ => word,
        };
        return head + singular;
    }
}
