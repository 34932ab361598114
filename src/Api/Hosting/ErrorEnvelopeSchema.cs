using System.Reflection;
using System.Text.Json.Nodes;
using InventoryProFlow.Api.Errors;
using InventoryProFlow.Contracts.Errors;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InventoryProFlow.Api.Hosting;

/// <summary>
/// Puts the error envelope of DESIGN.md section 6 into the OpenAPI document as schemas (ErrorEnvelope, ErrorBody,
/// FieldError) and one shared response per error status, so an operation's errors are <c>$ref</c>s a generated
/// client turns into types, instead of prose. OperationErrors picks which of them each operation lists.
/// </summary>
internal sealed class ErrorEnvelopeSchema : IOpenApiDocumentTransformer
{
    public const string Envelope = "ErrorEnvelope";
    private const string Body = "ErrorBody";
    private const string Field = "FieldError";

    /// <summary>The error statuses the Api answers, the name of each one's shared response, and what a client reads there.</summary>
    public static readonly IReadOnlyList<(int Status, string Name, string Description)> Responses =
    [
        (400, "BadRequest", "The request is not valid; details names each field's problem (VALIDATION_FAILED, INVALID_BARCODE)."),
        (401, "Unauthorized", "No credential, or one that is wrong or expired (UNAUTHORIZED, INVALID_TOKEN, TOKEN_EXPIRED, " +
            "INVALID_CREDENTIALS, INVALID_API_KEY, INVALID_SIGNATURE): refresh the token or sign in again."),
        (403, "Forbidden", "Signed in, but the role, the token's scopes or the organisation's IP allow-list refuse this (FORBIDDEN)."),
        (404, "NotFound", "No such record in your organisation (NOT_FOUND); another organisation's records answer the same."),
        (409, "Conflict", "The request contradicts the stored state (CONFLICT, EMAIL_IN_USE, DUPLICATE_SKU, DUPLICATE_BARCODE, " +
            "IDEMPOTENCY_CONFLICT, INSUFFICIENT_STOCK)."),
        (413, "PayloadTooLarge", "The body is larger than the Api accepts (PAYLOAD_TOO_LARGE)."),
        (415, "UnsupportedMediaType", "The body is not of the media type the operation takes, application/json unless it says otherwise (UNSUPPORTED_MEDIA_TYPE)."),
        (429, "TooManyRequests", "Too many calls or attempts in the window (RATE_LIMITED); Retry-After says when to try again."),
        (500, "InternalError", "Our fault (INTERNAL_ERROR); the requestId helps us find it."),
        (503, "ServiceUnavailable", "The database or the cluster is briefly out of reach (SERVICE_UNAVAILABLE); retry after Retry-After seconds."),
    ];

    public static string ResponseName(int status) => Responses.Single(r => r.Status == status).Name;

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Field] = Object(
            "One field's problem.",
            ("field", Text("The field, as named in the request.")),
            ("message", Text("What is wrong with it, for a person.")));
        document.Components.Schemas[Body] = Object(
            "What went wrong.",
            ("code", new OpenApiSchema { Type = JsonSchemaType.String, Description = "Stable, upper-snake: branch on this, not on message.", Enum = Codes() }),
            ("message", Text("For a person; may change between versions.")),
            ("details", new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(Field, document), Description = "Each field's problem; empty when none." }),
            ("timestamp", new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "When the Api answered, UTC." }),
            ("requestId", Text("The X-Request-Id of the request: quote it when reporting a problem.")));
        document.Components.Schemas[Envelope] = Object(
            "Every error answer of the Api (DESIGN.md section 6).",
            ("success", new OpenApiSchema { Type = JsonSchemaType.Boolean, Enum = [JsonValue.Create(false)] }),
            ("error", new OpenApiSchemaReference(Body, document)));

        document.Components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        foreach (var (status, name, description) in Responses)
        {
            document.Components.Responses[name] = Response(document, status, description);
        }

        return Task.CompletedTask;
    }

    private static OpenApiResponse Response(OpenApiDocument document, int status, string description)
    {
        var headers = new Dictionary<string, IOpenApiHeader>
        {
            [RequestIdMiddleware.Header] = new OpenApiHeader { Description = "The request's id, also in the body's requestId.", Schema = Text(null) },
        };
        if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
        {
            headers["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before trying again.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } };
        }

        return new OpenApiResponse
        {
            Description = description,
            Headers = headers,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchemaReference(Envelope, document) } },
        };
    }

    // Read from ErrorCodes, so a code added there is in the document without a second list to keep.
    private static List<JsonNode> Codes() => typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)
        .Select(code => (JsonNode)JsonValue.Create(code))
        .ToList();

    private static OpenApiSchema Text(string? description) => new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiSchema Object(string description, params (string Name, IOpenApiSchema Schema)[] properties) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Properties = properties.ToDictionary(p => p.Name, p => p.Schema),
        Required = properties.Select(p => p.Name).ToHashSet(),
    };
}
