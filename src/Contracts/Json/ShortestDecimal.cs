using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InventoryProFlow.Contracts.Json;

/// <summary>
/// Writes a decimal in its shortest exact form: 5 bottles, not the 5.00000000 that a numeric(20,8) column
/// reads back as, and 3.4 rather than 3.40000000. A JSON number has no scale, so nothing is lost, and a client
/// that parses whole bottles as integers keeps working.
/// </summary>
public sealed class ShortestDecimal : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(Shortest(value));

    /// <summary>The same value with no trailing zeros after the point.</summary>
    public static decimal Shortest(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>The shortest form as invariant text, as people read it in a message or a CSV cell: 3.4, not 3.40000000.</summary>
    public static string Text(decimal value) => Shortest(value).ToString(CultureInfo.InvariantCulture);
}

/// <summary>The JSON of stored answers and payloads (idempotency receipts, webhook events, audit): web defaults, shortest decimals.</summary>
public static class ContractJson
{
    public static JsonSerializerOptions Web { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new ShortestDecimal());
        return options;
    }
}
