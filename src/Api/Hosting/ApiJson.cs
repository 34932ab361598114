using System.Text.Json;
using System.Text.Json.Serialization;
using InventoryProFlow.Contracts.Json;

namespace InventoryProFlow.Api;

/// <summary>The Api's JSON: camelCase, as the seed's clients expect.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new Hosting.PrintableText());
        return ContractJson.Configure(options);
    }
}
