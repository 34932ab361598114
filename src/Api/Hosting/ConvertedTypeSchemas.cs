using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InventoryProFlow.Api.Hosting;

/// <summary>
/// Gives back the types our own JSON converters hide from the schema generator: with PrintableText every string, and
/// with ShortestDecimal every decimal, would otherwise be an untyped schema that a generated client can only call
/// "unknown". A nullable one admits null, as the framework writes it for types it converts itself.
/// </summary>
internal sealed class ConvertedTypeSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is not null)
        {
            return Task.CompletedTask;
        }

        var type = context.JsonTypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var nullable = underlying != type || (context.JsonPropertyInfo is { } property && (property.IsGetNullable || property.IsSetNullable));
        schema.Type = underlying switch
        {
            _ when underlying == typeof(string) => JsonSchemaType.String,
            _ when underlying == typeof(decimal) => JsonSchemaType.Number,
            _ => null,
        };
        if (schema.Type is not null && nullable)
        {
            schema.Type |= JsonSchemaType.Null;
        }

        return Task.CompletedTask;
    }
}
