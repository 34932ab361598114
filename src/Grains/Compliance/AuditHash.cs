using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>
/// The hash of an audit entry: SHA-256 (hex) over a canonical text of every field but the hash itself,
/// the previous entry's hash included, so changing any entry breaks its own hash or the next one's link.
/// </summary>
public static class AuditHash
{
    /// <summary>What the first entry of a chain links to.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Of(ChainedEntry entry)
    {
        var text = new StringBuilder("ipf-audit-v1\n");
        Field(text, entry.OrganizationId.ToString("D"));
        Field(text, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, Time(entry.OccurredAt));
        Field(text, entry.UserId?.ToString("D"));
        Field(text, entry.RequestId);
        Field(text, entry.Action);
        Field(text, entry.EntityType);
        Field(text, entry.EntityId);
        Field(text, entry.Before);
        Field(text, entry.After);
        Field(text, entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>A time as PostgreSQL keeps it: UTC, to the microsecond (it drops .NET's last tick digit).</summary>
    public static DateTime Stored(DateTime at)
    {
        var utc = at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : at;
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }

    private static string Time(DateTime at) => Stored(at).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    // Length-prefixed, so no value can pass for two fields, and null differs from empty.
    private static void Field(StringBuilder text, string? value) =>
        text.Append(value is null ? "-" : value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
}
