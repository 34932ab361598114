using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InventoryProFlow.Api.Hosting;

/// <summary>
/// A record's nullable constructor parameter is listed as required by the schema generator, yet our JSON reads a
/// missing one as null (RespectRequiredConstructorParameters is off) and handlers validate what they need. Left
/// required, a generated client would have to send every optional field of a sale as an explicit null.
/// </summary>
internal sealed class OptionalNullableMembers : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && schema.Required is { Count: > 0 } required)
        {
            foreach (var property in context.JsonTypeInfo.Properties.Where(IsNullable))
            {
                required.Remove(property.Name);
            }
        }

        return Task.CompletedTask;
    }

    private static bool IsNullable(JsonPropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null || (!property.PropertyType.IsValueType && property.IsSetNullable);
}
