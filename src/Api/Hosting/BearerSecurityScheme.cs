using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InventoryProFlow.Api.Hosting;

/// <summary>Tells the OpenAPI document (and the /docs page) how requests prove who sends them: a Bearer token, or a POS's API key.</summary>
internal sealed class BearerSecurityScheme : IOpenApiDocumentTransformer
{
    public const string Bearer = "Bearer";
    public const string PosApiKey = "PosApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from POST /api/v1/auth/login (people) or POST /api/v1/auth/token (integration clients). " +
                "Each operation lists the scopes it needs; x-roles names the roles a person must have, x-people-only refuses clients.",
        };
        document.Components.SecuritySchemes[PosApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = InventoryProFlow.Api.Integrations.PosSalesApi.ApiKeyHeader,
            Description = "A POS integration's API key; the body is also signed (Ipf-Signature).",
        };
        // Each operation states its own requirement (OperationGuards).
        return Task.CompletedTask;
    }
}
