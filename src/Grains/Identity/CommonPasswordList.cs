namespace InventoryProFlow.Grains.Identity;

/// <summary>
/// The common passwords shipped with the product (CommonPasswords/README.md says where they come from).
/// A password is common when, lower-cased, it is on the list as it is, or once the digits and symbols at its end,
/// at its start or at both ends are cut off: "Password123!" is "password", "2024!Summer" is "summer".
/// </summary>
internal sealed class CommonPasswordList
{
    private const string ResourceName = "InventoryProFlow.Grains.Identity.CommonPasswords.common-passwords.txt";

    private static readonly Lazy<CommonPasswordList> ShippedList = new(Load);

    // Every entry is lower-case ASCII, so an ordinal set of the lower-cased candidate is a case-insensitive match.
    private readonly HashSet<string> _passwords;

    private CommonPasswordList(HashSet<string> passwords) => _passwords = passwords;

    /// <summary>The list embedded in this assembly, read once.</summary>
    public static CommonPasswordList Shipped => ShippedList.Value;

    public int Count => _passwords.Count;

    public bool Contains(string password)
    {
        var lower = password.ToLowerInvariant();
        var end = lower.Length;
        while (end > 0 && !char.IsLetter(lower[end - 1]))
        {
            end--;
        }

        var start = 0;
        while (start < end && !char.IsLetter(lower[start]))
        {
            start++;
        }

        return _passwords.Contains(lower)
            || _passwords.Contains(lower[..end])
            || _passwords.Contains(lower[start..])
            || _passwords.Contains(lower[start..end]);
    }

    private static CommonPasswordList Load()
    {
        using var stream = typeof(CommonPasswordList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return new CommonPasswordList(passwords);
    }
}
