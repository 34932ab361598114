using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Integrations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InventoryProFlow.Api.Hosting;

/// <summary>
/// States on every operation of the OpenAPI document what it needs: the Bearer scopes (security), the roles a person
/// must have (<c>x-roles</c>), whether clients are refused (<c>x-people-only</c>), or that it is open (no security) or
/// takes a POS API key. The security tests build their matrix from these, so the document cannot drift from the code.
/// </summary>
internal sealed class OperationGuards : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = context.Description.RelativePath == PosSalesApi.Route.TrimStart('/')
                ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSecurityScheme.PosApiKey, context.Document)] = [] }]
                : [];
            return Task.CompletedTask;
        }

        var guards = metadata.OfType<IAuthorizeData>()
            .Select(a => a.Policy is { } name && Policies.Guards.TryGetValue(name, out var guard) ? guard : null)
            .OfType<Guard>()
            .ToList();
        var scopes = guards.SelectMany(g => g.Scopes).Distinct().Order().ToList();
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSecurityScheme.Bearer, context.Document)] = scopes }];
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        var roles = guards.Where(g => g.Roles is not null).Select(g => g.Roles!).Aggregate(
            (IEnumerable<string>?)null, (kept, next) => kept is null ? next : kept.Intersect(next));
        if (roles is not null)
        {
            operation.Extensions["x-roles"] = new JsonNodeExtension(new System.Text.Json.Nodes.JsonArray(roles.Select(r => (System.Text.Json.Nodes.JsonNode)r).ToArray()));
        }

        if (guards.Any(g => g.PeopleOnly))
        {
            operation.Extensions["x-people-only"] = new JsonNodeExtension(true);
        }

        return Task.CompletedTask;
    }
}
