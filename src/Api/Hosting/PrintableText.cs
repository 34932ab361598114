using System.Text.Json;
using System.Text.Json.Serialization;

namespace InventoryProFlow.Api.Hosting;

/// <summary>
/// Refuses text with NUL or other control characters (tab and line breaks excepted) as it is read:
/// PostgreSQL cannot store NUL, and no field of ours wants the others.
/// </summary>
public sealed class PrintableText : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && !IsPrintable(text)
            ? throw new JsonException("Text may not contain control characters.")
            : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public static bool IsPrintable(string text) => !text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));
}
